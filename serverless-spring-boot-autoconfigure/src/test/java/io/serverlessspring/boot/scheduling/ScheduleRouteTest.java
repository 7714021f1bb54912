package io.serverlessspring.boot.scheduling;

import io.serverlessspring.boot.routing.EventRouter;
import io.serverlessspring.boot.testapp.ReportJobs;
import io.serverlessspring.boot.testsupport.DeployedAppTest;
import io.serverlessspring.boot.testsupport.Fixtures;
import io.serverlessspring.boot.testsupport.Routing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.config.TaskManagementConfigUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** In a deployed function, EventBridge (rule and Scheduler) fires @Scheduled methods; Spring's scheduler stays off. */
@DeployedAppTest
class ScheduleRouteTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	EventRouter router;

	@Autowired
	ReportJobs reportJobs;

	@Autowired
	ScheduleRegistry registry;

	@Autowired
	ApplicationContext context;

	@BeforeEach
	void clear() {
		this.reportJobs.clear();
	}

	@Test
	void aRuleEventRunsTheMethodItsRuleIsNamedAfter() {
		JsonNode response = JSON.readTree(Routing.route(this.router, Fixtures.event("eventbridge-scheduled/rule-nightly-report.json")));

		assertThat(this.reportJobs.runs()).containsExactly("nightlyReport");
		assertThat(response.get("id").asString()).isEqualTo("reportJobs#nightlyReport");
	}

	@Test
	void aSchedulerEventRunsTheMethodItsEnvelopeNames() {
		Routing.route(this.router, Fixtures.event("scheduler/refresh-cache.json"));

		assertThat(this.reportJobs.runs()).containsExactly("refreshCache");
	}

	@Test
	void aScheduleDisabledOnTheStageIsNotRun() {
		JsonNode response = JSON.readTree(Routing.route(this.router, Fixtures.event("scheduler/purge-disabled.json")));

		assertThat(this.reportJobs.runs()).isEmpty();
		assertThat(response.get("skipped").asString()).isEqualTo("disabled");
	}

	@Test
	void everyScheduledAnnotationBecomesAnEventBridgeSchedule() {
		assertThat(this.registry.all()).extracting(ScheduleDefinition::id, ScheduleDefinition::name,
				ScheduleDefinition::expression, ScheduleDefinition::timezone, ScheduleDefinition::enabled)
			.containsExactly(tuple("reportJobs#nightlyReport", "reportJobs.nightlyReport", "cron(30 2 ? * MON-FRI *)",
					"Europe/Paris", true),
					tuple("reportJobs#purge[1]", "reportJobs.purge-1", "cron(0 * * * ? *)", null, false),
					tuple("reportJobs#purge[2]", "reportJobs.purge-2", "rate(30 minutes)", null, true),
					tuple("reportJobs#refreshCache", "reportJobs.refreshCache", "rate(15 minutes)", null, true));
	}

	@Test
	void springsInProcessSchedulerDoesNotRunInLambda() {
		assertThat(this.context.containsBean(TaskManagementConfigUtils.SCHEDULED_ANNOTATION_PROCESSOR_BEAN_NAME)).isFalse();
	}

}
