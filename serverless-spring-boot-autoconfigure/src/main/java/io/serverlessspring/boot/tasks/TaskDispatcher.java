package io.serverlessspring.boot.tasks;

import java.lang.reflect.Method;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import com.amazonaws.services.lambda.runtime.Context;
import io.serverlessspring.boot.errors.ErrorResult;
import io.serverlessspring.boot.naming.Arns;
import io.serverlessspring.boot.routing.CurrentInvocation;
import io.serverlessspring.boot.routing.LambdaRuntime;
import io.serverlessspring.boot.settings.TaskSettings;
import io.serverlessspring.boot.settings.TaskSettings.LocalMode;
import io.serverlessspring.boot.settings.TaskSettings.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The call side of a {@link ServerlessTask}: serialises the call, checks its size, and either sends
 * it (deployed) or runs it here (local), returning at once what the method's return type asks for.
 */
public class TaskDispatcher {

	/** An asynchronous Lambda event, an SNS message and an SQS message all stop at 256 KB. */
	public static final int MAX_PAYLOAD_BYTES = 256 * 1024;

	private static final Logger logger = LoggerFactory.getLogger(TaskDispatcher.class);

	private final LambdaRuntime runtime;

	private final TaskSettings settings;

	private final JsonMapper mapper;

	private final Map<Source, Supplier<TaskSender>> senders;

	private final Supplier<TaskResponses> responses;

	private final Executor localExecutor;

	private final TaskRegistry registry;

	private final Clock clock;

	public TaskDispatcher(LambdaRuntime runtime, TaskSettings settings, JsonMapper mapper,
			Map<Source, Supplier<TaskSender>> senders, Supplier<TaskResponses> responses, Executor localExecutor,
			TaskRegistry registry, Clock clock) {
		this.runtime = runtime;
		this.settings = settings;
		this.mapper = mapper;
		this.senders = senders;
		this.responses = responses;
		this.localExecutor = localExecutor;
		this.registry = registry;
		this.clock = clock;
	}

	/**
	 * Dispatches one call of a task method.
	 * @param localCall runs the method body here (used when not deployed)
	 */
	public Object dispatch(String beanName, Method method, Object[] args, Callable<Object> localCall) {
		TaskDefinition task = this.registry.definition(beanName, method);
		String taskId = UUID.randomUUID().toString();
		TaskEnvelope envelope = new TaskEnvelope(taskId, task.id(), serialise(task, args), task.captureResponse(),
				this.clock.instant());
		byte[] payload = this.mapper.writeValueAsBytes(envelope.toJson(this.mapper));
		if (payload.length > MAX_PAYLOAD_BYTES) {
			throw new TaskPayloadTooLargeException(task.id(), payload.length, MAX_PAYLOAD_BYTES);
		}
		if (this.runtime.isDeployed()) {
			return send(task, taskId, payload);
		}
		return runLocally(task, taskId, method, localCall);
	}

	private ArrayNode serialise(TaskDefinition task, Object[] args) {
		ArrayNode array = this.mapper.createArrayNode();
		try {
			for (Object arg : args) {
				array.add(this.mapper.valueToTree(arg));
			}
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new TaskArgumentsNotSerializableException(task.id(), ex);
		}
		return array;
	}

	private Object send(TaskDefinition task, String taskId, byte[] payload) {
		if (task.captureResponse()) {
			this.responses.get().pending(taskId, task.id());
		}
		TaskDestination destination = destination(task);
		Supplier<TaskSender> sender = this.senders.get(destination.source());
		if (sender == null) {
			throw new IllegalStateException("Task " + task.id() + " uses source " + destination.source().name().toLowerCase()
					+ " but its AWS SDK module is not on the class path (software.amazon.awssdk:"
					+ destination.source().name().toLowerCase() + ")");
		}
		sender.get().send(destination, payload);
		logger.debug("Sent task {} ({}) to {}", taskId, task.id(), destination);
		return handleFor(task.method(), taskId, null);
	}

	/** The running function and the qualifier of the running invocation, or the annotation's remote function. */
	TaskDestination destination(TaskDefinition task) {
		if (task.function() != null) {
			return new TaskDestination(Source.LAMBDA, task.function(), null, task.region());
		}
		String function = this.runtime.functionName().orElseThrow();
		String qualifier = CurrentInvocation.context()
			.map(Context::getInvokedFunctionArn)
			.flatMap(TaskDispatcher::qualifierOf)
			.or(() -> this.runtime.functionVersion().filter((version) -> !"$LATEST".equals(version)))
			.orElse(null);
		return new TaskDestination(task.source(), function, qualifier, null);
	}

	/** {@code arn:aws:lambda:region:account:function:name:qualifier} → qualifier. */
	static Optional<String> qualifierOf(String invokedArn) {
		return Optional.ofNullable(Arns.functionQualifier(invokedArn));
	}

	private Object runLocally(TaskDefinition task, String taskId, Method method, Callable<Object> localCall) {
		if (task.captureResponse()) {
			this.responses.get().pending(taskId, task.id());
		}
		TaskFuture<Object> future = new TaskFuture<>(taskId);
		Runnable run = () -> {
			try {
				future.complete(execute(task, taskId, localCall));
			}
			catch (Throwable ex) {
				future.completeExceptionally(ErrorResult.unwrap(ex));
			}
		};
		if (this.settings.getLocalMode() == LocalMode.SYNC) {
			run.run();
			if (future.isCompletedExceptionally() && !Future.class.isAssignableFrom(method.getReturnType())) {
				// Inline, a void task fails its caller like a plain call would.
				rethrow(future);
			}
		}
		else {
			this.localExecutor.execute(run);
			future.whenComplete((result, ex) -> {
				if (ex != null && !Future.class.isAssignableFrom(method.getReturnType())) {
					logger.error("Task {} ({}) failed", taskId, task.id(), ex);
				}
			});
		}
		return handleFor(method, taskId, future);
	}

	/**
	 * Runs a task body and records its outcome when the response is captured: the part shared by
	 * local runs and the receiving invocation.
	 */
	Object execute(TaskDefinition task, String taskId, Callable<Object> body) throws Exception {
		TaskResponses store = task.captureResponse() ? this.responses.get() : null;
		if (store != null && !store.start(taskId, task.id())) {
			logger.info("Task {} ({}) already started: a repeated delivery, not run again", taskId, task.id());
			return null;
		}
		try {
			Object result = unwrapFuture(body.call());
			if (store != null) {
				store.succeeded(taskId, this.mapper.writeValueAsString(result));
			}
			return result;
		}
		catch (Exception | Error ex) {
			if (store != null) {
				Throwable cause = ErrorResult.unwrap(ex);
				store.failed(taskId, this.mapper.writeValueAsString(Map.of("exception", cause.getClass().getName(),
						"message", String.valueOf(cause.getMessage()))));
			}
			throw ex;
		}
	}

	private static Object unwrapFuture(Object result) throws Exception {
		if (result instanceof TaskHandle) {
			return null;
		}
		if (result instanceof Future<?> future) {
			try {
				return future.get();
			}
			catch (ExecutionException ex) {
				throw (ex.getCause() instanceof Exception cause) ? cause : ex;
			}
		}
		return result;
	}

	private static Object handleFor(Method method, String taskId, TaskFuture<Object> local) {
		Class<?> type = method.getReturnType();
		if (type == TaskHandle.class) {
			return new TaskHandle(taskId);
		}
		if (Future.class.isAssignableFrom(type)) {
			return (local != null) ? local : new TaskFuture<>(taskId);
		}
		return null;
	}

	private static void rethrow(CompletableFuture<?> future) {
		try {
			future.join();
		}
		catch (java.util.concurrent.CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

}
