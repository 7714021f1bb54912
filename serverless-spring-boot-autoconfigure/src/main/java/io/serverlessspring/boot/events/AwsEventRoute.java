package io.serverlessspring.boot.events;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import io.serverlessspring.boot.routing.EventRoute;
import io.serverlessspring.boot.routing.JsonFieldPath;
import io.serverlessspring.boot.routing.LambdaEvent;
import io.serverlessspring.boot.targets.MethodTarget;
import io.serverlessspring.boot.targets.TargetResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.BeanFactory;

/**
 * S3, SNS, SQS, DynamoDB stream, Kinesis and EventBridge events, handed to the handlers bound to
 * their source. Typed events and records are read by the Lambda runtime's own serialisers
 * ({@code aws-lambda-java-serialization}), exactly as a plain Java handler would get them.
 *
 * <p>Records one by one: a failed SQS message is reported in {@code batchItemFailures} and the
 * others go on; a failed stream record is reported and the rest of the batch is left for the retry
 * (streams keep order). SNS, S3 and EventBridge failures fail the invocation, so Lambda retries.
 */
public class AwsEventRoute implements EventRoute {

	private static final Logger logger = LoggerFactory.getLogger(AwsEventRoute.class);

	private static final Set<EventSourceType> BATCH_REPORTING = Set.of(EventSourceType.SQS, EventSourceType.DYNAMODB,
			EventSourceType.KINESIS);

	private final EventHandlerRegistry registry;

	private final TargetResolver targets;

	private final BeanFactory beanFactory;

	private final JsonMapper mapper;

	private final Map<String, HandlerInvoker> invokers = new ConcurrentHashMap<>();

	private final Map<Class<?>, PojoSerializer<?>> serializers = new ConcurrentHashMap<>();

	public AwsEventRoute(EventHandlerRegistry registry, TargetResolver targets, BeanFactory beanFactory) {
		this.registry = registry;
		this.targets = targets;
		this.beanFactory = beanFactory;
		this.mapper = targets.mapper();
	}

	@Override
	public String name() {
		return "aws-events";
	}

	@Override
	public boolean accepts(LambdaEvent event) {
		if (recordType(event.json()) != null) {
			return true;
		}
		return isEventBridge(event.json()) && !this.registry.forEventBridge(event.json()).isEmpty();
	}

	@Override
	public void handle(LambdaEvent event, OutputStream output, Context context) throws IOException {
		JsonNode json = event.json();
		EventSourceType type = recordType(json);
		ObjectNode response = (type != null) ? handleRecords(type, event, context) : handleEventBridge(event, context);
		output.write(this.mapper.writeValueAsBytes(response));
	}

	private ObjectNode handleRecords(EventSourceType type, LambdaEvent event, Context context) {
		JsonNode records = event.json().path("Records");
		List<EventHandlerDefinition> handlers = this.registry.forRecord(type, records.get(0)).stream()
			.filter((h) -> s3KeyMatches(h, records.get(0)))
			.toList();
		if (handlers.isEmpty()) {
			throw new IllegalStateException("No event handler is bound to the " + type.value() + " source of this event ("
					+ SourceIdentifiers.of(type, records.get(0)) + "); handlers: "
					+ this.registry.all().stream().map((h) -> h.id() + "=" + h.type().value() + ":" + h.source()).toList());
		}
		Set<String> failures = new LinkedHashSet<>();
		ObjectNode response = this.mapper.createObjectNode();
		for (EventHandlerDefinition handler : handlers) {
			HandlerInvoker invoker = invoker(handler);
			if (invoker.shape() == HandlerInvoker.Shape.EVENT) {
				Object result = call(handler, () -> invoker.callWith(deserialize(type, event), context));
				if (result != null && this.mapper.valueToTree(result).has("batchItemFailures")) {
					this.mapper.valueToTree(result).get("batchItemFailures")
						.forEach((f) -> failures.add(f.path("itemIdentifier").asString()));
				}
				continue;
			}
			List<?> typedRecords = (invoker.shape() == HandlerInvoker.Shape.RECORD) ? records(type, event) : null;
			for (int i = 0; i < records.size(); i++) {
				JsonNode record = records.get(i);
				Object typedRecord = (typedRecords != null) ? typedRecords.get(i) : null;
				try {
					if (typedRecord != null) {
						invoker.callWith(typedRecord, context);
					}
					else {
						invoker.callWithBody(body(type, record), context);
					}
				}
				catch (Exception ex) {
					if (!BATCH_REPORTING.contains(type) || !handler.reportBatchItemFailures()) {
						throw failure(handler, ex);
					}
					String id = itemIdentifier(type, record);
					logger.error("Handler {} failed on {} record {}", handler.id(), type.value(), id, ex);
					failures.add(id);
					if (type != EventSourceType.SQS) {
						break; // a stream retries from the first failure: the rest of the batch comes again
					}
				}
			}
		}
		if (BATCH_REPORTING.contains(type)) {
			ArrayNode items = response.putArray("batchItemFailures");
			failures.forEach((id) -> items.addObject().put("itemIdentifier", id));
			return response;
		}
		response.put("ok", true);
		response.put("kind", "event");
		response.put("records", records.size());
		return response;
	}

	private ObjectNode handleEventBridge(LambdaEvent event, Context context) {
		List<EventHandlerDefinition> handlers = this.registry.forEventBridge(event.json());
		for (EventHandlerDefinition handler : handlers) {
			HandlerInvoker invoker = invoker(handler);
			if (invoker.shape() == HandlerInvoker.Shape.EVENT) {
				call(handler, () -> invoker.callWith(deserialize(EventSourceType.EVENTBRIDGE, event), context));
			}
			else {
				byte[] detail = this.mapper.writeValueAsBytes(event.json().path("detail"));
				call(handler, () -> invoker.callWithBody(detail, context));
			}
		}
		ObjectNode response = this.mapper.createObjectNode();
		response.put("ok", true);
		response.put("kind", "event");
		ArrayNode ids = response.putArray("handlers");
		handlers.forEach((h) -> ids.add(h.id()));
		return response;
	}

	private Object call(EventHandlerDefinition handler, CheckedCall call) {
		try {
			return call.run();
		}
		catch (Exception ex) {
			throw failure(handler, ex);
		}
	}

	private static RuntimeException failure(EventHandlerDefinition handler, Exception ex) {
		if (ex instanceof RuntimeException runtime) {
			return runtime;
		}
		return new IllegalStateException("Event handler " + handler.id() + " failed: " + ex.getMessage(), ex);
	}

	private HandlerInvoker invoker(EventHandlerDefinition handler) {
		return this.invokers.computeIfAbsent(handler.id(), (id) -> {
			if (handler.method() != null) {
				return new HandlerInvoker(handler.type(),
						new MethodTarget(this.beanFactory, handler.beanName(), handler.method(), this.mapper), this.mapper);
			}
			return new HandlerInvoker(handler.type(), this.targets.resolve(handler.target(), 1), this.mapper);
		});
	}

	private Object deserialize(EventSourceType type, LambdaEvent event) {
		Class<?> eventClass = switch (type) {
			case SQS -> SQSEvent.class;
			case SNS -> SNSEvent.class;
			case S3 -> S3Event.class;
			case DYNAMODB -> DynamodbEvent.class;
			case KINESIS -> KinesisEvent.class;
			case EVENTBRIDGE -> ScheduledEvent.class;
			case LOGS, COGNITO, LEX -> throw new IllegalStateException(type.value() + " events have their own route");
		};
		PojoSerializer<?> serializer = this.serializers.computeIfAbsent(eventClass,
				(c) -> LambdaEventSerializers.serializerFor(c, AwsEventRoute.class.getClassLoader()));
		try {
			return serializer.fromJson(new String(event.payload(), StandardCharsets.UTF_8));
		}
		catch (RuntimeException ex) {
			JsonFieldPath path = JsonFieldPath.fromReferenceChain(ex.getMessage());
			throw new EventFormatException("The " + type.value() + " event does not match AWS's "
					+ eventClass.getSimpleName() + " format" + (path.isEmpty() ? "" : ": '" + path + "' has the wrong type"), ex);
		}
	}

	private List<?> records(EventSourceType type, LambdaEvent event) {
		Object typed = deserialize(type, event);
		return switch (type) {
			case SQS -> ((SQSEvent) typed).getRecords();
			case SNS -> ((SNSEvent) typed).getRecords();
			case S3 -> ((S3Event) typed).getRecords();
			case DYNAMODB -> ((DynamodbEvent) typed).getRecords();
			case KINESIS -> ((KinesisEvent) typed).getRecords();
			case EVENTBRIDGE -> List.of(typed);
			case LOGS, COGNITO, LEX -> throw new IllegalStateException(type.value() + " events have their own route");
		};
	}

	/** The payload a record carries, for handlers that take their own type. */
	private byte[] body(EventSourceType type, JsonNode record) {
		return switch (type) {
			case SQS -> record.path("body").asString("").getBytes(StandardCharsets.UTF_8);
			case SNS -> record.path("Sns").path("Message").asString("").getBytes(StandardCharsets.UTF_8);
			case KINESIS -> Base64.getDecoder().decode(record.path("kinesis").path("data").asString(""));
			case DYNAMODB -> {
				JsonNode image = record.path("dynamodb").path("NewImage");
				if (image.isMissingNode()) {
					image = record.path("dynamodb").path("OldImage");
				}
				yield this.mapper.writeValueAsBytes(DynamoDbImages.toPlainJson(image, this.mapper));
			}
			case S3, EVENTBRIDGE -> this.mapper.writeValueAsBytes(record);
			case LOGS, COGNITO, LEX -> throw new IllegalStateException(type.value() + " events have their own route");
		};
	}

	private static String itemIdentifier(EventSourceType type, JsonNode record) {
		return switch (type) {
			case SQS -> record.path("messageId").asString();
			case KINESIS -> record.path("kinesis").path("sequenceNumber").asString();
			case DYNAMODB -> record.path("dynamodb").path("SequenceNumber").asString();
			default -> null;
		};
	}

	private static boolean s3KeyMatches(EventHandlerDefinition handler, JsonNode record) {
		if (handler.type() != EventSourceType.S3 || handler.filter() == null) {
			return true;
		}
		String key = record.path("s3").path("object").path("key").asString("");
		Object prefix = handler.filter().get("prefix");
		Object suffix = handler.filter().get("suffix");
		return (prefix == null || key.startsWith(prefix.toString())) && (suffix == null || key.endsWith(suffix.toString()));
	}

	static EventSourceType recordType(JsonNode json) {
		JsonNode first = json.path("Records").path(0);
		if (first.isMissingNode()) {
			return null;
		}
		String source = first.path("eventSource").asString(null);
		return EventSourceType.ofRecordSource((source != null) ? source : first.path("EventSource").asString(null));
	}

	private static boolean isEventBridge(JsonNode json) {
		return json.has("detail-type") && json.has("source") && json.has("detail");
	}

	@FunctionalInterface
	private interface CheckedCall {

		Object run() throws Exception;

	}

}
