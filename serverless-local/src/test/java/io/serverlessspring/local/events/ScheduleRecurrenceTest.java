package io.serverlessspring.local.events;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScheduleRecurrenceTest {

	private static final ZoneId UTC = ZoneId.of("UTC");

	@Test
	void convertsWeekdayCronInItsTimeZone() {
		// Saturday 2026-11-28: the next 09:00 on a weekday in Paris (UTC+1 in winter) is Monday 08:00Z
		Instant next = next("cron(0 9 ? * MON-FRI *)", "2026-11-28T12:00:00Z", ZoneId.of("Europe/Paris"));
		assertThat(next).isEqualTo(Instant.parse("2026-11-30T08:00:00Z"));
	}

	@Test
	void followsSummerTime() {
		Instant next = next("cron(30 2 * * ? *)", "2026-07-01T00:00:00Z", ZoneId.of("America/New_York"));
		assertThat(next).isEqualTo(Instant.parse("2026-07-01T06:30:00Z"));
	}

	@Test
	void supportsStepsListsLastDayNthWeekdayAndNearestWeekday() {
		assertThat(next("cron(*/15 * * * ? *)", "2026-11-25T10:07:00Z", UTC)).isEqualTo(Instant.parse("2026-11-25T10:15:00Z"));
		assertThat(next("cron(0 8,20 * * ? *)", "2026-11-25T10:00:00Z", UTC)).isEqualTo(Instant.parse("2026-11-25T20:00:00Z"));
		assertThat(next("cron(0 0 L * ? *)", "2026-11-25T10:00:00Z", UTC)).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
		assertThat(next("cron(0 0 ? * 2#1 *)", "2026-11-25T10:00:00Z", UTC)).as("first Monday")
			.isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
		assertThat(next("cron(0 0 ? * 6L *)", "2026-11-01T00:00:00Z", UTC)).as("last Friday")
			.isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
		assertThat(next("cron(0 0 1W * ? *)", "2026-07-25T00:00:00Z", UTC)).as("Aug 1st 2026 is a Saturday")
			.isEqualTo(Instant.parse("2026-08-03T00:00:00Z"));
	}

	@Test
	void countsRatesFromTheStart() {
		ScheduleRecurrence rate = ScheduleRecurrence.parse("rate(5 minutes)", false);
		Instant start = Instant.parse("2026-11-25T10:00:30Z");
		assertThat(rate.nextAfter(Instant.parse("2026-11-25T10:07:00Z"), start, UTC)).isEqualTo(Instant.parse("2026-11-25T10:10:30Z"));
	}

	@Test
	void firesAtOnceThenNever() {
		ScheduleRecurrence at = ScheduleRecurrence.parse("at(2026-12-01T09:00:00)", true);
		assertThat(at.nextAfter(Instant.parse("2026-11-25T00:00:00Z"), Instant.EPOCH, ZoneId.of("Europe/Paris")))
			.isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
		assertThat(at.nextAfter(Instant.parse("2026-12-02T00:00:00Z"), Instant.EPOCH, UTC)).isNull();
	}

	@Test
	void rejectsWhatEventBridgeRejectsSayingWhy() {
		assertThatIllegalArgumentException().isThrownBy(() -> ScheduleRecurrence.parse("rate(1 minutes)", false))
			.withMessageContaining("singular");
		assertThatIllegalArgumentException().isThrownBy(() -> ScheduleRecurrence.parse("cron(0 9 * * MON *)", false))
			.withMessageContaining("'?'");
		assertThatIllegalArgumentException().isThrownBy(() -> ScheduleRecurrence.parse("cron(0 25 * * ? *)", false))
			.withMessageContaining("25");
		assertThatIllegalArgumentException().isThrownBy(() -> ScheduleRecurrence.parse("at(2026-12-01T09:00:00)", false))
			.withMessageContaining("Scheduler");
		assertThatIllegalArgumentException().isThrownBy(() -> ScheduleRecurrence.parse("every day", true))
			.withMessageContaining("every day");
	}

	private static Instant next(String expression, String after, ZoneId zone) {
		return ScheduleRecurrence.parse(expression, true).nextAfter(Instant.parse(after), Instant.parse(after), zone);
	}

}
