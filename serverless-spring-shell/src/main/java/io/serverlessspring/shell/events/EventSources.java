package io.serverlessspring.shell.events;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the manifest's {@code eventHandlers[]} into {@link EventSourceSpec}s. No AWS calls. */
public final class EventSources {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private EventSources() {
	}

	/**
	 * The event sources to wire; names become ARNs in {@code region}/{@code account}, except DynamoDB
	 * tables (their stream ARN is looked up by the reader) and S3 buckets (named).
	 *
	 * @param disabled {@code false} when {@code serverless.events.enabled} turns every source off
	 */
	public static List<EventSourceSpec> from(JsonNode manifest, String region, String account, boolean disabled) {
		List<EventSourceSpec> specs = new ArrayList<>();
		for (JsonNode handler : manifest.path("eventHandlers")) {
			String type = handler.path("type").asString("");
			String source = handler.path("source").asString("");
			if (source.isEmpty() || type.equals("eventbridge")) {
				continue;
			}
			String arn = switch (type) {
				case "sqs" -> arn("sqs", region, account, source);
				case "sns" -> arn("sns", region, account, source);
				case "kinesis" -> source.startsWith("arn:") ? source : "arn:aws:kinesis:" + region + ":" + account + ":stream/" + source;
				default -> source;
			};
			JsonNode filter = handler.path("filter");
			boolean s3 = type.equals("s3");
			List<String> events = new ArrayList<>();
			handler.path("events").forEach(e -> events.add(e.asString()));
			if (s3 && events.isEmpty()) {
				events.add("s3:ObjectCreated:*");
			}
			specs.add(new EventSourceSpec(handler.path("id").asString(source), type, arn,
					handler.path("batchSize").isNumber() ? handler.path("batchSize").asInt() : null,
					handler.path("batchWindowSeconds").asInt(0),
					(type.equals("dynamodb") || type.equals("kinesis")) ? handler.path("startingPosition").asString("LATEST") : null,
					handler.path("reportBatchItemFailures").asBoolean(false),
					(!s3 && filter.isObject() && !filter.isEmpty()) ? JSON.writeValueAsString(filter) : null, events,
					s3 && filter.path("prefix").isString() ? filter.path("prefix").asString() : null,
					s3 && filter.path("suffix").isString() ? filter.path("suffix").asString() : null,
					!disabled && handler.path("enabled").asBoolean(true)));
		}
		return specs;
	}

	private static String arn(String service, String region, String account, String nameOrArn) {
		return nameOrArn.startsWith("arn:") ? nameOrArn : "arn:aws:" + service + ":" + region + ":" + account + ":" + nameOrArn;
	}

}
