package io.serverlessspring.boot.events;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import io.serverlessspring.boot.routing.JsonFieldPath;
import io.serverlessspring.boot.targets.MethodTarget;
import io.serverlessspring.boot.targets.TargetResolver;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.BeanFactory;

/**
 * What the log, Cognito and Lex routes share: one invoker per handler, and reading and writing
 * aws-lambda-java-events types with the Lambda runtime's own serialisers (as a plain Java handler would).
 */
final class HandlerCalls {

	private static final String EVENTS_PACKAGE = "com.amazonaws.services.lambda.runtime.events";

	private final TargetResolver targets;

	private final BeanFactory beanFactory;

	private final JsonMapper mapper;

	private final Map<String, HandlerInvoker> invokers = new ConcurrentHashMap<>();

	private final Map<Class<?>, PojoSerializer<?>> serializers = new ConcurrentHashMap<>();

	HandlerCalls(TargetResolver targets, BeanFactory beanFactory) {
		this.targets = targets;
		this.beanFactory = beanFactory;
		this.mapper = targets.mapper();
	}

	JsonMapper mapper() {
		return this.mapper;
	}

	HandlerInvoker invoker(EventHandlerDefinition handler) {
		return this.invokers.computeIfAbsent(handler.id(), (id) -> {
			if (handler.method() != null) {
				return new HandlerInvoker(handler.type(),
						new MethodTarget(this.beanFactory, handler.beanName(), handler.method(), this.mapper), this.mapper);
			}
			return new HandlerInvoker(handler.type(), this.targets.resolve(handler.target(), 1), this.mapper);
		});
	}

	/** An aws-lambda-java-events type read from the event's JSON; the error names the field at fault. */
	<T> T read(Class<T> type, String json, String what) {
		try {
			return type.cast(serializer(type).fromJson(json));
		}
		catch (RuntimeException ex) {
			JsonFieldPath path = JsonFieldPath.fromReferenceChain(ex.getMessage());
			throw new EventFormatException("The " + what + " does not match AWS's " + type.getSimpleName() + " format"
					+ (path.isEmpty() ? "" : ": '" + path + "' has the wrong type"), ex);
		}
	}

	/** A handler's answer as JSON: aws-lambda-java-events types as Lambda writes them, others as the app's JSON. */
	byte[] write(Object value) {
		if (value.getClass().getName().startsWith(EVENTS_PACKAGE)) {
			@SuppressWarnings("unchecked")
			PojoSerializer<Object> serializer = (PojoSerializer<Object>) serializer(value.getClass());
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			serializer.toJson(value, out);
			return out.toByteArray();
		}
		return this.mapper.writeValueAsBytes(value);
	}

	/** Calls a handler, keeping runtime exceptions as they are (they name what failed). */
	Object call(EventHandlerDefinition handler, Object input, byte[] body, com.amazonaws.services.lambda.runtime.Context context) {
		HandlerInvoker invoker = invoker(handler);
		try {
			return (body != null) ? invoker.callWithBody(body, context) : invoker.callWith(input, context);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Event handler " + handler.id() + " failed: " + ex.getMessage(), ex);
		}
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private PojoSerializer<?> serializer(Class<?> type) {
		return this.serializers.computeIfAbsent(type,
				(c) -> LambdaEventSerializers.serializerFor(c, HandlerCalls.class.getClassLoader()));
	}

}
