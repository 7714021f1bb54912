package io.serverlessspring.boot.scheduling;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.Context;
import io.serverlessspring.boot.routing.ServerlessEnvelope;
import io.serverlessspring.boot.naming.Arns;
import io.serverlessspring.boot.routing.EventRoute;
import io.serverlessspring.boot.routing.LambdaEvent;
import io.serverlessspring.boot.targets.MethodTarget;
import io.serverlessspring.boot.targets.TargetNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.BeanFactory;

/**
 * Runs the {@code @Scheduled} method an EventBridge schedule fires: the schedule envelope the
 * console sets as input (Scheduler or rule), or a rule's default {@code Scheduled Event}, matched
 * by rule name. A failing method throws, so EventBridge's retry policy applies.
 */
public class ScheduleRoute implements EventRoute {

	private static final Logger logger = LoggerFactory.getLogger(ScheduleRoute.class);

	private final ScheduleRegistry registry;

	private final BeanFactory beanFactory;

	private final JsonMapper mapper;

	public ScheduleRoute(ScheduleRegistry registry, BeanFactory beanFactory, JsonMapper mapper) {
		this.registry = registry;
		this.beanFactory = beanFactory;
		this.mapper = mapper;
	}

	@Override
	public String name() {
		return "schedule";
	}

	@Override
	public boolean accepts(LambdaEvent event) {
		return "schedule".equals(ServerlessEnvelope.kind(event.json())) || ruleSchedule(event.json()).isPresent();
	}

	@Override
	public void handle(LambdaEvent event, OutputStream output, Context context) throws IOException {
		JsonNode body = ServerlessEnvelope.body(event.json());
		ScheduleDefinition schedule;
		if (body != null) {
			String id = body.path("id").asString(null);
			schedule = this.registry.byId(id).orElseThrow(() -> new TargetNotFoundException("Schedule '" + id
					+ "' is not a @Scheduled method of this function; schedules here: "
					+ this.registry.all().stream().map(ScheduleDefinition::id).toList()));
		}
		else {
			schedule = ruleSchedule(event.json()).orElseThrow();
		}
		ObjectNode response = this.mapper.createObjectNode();
		response.put("ok", true);
		response.put("kind", "schedule");
		response.put("id", schedule.id());
		if (!schedule.enabled()) {
			logger.info("Schedule {} fired but is disabled on this stage: not run", schedule.id());
			response.put("skipped", "disabled");
		}
		else {
			try {
				new MethodTarget(this.beanFactory, schedule.beanName(), schedule.method(), this.mapper)
					.invokeWith(new Object[0]);
			}
			catch (IOException | RuntimeException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new IllegalStateException("Schedule " + schedule.id() + " failed: " + ex.getMessage(), ex);
			}
		}
		output.write(this.mapper.writeValueAsBytes(response));
	}

	private Optional<ScheduleDefinition> ruleSchedule(JsonNode json) {
		if (!"Scheduled Event".equals(json.path("detail-type").asString(null))
				|| !"aws.events".equals(json.path("source").asString(null))) {
			return Optional.empty();
		}
		String resource = json.path("resources").path(0).asString("");
		String ruleName = Arns.resourceName(resource);
		return this.registry.byRuleName(ruleName);
	}

}
