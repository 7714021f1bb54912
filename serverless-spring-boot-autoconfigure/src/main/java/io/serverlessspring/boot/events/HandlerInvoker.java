package io.serverlessspring.boot.events;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.CloudWatchLogsEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import io.serverlessspring.boot.routing.JsonFieldPath;
import io.serverlessspring.boot.targets.FunctionTarget;
import io.serverlessspring.boot.targets.InvocationTarget;
import io.serverlessspring.boot.targets.MethodTarget;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ResolvableType;

/**
 * How one handler takes its input: the whole typed event, one typed record, or a body converted to
 * its own type; and the call itself, on a bean method or a Spring Cloud Function.
 */
final class HandlerInvoker {

	/** What a handler's parameter (or function input) asks for. */
	enum Shape {

		EVENT, RECORD, BODY

	}

	private static final Map<EventSourceType, Class<?>> EVENTS = Map.of(EventSourceType.SQS, SQSEvent.class,
			EventSourceType.SNS, SNSEvent.class, EventSourceType.S3, S3Event.class, EventSourceType.DYNAMODB,
			DynamodbEvent.class, EventSourceType.KINESIS, KinesisEvent.class, EventSourceType.EVENTBRIDGE,
			ScheduledEvent.class, EventSourceType.LOGS, CloudWatchLogsEvent.class, EventSourceType.COGNITO,
			CognitoUserPoolEvent.class, EventSourceType.LEX, LexV2Event.class);

	private static final Map<EventSourceType, Class<?>> RECORDS = Map.of(EventSourceType.SQS, SQSEvent.SQSMessage.class,
			EventSourceType.SNS, SNSEvent.SNSRecord.class, EventSourceType.S3,
			S3EventNotification.S3EventNotificationRecord.class, EventSourceType.DYNAMODB,
			DynamodbEvent.DynamodbStreamRecord.class, EventSourceType.KINESIS, KinesisEvent.KinesisEventRecord.class,
			EventSourceType.LOGS, CloudWatchLogsData.LogEvent.class);

	private final EventSourceType type;

	private final InvocationTarget target;

	private final Shape shape;

	private final Type inputType;

	private final JsonMapper mapper;

	HandlerInvoker(EventSourceType type, InvocationTarget target, JsonMapper mapper) {
		this.type = type;
		this.target = target;
		this.mapper = mapper;
		this.inputType = inputType(target);
		Class<?> input = ResolvableType.forType(this.inputType).toClass();
		Class<?> event = EVENTS.get(type);
		Class<?> record = RECORDS.get(type);
		if (event.isAssignableFrom(input) || input.isAssignableFrom(event) && input != Object.class) {
			this.shape = Shape.EVENT;
		}
		else if (record != null && (record.isAssignableFrom(input) || input.isAssignableFrom(record)) && input != Object.class) {
			this.shape = Shape.RECORD;
		}
		else {
			this.shape = Shape.BODY;
		}
	}

	Shape shape() {
		return this.shape;
	}

	String id() {
		return this.target.id();
	}

	/** The class of the handler's input (its parameter, or the function's input type). */
	Class<?> inputClass() {
		return ResolvableType.forType(this.inputType).toClass();
	}

	/** Calls the handler with an already typed input (event or record). */
	Object callWith(Object input, Context context) throws Exception {
		if (this.target instanceof FunctionTarget function) {
			return function.applyObject(input);
		}
		MethodTarget method = (MethodTarget) this.target;
		return method.invokeWith(arguments(method.method(), input, context));
	}

	/** Calls the handler with a record's body, converted to its input type. */
	Object callWithBody(byte[] body, Context context) throws Exception {
		if (this.target instanceof FunctionTarget function) {
			return function.applyJson(body);
		}
		Class<?> raw = ResolvableType.forType(this.inputType).toClass();
		Object input;
		if (raw == byte[].class) {
			input = body;
		}
		else if (raw == String.class) {
			input = new String(body, java.nio.charset.StandardCharsets.UTF_8);
		}
		else {
			JavaType javaType = this.mapper.constructType(this.inputType);
			try {
				input = this.mapper.readValue(body, javaType);
			}
			catch (JacksonException ex) {
				JsonFieldPath path = JsonFieldPath.of(ex);
				throw new EventFormatException("The " + this.type.value() + " body cannot be read as "
						+ javaType.getRawClass().getSimpleName() + ", the input of " + this.target.id() + ": "
						+ (path.isEmpty() ? "it is not JSON of that shape" : "'" + path + "' has the wrong type"), ex);
			}
		}
		return callWith(input, context);
	}

	private static Object[] arguments(Method method, Object input, Context context) {
		Class<?>[] types = method.getParameterTypes();
		Object[] args = new Object[types.length];
		for (int i = 0; i < types.length; i++) {
			args[i] = Context.class.isAssignableFrom(types[i]) ? context : input;
		}
		return args;
	}

	private static Type inputType(InvocationTarget target) {
		if (target instanceof FunctionTarget function) {
			Type type = function.function().getInputType();
			return (type != null) ? type : Object.class;
		}
		Method method = ((MethodTarget) target).method();
		Type[] types = method.getGenericParameterTypes();
		for (int i = 0; i < types.length; i++) {
			if (!Context.class.isAssignableFrom(method.getParameterTypes()[i])) {
				return types[i];
			}
		}
		return Object.class;
	}

}
