package io.serverlessspring.shell.plan;

import java.util.List;

/** Changes to the streams of DynamoDB tables that event handlers read. */
public final class TableStreamChanges {

	private TableStreamChanges() {
	}

	/**
	 * Turns on the stream of an existing table that has none, with {@code viewType}, as its handler asks
	 * ({@code enable-stream}); the handler's mapping, planned after it, reads the new stream. Deploy never
	 * turns a stream off: other readers may use it.
	 */
	public record Stream(Action action, String table, String viewType, String detail, List<FieldChange> fields)
			implements ResourceChange {

		@Override
		public String kind() {
			return "table stream";
		}

		@Override
		public String resource() {
			return this.table;
		}

	}

}
