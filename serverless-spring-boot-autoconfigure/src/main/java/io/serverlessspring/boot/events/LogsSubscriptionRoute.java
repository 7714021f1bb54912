package io.serverlessspring.boot.events;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.CloudWatchLogsEvent;
import io.serverlessspring.boot.routing.EventRoute;
import io.serverlessspring.boot.routing.JsonFieldPath;
import io.serverlessspring.boot.routing.LambdaEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * CloudWatch Logs subscription events ({@code {"awslogs":{"data":"<base64 gzip JSON>"}}}), decoded
 * with the JDK's GZIP and handed to the {@code logs} handlers of their log group: as
 * {@link CloudWatchLogsEvent} (raw), {@link CloudWatchLogsData} (decoded), one
 * {@link CloudWatchLogsData.LogEvent} at a time, or each message read as the handler's own type.
 * A batch naming the subscription filter of one handler ({@code <function>-<handler id>}, as deploy
 * names them) goes to that handler only; any other goes to every handler of the log group.
 * A failure fails the invocation, so Lambda retries the (asynchronous) delivery.
 */
public class LogsSubscriptionRoute implements EventRoute {

	private final EventHandlerRegistry registry;

	private final HandlerCalls calls;

	LogsSubscriptionRoute(EventHandlerRegistry registry, HandlerCalls calls) {
		this.registry = registry;
		this.calls = calls;
	}

	@Override
	public String name() {
		return "logs-subscription";
	}

	@Override
	public boolean accepts(LambdaEvent event) {
		return event.json().has("awslogs");
	}

	@Override
	public void handle(LambdaEvent event, OutputStream output, Context context) throws IOException {
		CloudWatchLogsData data = decode(event.json());
		ObjectNode response = this.calls.mapper().createObjectNode();
		response.put("ok", true);
		response.put("kind", "event");
		ArrayNode ids = response.putArray("handlers");
		if ("CONTROL_MESSAGE".equals(data.messageType())) {
			// CloudWatch checking the destination when the filter is put: nothing for the handlers.
			response.put("records", 0);
			output.write(this.calls.mapper().writeValueAsBytes(response));
			return;
		}
		if (data.logGroup() == null || data.logEvents() == null) {
			throw new EventFormatException("The logs event's data has no '" + ((data.logGroup() == null) ? "logGroup" : "logEvents")
					+ "': not a CloudWatch Logs DATA_MESSAGE", null);
		}
		List<EventHandlerDefinition> ofGroup = this.registry.all().stream()
			.filter((h) -> h.type() == EventSourceType.LOGS && TriggerSources.logGroupName(h.source()).equals(data.logGroup()))
			.toList();
		// Deploy puts one filter per handler, named after it: the batch names the filter it matched.
		List<EventHandlerDefinition> named = ofGroup.stream()
			.filter((h) -> data.subscriptionFilters() != null && data.subscriptionFilters().stream()
				.anyMatch((f) -> f != null && f.endsWith("-" + TriggerSources.logFilterKey(h.id()))))
			.toList();
		List<EventHandlerDefinition> handlers = named.isEmpty() ? ofGroup : named;
		if (handlers.isEmpty()) {
			throw new IllegalStateException("No logs handler is bound to log group " + data.logGroup() + "; handlers: "
					+ this.registry.all().stream().map((h) -> h.id() + "=" + h.type().value() + ":" + h.source()).toList());
		}
		for (EventHandlerDefinition handler : handlers) {
			Class<?> input = this.calls.invoker(handler).inputClass();
			if (CloudWatchLogsEvent.class.isAssignableFrom(input)) {
				this.calls.call(handler, this.calls.read(CloudWatchLogsEvent.class, event.json().toString(), "logs event"),
						null, context);
			}
			else if (CloudWatchLogsData.class.isAssignableFrom(input)) {
				this.calls.call(handler, data, null, context);
			}
			else {
				boolean typed = CloudWatchLogsData.LogEvent.class.isAssignableFrom(input);
				for (CloudWatchLogsData.LogEvent logEvent : data.logEvents()) {
					String message = (logEvent.message() != null) ? logEvent.message() : "";
					this.calls.call(handler, logEvent, typed ? null : HandlerCalls.utf8(message), context);
				}
			}
			ids.add(handler.id());
		}
		response.put("records", data.logEvents().size());
		output.write(this.calls.mapper().writeValueAsBytes(response));
	}

	/** {@code awslogs.data}: base64, then gzip, then JSON; the error says which step failed. */
	private CloudWatchLogsData decode(JsonNode json) {
		JsonNode data = json.path("awslogs").path("data");
		if (!data.isString()) {
			throw new EventFormatException("The logs event has no 'awslogs.data' text: expected base64 of gzipped JSON", null);
		}
		byte[] gzipped;
		try {
			gzipped = Base64.getDecoder().decode(data.asString());
		}
		catch (IllegalArgumentException ex) {
			throw new EventFormatException("The logs event's 'awslogs.data' is not base64: " + ex.getMessage(), ex);
		}
		byte[] plain;
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
			plain = in.readAllBytes();
		}
		catch (IOException ex) {
			throw new EventFormatException("The logs event's 'awslogs.data' is not gzip: " + ex.getMessage(), ex);
		}
		try {
			return this.calls.mapper().readValue(plain, CloudWatchLogsData.class);
		}
		catch (JacksonException ex) {
			JsonFieldPath path = JsonFieldPath.of(ex);
			throw new EventFormatException("The logs event's 'awslogs.data' does not hold CloudWatch Logs JSON"
					+ (path.isEmpty() ? "" : ": '" + path + "' has the wrong type"), ex);
		}
	}

}
