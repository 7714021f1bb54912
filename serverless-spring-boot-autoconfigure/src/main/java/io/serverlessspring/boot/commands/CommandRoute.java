package io.serverlessspring.boot.commands;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import com.amazonaws.services.lambda.runtime.Context;
import io.serverlessspring.boot.errors.ErrorResult;
import io.serverlessspring.boot.routing.EventRoute;
import io.serverlessspring.boot.routing.LambdaEvent;
import io.serverlessspring.boot.routing.ServerlessEnvelope;
import io.serverlessspring.boot.settings.CommandSettings;
import io.serverlessspring.boot.targets.BadArgumentsException;
import io.serverlessspring.boot.targets.InvocationTarget;
import io.serverlessspring.boot.targets.TargetNotFoundException;
import io.serverlessspring.boot.targets.TargetResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.core.env.Environment;
import org.springframework.expression.ExpressionException;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;

/**
 * The runtime side of the console's {@code invoke} and {@code manage}: {@code invoke} runs a bean
 * method or function, {@code raw} evaluates SpEL (only when enabled), {@code manage} runs an
 * actuator endpoint or a {@link ServerlessCommand}. Every outcome is a structured result; errors
 * never carry a stack trace (it goes to the log).
 */
public class CommandRoute implements EventRoute {

	/** The envelope kinds other routes own; any other kind is answered here (as a bad request if unknown). */
	private static final Set<String> OTHER_KINDS = Set.of("task", "schedule", "keep-warm");

	private static final Logger logger = LoggerFactory.getLogger(CommandRoute.class);

	private final TargetResolver targets;

	private final CommandSettings settings;

	private final BeanFactory beanFactory;

	private final Environment environment;

	private final ManageEndpoints endpoints;

	private final Map<String, ServerlessCommand> commands;

	private final JsonMapper mapper;

	public CommandRoute(TargetResolver targets, CommandSettings settings, BeanFactory beanFactory,
			Environment environment, ManageEndpoints endpoints, List<ServerlessCommand> commands) {
		this.targets = targets;
		this.settings = settings;
		this.beanFactory = beanFactory;
		this.environment = environment;
		this.endpoints = endpoints;
		this.mapper = targets.mapper();
		Map<String, ServerlessCommand> byName = new LinkedHashMap<>();
		for (ServerlessCommand command : commands) {
			ServerlessCommand previous = byName.put(command.name(), command);
			if (previous != null) {
				throw new IllegalStateException("Two ServerlessCommand beans are named '" + command.name() + "': "
						+ previous.getClass().getName() + " and " + command.getClass().getName());
			}
		}
		this.commands = byName;
	}

	@Override
	public String name() {
		return "command";
	}

	@Override
	public boolean accepts(LambdaEvent event) {
		JsonNode body = ServerlessEnvelope.body(event.json());
		return body != null && event.json().size() == 1 && !OTHER_KINDS.contains(body.path("kind").asString(""));
	}

	@Override
	public void handle(LambdaEvent event, OutputStream output, Context context) throws IOException {
		JsonNode body = ServerlessEnvelope.body(event.json());
		String kind = body.path("kind").asString(null);
		ObjectNode response;
		try {
			checkVersion(body);
			response = switch (String.valueOf(kind)) {
				case "invoke" -> invoke(body);
				case "raw" -> raw(body);
				case "manage" -> manage(body);
				default -> throw new CommandException(ErrorResult.BAD_REQUEST, "Unknown serverless.kind '" + kind
						+ "': expected invoke, raw, manage, task, schedule or keep-warm");
			};
		}
		catch (CommandException ex) {
			response = ex.error().toResponse(String.valueOf(kind), Map.of());
		}
		catch (TargetNotFoundException ex) {
			response = ErrorResult.of(ErrorResult.NOT_FOUND, ex.getMessage()).toResponse(kind, Map.of());
		}
		catch (BadArgumentsException ex) {
			response = ErrorResult.of(ErrorResult.BAD_ARGUMENTS, ex.getMessage()).toResponse(kind, Map.of());
		}
		catch (Failure ex) {
			logger.error("{} failed", ex.what, ex.getCause());
			response = ErrorResult.failed(ex.what, ex.getCause()).toResponse(kind, Map.of());
		}
		output.write(this.mapper.writeValueAsBytes(response));
	}

	private void checkVersion(JsonNode body) {
		int version = body.path("version").asInt(1);
		if (version != 1) {
			throw new CommandException(ErrorResult.BAD_REQUEST,
					"Envelope version " + version + " is not supported by this function (it knows version 1)");
		}
	}

	private ObjectNode invoke(JsonNode body) {
		String target = required(body, "target");
		JsonNode args = body.path("args");
		if (!args.isMissingNode() && !args.isNull() && !args.isArray()) {
			throw new CommandException(ErrorResult.BAD_REQUEST, "args must be a JSON array");
		}
		int count = args.isArray() ? args.size() : 0;
		InvocationTarget resolved = this.targets.resolve(target, count);
		Object result;
		try {
			result = awaited(resolved.invoke(args.isArray() ? args : null));
		}
		catch (BadArgumentsException | TargetNotFoundException ex) {
			throw ex;
		}
		catch (Exception | Error ex) {
			throw new Failure(resolved.id(), ErrorResult.unwrap(ex));
		}
		ObjectNode response = ok("invoke");
		response.put("target", resolved.id());
		response.set("result", this.mapper.valueToTree(result));
		return response;
	}

	private ObjectNode raw(JsonNode body) {
		String expression = required(body, "expression");
		if (!this.settings.isRawEnabled()) {
			throw new CommandException(ErrorResult.DISABLED,
					"invoke --raw is disabled on this function: set serverless.commands.raw-enabled=true for the stage to allow it");
		}
		StandardEvaluationContext evaluation = new StandardEvaluationContext(this.environment);
		evaluation.setBeanResolver(new BeanFactoryResolver(this.beanFactory));
		Object result;
		try {
			result = new SpelExpressionParser().parseExpression(expression).getValue(evaluation);
		}
		catch (ExpressionException ex) {
			throw new Failure("The expression '" + expression + "'", ex);
		}
		ObjectNode response = ok("raw");
		response.put("expression", expression);
		response.set("result", this.mapper.valueToTree(result));
		return response;
	}

	private ObjectNode manage(JsonNode body) {
		String command = required(body, "command");
		List<String> args = new ArrayList<>();
		body.path("args").forEach((arg) -> args.add(arg.asString()));
		Object result;
		if ("help".equals(command)) {
			Map<String, Object> help = new LinkedHashMap<>();
			help.put("endpoints", this.endpoints.ids());
			Map<String, String> descriptions = new LinkedHashMap<>();
			this.commands.forEach((name, c) -> descriptions.put(name, c.description()));
			help.put("commands", descriptions);
			result = help;
		}
		else if (this.commands.containsKey(command)) {
			try {
				result = this.commands.get(command).run(List.copyOf(args));
			}
			catch (Exception ex) {
				throw new Failure("Command " + command, ex);
			}
		}
		else if (this.endpoints.has(command)) {
			try {
				result = this.endpoints.read(command, args);
			}
			catch (CommandException ex) {
				throw ex;
			}
			catch (RuntimeException ex) {
				throw new Failure("Endpoint " + command, ex);
			}
		}
		else {
			throw new CommandException(ErrorResult.NOT_FOUND, "No command or endpoint '" + command + "'; endpoints: "
					+ this.endpoints.ids() + ", commands: " + this.commands.keySet());
		}
		ObjectNode response = ok("manage");
		response.put("command", command);
		response.set("result", this.mapper.valueToTree(result));
		return response;
	}

	private ObjectNode ok(String kind) {
		ObjectNode response = this.mapper.createObjectNode();
		response.put("ok", true);
		response.put("kind", kind);
		return response;
	}

	private static String required(JsonNode body, String field) {
		String value = body.path(field).asString(null);
		if (value == null || value.isBlank()) {
			throw new CommandException(ErrorResult.BAD_REQUEST, "serverless." + field + " is missing");
		}
		return value;
	}

	private static Object awaited(Object result) throws Exception {
		if (result instanceof Future<?> future && future.isDone()) {
			try {
				return future.get();
			}
			catch (ExecutionException ex) {
				throw (ex.getCause() instanceof Exception cause) ? cause : ex;
			}
		}
		if (result instanceof Future<?>) {
			return null;
		}
		return result;
	}

	/** The target ran and threw. */
	private static final class Failure extends RuntimeException {

		private final String what;

		Failure(String what, Throwable cause) {
			super(cause);
			this.what = what;
		}

	}

}
