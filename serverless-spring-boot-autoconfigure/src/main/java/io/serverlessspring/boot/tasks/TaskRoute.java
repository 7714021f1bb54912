package io.serverlessspring.boot.tasks;

import java.io.IOException;
import java.io.OutputStream;

import com.amazonaws.services.lambda.runtime.Context;
import io.serverlessspring.boot.routing.EventRoute;
import io.serverlessspring.boot.routing.LambdaEvent;
import io.serverlessspring.boot.targets.MethodTarget;
import io.serverlessspring.boot.targets.TargetNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.BeanFactory;

/**
 * The receiving side of tasks: a task envelope sent directly (source {@code lambda}), or SNS / SQS
 * events whose every message is one (sources {@code sns}, {@code sqs}). Runs the named method with
 * its arguments. A failing task throws, so Lambda's retries apply; in an SQS batch only the failed
 * messages are reported back for retry.
 */
public class TaskRoute implements EventRoute {

	private static final Logger logger = LoggerFactory.getLogger(TaskRoute.class);

	private final TaskRegistry registry;

	private final TaskDispatcher dispatcher;

	private final BeanFactory beanFactory;

	private final JsonMapper mapper;

	public TaskRoute(TaskRegistry registry, TaskDispatcher dispatcher, BeanFactory beanFactory, JsonMapper mapper) {
		this.registry = registry;
		this.dispatcher = dispatcher;
		this.beanFactory = beanFactory;
		this.mapper = mapper;
	}

	@Override
	public String name() {
		return "task";
	}

	@Override
	public boolean accepts(LambdaEvent event) {
		return TaskEnvelope.isTask(event.json()) || recordsAreTasks(event.json(), "aws:sqs")
				|| recordsAreTasks(event.json(), "aws:sns");
	}

	@Override
	public void handle(LambdaEvent event, OutputStream output, Context context) throws IOException {
		JsonNode json = event.json();
		if (TaskEnvelope.isTask(json)) {
			TaskEnvelope envelope = TaskEnvelope.from(json).orElseThrow();
			Object result = run(envelope);
			ObjectNode response = this.mapper.createObjectNode();
			response.put("ok", true);
			response.put("kind", TaskEnvelope.KIND);
			response.put("taskId", envelope.taskId());
			response.set("result", this.mapper.valueToTree(result));
			output.write(this.mapper.writeValueAsBytes(response));
			return;
		}
		if ("aws:sqs".equals(eventSource(json.path("Records").get(0)))) {
			// Partial batch response: only the failed messages go back to the queue.
			ObjectNode response = this.mapper.createObjectNode();
			ArrayNode failures = response.putArray("batchItemFailures");
			for (JsonNode record : json.path("Records")) {
				try {
					run(TaskEnvelope.from(this.mapper.readTree(record.path("body").asString())).orElseThrow());
				}
				catch (Exception ex) {
					logger.error("Task in SQS message {} failed", record.path("messageId").asString(), ex);
					failures.addObject().put("itemIdentifier", record.path("messageId").asString());
				}
			}
			output.write(this.mapper.writeValueAsBytes(response));
			return;
		}
		for (JsonNode record : json.path("Records")) {
			run(TaskEnvelope.from(this.mapper.readTree(record.path("Sns").path("Message").asString())).orElseThrow());
		}
		output.write(this.mapper.writeValueAsBytes(this.mapper.createObjectNode().put("ok", true).put("kind", "task")));
	}

	/** Runs one task: converts its arguments, calls the method through its bean, records the outcome. */
	Object run(TaskEnvelope envelope) throws IOException {
		TaskDefinition task = this.registry.byId(envelope.target());
		if (task == null) {
			throw new TargetNotFoundException("Task " + envelope.taskId() + " names " + envelope.target()
					+ ", which is not a @ServerlessTask method of this function; tasks here: "
					+ this.registry.all().stream().map(TaskDefinition::id).toList());
		}
		MethodTarget target = new MethodTarget(this.beanFactory, task.beanName(), task.method(), this.mapper);
		Object[] values = target.convert(envelope.args());
		try {
			return this.dispatcher.execute(task, envelope.taskId(), () -> {
				TaskExecution.runNext(task.method());
				try {
					return target.invokeWith(values);
				}
				finally {
					TaskExecution.clear();
				}
			});
		}
		catch (IOException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new TaskFailedException(envelope, ex);
		}
	}

	private boolean recordsAreTasks(JsonNode json, String source) {
		JsonNode records = json.path("Records");
		if (!records.isArray() || records.isEmpty()) {
			return false;
		}
		for (JsonNode record : records) {
			if (!source.equals(eventSource(record))) {
				return false;
			}
			String body = "aws:sqs".equals(source) ? record.path("body").asString(null)
					: record.path("Sns").path("Message").asString(null);
			if (body == null || !body.contains("\"serverless\"") || !TaskEnvelope.isTask(parseQuietly(body))) {
				return false;
			}
		}
		return true;
	}

	private static String eventSource(JsonNode record) {
		if (record == null) {
			return null;
		}
		String source = record.path("eventSource").asString(null);
		return (source != null) ? source : record.path("EventSource").asString(null);
	}

	private JsonNode parseQuietly(String body) {
		try {
			return this.mapper.readTree(body);
		}
		catch (RuntimeException notJson) {
			return null;
		}
	}

	/** A task method threw a checked exception. */
	public static class TaskFailedException extends RuntimeException {

		TaskFailedException(TaskEnvelope envelope, Exception cause) {
			super("Task " + envelope.taskId() + " (" + envelope.target() + ") failed: " + cause.getMessage(), cause);
		}

	}

}
