package io.serverlessspring.shell.plan;

import java.util.List;
import java.util.Map;

import io.serverlessspring.boot.naming.Arns;
import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.shell.model.EventSourceSpec;

/** Changes to what invokes the function from events, and the task resources deploy creates. */
public final class EventChanges {

	private EventChanges() {
	}

	/**
	 * One event source wired to the live alias, whatever its type: an SQS/DynamoDB/Kinesis mapping
	 * ({@code uuid} the existing one), an SNS subscription ({@code subscriptionArn}) or an S3
	 * notification. Replace = delete then create (Lambda fixes a stream's starting position).
	 */
	public record EventSource(Action action, EventSourceSpec source, String aliasArn, String uuid,
			String subscriptionArn, String detail, List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return switch (this.source.type()) {
				case "sns" -> "subscription";
				case "s3" -> "bucket notification";
				default -> "event source mapping";
			};
		}

		@Override
		public String resource() {
			return switch (this.source.type()) {
				case "sns" -> Arns.resourceName(this.source.sourceArn()) + " -> " + ResourceNames.ALIAS;
				case "s3" -> "s3://" + Arns.resourceName(this.source.sourceArn());
				default -> this.source.sourceArn();
			};
		}

	}

	/** The task response table, with time to live on {@code expiresAt}; an update only turns that on. */
	public record TaskTable(Action action, String table, Map<String, String> tags, String detail,
			List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "task table";
		}

		@Override
		public String resource() {
			return this.table;
		}

	}

	/** An SNS topic deploy owns (the task topic). */
	public record Topic(Action action, String name, String arn, Map<String, String> tags, String detail,
			List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "task topic";
		}

		@Override
		public String resource() {
			return this.name;
		}

	}

	/** An SQS queue deploy owns: the task queue, or a handler's queue ({@code serverless.events.create-queues}). */
	public record Queue(Action action, String name, boolean eventQueue, Map<String, String> tags, String detail,
			List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return this.eventQueue ? "event queue" : "task queue";
		}

		@Override
		public String resource() {
			return this.name;
		}

	}

}
