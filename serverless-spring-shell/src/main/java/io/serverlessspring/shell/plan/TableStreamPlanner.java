package io.serverlessspring.shell.plan;

import java.util.List;

import io.serverlessspring.boot.naming.Arns;
import io.serverlessspring.shell.model.EventSourceSpec;

/**
 * A DynamoDB handler names a table that exists but has no stream: its stream is turned on when the
 * handler asks for it ({@code enable-stream}), else the plan says which setting would.
 */
final class TableStreamPlanner {

	private TableStreamPlanner() {
	}

	/** Whether the stream is turned on by this plan (then the mapping on it follows). */
	static boolean enable(EventSourceSpec source, List<ResourceChange> changes, List<String> unchanged) {
		String table = Arns.resourceName(source.sourceArn());
		if (source.streamViewType() == null) {
			unchanged.add("event source " + source.sourceArn() + " NOT CONNECTED: DynamoDB table " + table
					+ " has no stream; turn it on, or let deploy do it: enable-stream: true on handler " + source.id()
					+ " (serverless.events.handlers.<id>.enable-stream, or enableStream = true on @ServerlessEventHandler)");
			return false;
		}
		changes.add(new TableStreamChanges.Stream(Action.UPDATE, table, source.streamViewType(),
				"enable-stream of " + source.id(), List.of(FieldChange.of("stream", null, source.streamViewType()))));
		return true;
	}

}
