package io.serverlessspring.shell.execute;

import io.serverlessspring.boot.naming.Arns;
import io.serverlessspring.shell.plan.TableStreamChanges;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** DynamoDB table streams: UpdateTable's StreamSpecification, and a table's stream for its mapping. */
final class TableStreamHandlers {

	private TableStreamHandlers() {
	}

	static void register(Executor.Registry registry) {
		registry.on(TableStreamChanges.Stream.class, TableStreamHandlers::stream);
	}

	private static void stream(TableStreamChanges.Stream change, ExecutionContext ctx) {
		var dynamo = ctx.clients().dynamoDb();
		// A re-run after the stream came on changes nothing (UpdateTable would refuse an enabled stream).
		var spec = dynamo.describeTable(b -> b.tableName(change.table())).table().streamSpecification();
		if (spec != null && Boolean.TRUE.equals(spec.streamEnabled())) {
			return;
		}
		dynamo.updateTable(b -> b.tableName(change.table())
			.streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.fromValue(change.viewType()))));
	}

	/**
	 * The event source a mapping reads: a DynamoDB table ARN (a table whose stream this plan turned on)
	 * is its latest stream now; any other ARN is itself.
	 */
	static String mappingSource(ExecutionContext ctx, String sourceArn) {
		if (!"dynamodb".equals(Arns.service(sourceArn)) || sourceArn.contains("/stream/")) {
			return sourceArn;
		}
		String table = Arns.resourceName(sourceArn);
		String stream = ctx.clients().dynamoDb().describeTable(b -> b.tableName(table)).table().latestStreamArn();
		if (stream == null) {
			throw new IllegalStateException("DynamoDB table " + table + " has no stream to map");
		}
		return stream;
	}

}
