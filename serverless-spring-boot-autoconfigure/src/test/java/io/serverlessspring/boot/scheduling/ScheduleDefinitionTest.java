package io.serverlessspring.boot.scheduling;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.scheduling.annotation.Scheduled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading @Scheduled methods: placeholders, stage switches, and errors that name the method. */
class ScheduleDefinitionTest {

	static class Jobs {

		@Scheduled(cron = "${jobs.cron}", zone = "${jobs.zone}")
		public void fromProperties() {
		}

		@Scheduled(cron = "-")
		public void switchedOff() {
		}

	}

	static class EverySecond {

		@Scheduled(cron = "* * * * * *")
		public void tick() {
		}

	}

	static class EveryTenSeconds {

		@Scheduled(fixedRate = 10_000)
		public void tick() {
		}

	}

	@Test
	void resolvesPlaceholdersAgainstTheStagesPropertiesAndSkipsDisabledCron() {
		Map<String, String> properties = Map.of("${jobs.cron}", "0 0 6 * * *", "${jobs.zone}", "Europe/Berlin", "-", "-");

		assertThat(ScheduleDefinition.scan("jobs", Jobs.class, (value) -> properties.getOrDefault(value, value), true,
				Set.of()))
			.singleElement()
			.satisfies((schedule) -> {
				assertThat(schedule.id()).isEqualTo("jobs#fromProperties");
				assertThat(schedule.spring()).isEqualTo("cron=0 0 6 * * *");
				assertThat(schedule.expression()).isEqualTo("cron(0 6 * * ? *)");
				assertThat(schedule.timezone()).isEqualTo("Europe/Berlin");
			});
	}

	@Test
	void allSchedulesOfAStageCanBeDisabled() {
		assertThat(ScheduleDefinition.scan("jobs", Jobs.class, (value) -> value.equals("${jobs.cron}") ? "0 0 6 * * *"
				: value.equals("${jobs.zone}") ? "" : value, false, Set.of()))
			.extracting(ScheduleDefinition::enabled).containsExactly(false);
	}

	@Test
	void whatEventBridgeCannotExpressIsAnErrorNamingTheMethodAndTheExpression() {
		assertThatThrownBy(() -> ScheduleDefinition.scan("everySecond", EverySecond.class, (v) -> v, true, Set.of()))
			.isInstanceOf(InvalidScheduleException.class)
			.hasMessage("@Scheduled on " + EverySecond.class.getName() + ".tick(): cron '* * * * * *' fires at second '*':"
					+ " EventBridge schedules have minute precision, so the second field must be 0");
		assertThatThrownBy(() -> ScheduleDefinition.scan("everyTenSeconds", EveryTenSeconds.class, (v) -> v, true, Set.of()))
			.isInstanceOf(InvalidScheduleException.class)
			.hasMessage("@Scheduled on " + EveryTenSeconds.class.getName()
					+ ".tick(): rate 10s is under a minute: EventBridge schedules fire at most once a minute");
	}

	@Test
	void longNamesAreCutAndKeepAHash() {
		String name = ScheduleDefinition.awsName("aVeryLongBeanNameForReportingJobs.regenerateEverySingleMonthlyReport", "");

		assertThat(name).hasSize(48).startsWith("aVeryLongBeanNameForReportingJobs.regen-").matches(".*-[0-9a-f]{8}");
	}

}
