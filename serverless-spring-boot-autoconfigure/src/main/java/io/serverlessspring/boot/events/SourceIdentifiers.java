package io.serverlessspring.boot.events;

import java.util.ArrayList;
import java.util.List;

import io.serverlessspring.boot.naming.Arns;
import tools.jackson.databind.JsonNode;

/**
 * The names a record's source goes by, so a handler's {@code source} may be the name or the ARN:
 * queue, topic, bucket, table (or stream) and stream, each as a name and as an ARN.
 */
final class SourceIdentifiers {

	private SourceIdentifiers() {
	}

	static List<String> of(EventSourceType type, JsonNode record) {
		List<String> ids = new ArrayList<>();
		switch (type) {
			case SQS -> arnAndName(ids, record.path("eventSourceARN").asString(null));
			case SNS -> arnAndName(ids, record.path("Sns").path("TopicArn").asString(null));
			case S3 -> {
				add(ids, record.path("s3").path("bucket").path("name").asString(null));
				add(ids, record.path("s3").path("bucket").path("arn").asString(null));
			}
			case KINESIS -> arnAndName(ids, record.path("eventSourceARN").asString(null));
			case DYNAMODB -> {
				String arn = record.path("eventSourceARN").asString(null);
				add(ids, arn);
				if (arn != null && arn.contains(":table/")) {
					String table = arn.substring(arn.indexOf(":table/") + 7);
					int stream = table.indexOf("/stream/");
					String tableName = (stream >= 0) ? table.substring(0, stream) : table;
					add(ids, tableName);
					add(ids, arn.substring(0, arn.indexOf(":table/") + 7) + tableName);
				}
			}
			case EVENTBRIDGE, LOGS, COGNITO, LEX -> {
			}
		}
		return ids;
	}

	private static void arnAndName(List<String> ids, String arn) {
		add(ids, arn);
		if (arn != null) {
			add(ids, Arns.resourceName(arn));
		}
	}

	private static void add(List<String> ids, String value) {
		if (value != null && !value.isEmpty()) {
			ids.add(value);
		}
	}

}
