package io.serverlessspring.boot.scheduling;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Spring cron and rates to EventBridge Scheduler expressions: exact output, or a clear refusal. */
class ScheduleExpressionConverterTest {

	private final ScheduleExpressionConverter converter = new ScheduleExpressionConverter();

	@ParameterizedTest(name = "{0} [{1}] -> {2}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			0 0 * * * *              | null             | cron(0 * * * ? *)
			0 */15 * * * *           | null             | cron(*/15 * * * ? *)
			0 0/20 * * * *           | null             | cron(*/20 * * * ? *)
			0 5/20 * * * *           | null             | cron(5/20 * * * ? *)
			0 30 2 * * *             | Europe/Paris     | cron(30 2 * * ? *)
			0 30 2 * * MON-FRI       | null             | cron(30 2 ? * MON-FRI *)
			0 30 2 * * 1-5           | null             | cron(30 2 ? * MON-FRI *)
			0 0 9 ? * SUN            | America/New_York | cron(0 9 ? * SUN *)
			0 0 9 * * 0              | null             | cron(0 9 ? * SUN *)
			0 0 9 * * 7              | null             | cron(0 9 ? * SUN *)
			0 0 9 * * 5-7            | null             | cron(0 9 ? * SUN,FRI,SAT *)
			0 0 9 * * 0-6            | null             | cron(0 9 ? * * *)
			0 0 9 * * MON,WED,FRI    | null             | cron(0 9 ? * MON,WED,FRI *)
			0 0 9 * * */2            | null             | cron(0 9 ? * SUN,MON,WED,FRI *)
			0 0 9 * * sat,sun        | null             | cron(0 9 ? * SUN,SAT *)
			0 0 12 1 * *             | null             | cron(0 12 1 * ? *)
			0 0 12 1,15 * ?          | null             | cron(0 12 1,15 * ? *)
			0 0 12 L * *             | null             | cron(0 12 L * ? *)
			0 0 12 15W * *           | null             | cron(0 12 15W * ? *)
			0 0 12 ? * 5L            | null             | cron(0 12 ? * 6L *)
			0 0 12 ? * FRIL          | null             | cron(0 12 ? * 6L *)
			0 0 12 ? * MON#1         | null             | cron(0 12 ? * 2#1 *)
			0 0 12 ? * 0#2           | null             | cron(0 12 ? * 1#2 *)
			0 0 0 1 JAN *            | null             | cron(0 0 1 1 ? *)
			0 0 0 1 JAN-MAR *        | null             | cron(0 0 1 1-3 ? *)
			0 0 0 1 */3 *            | null             | cron(0 0 1 */3 ? *)
			0 0 8-18 * * MON-FRI     | Asia/Tokyo       | cron(0 8-18 ? * MON-FRI *)
			0 0 8-18/2 * * *         | null             | cron(0 8,10,12,14,16,18 * * ? *)
			0 0,30 9,17 * * *        | null             | cron(0,30 9,17 * * ? *)
			0 10-12 * * * *          | null             | cron(10-12 * * * ? *)
			0 10-11 * * * *          | null             | cron(10,11 * * * ? *)
			00 45 23 31 DEC ?        | UTC              | cron(45 23 31 12 ? *)
			@daily                   | null             | cron(0 0 * * ? *)
			@midnight                | Europe/London    | cron(0 0 * * ? *)
			@hourly                  | null             | cron(0 * * * ? *)
			@weekly                  | null             | cron(0 0 ? * SUN *)
			@monthly                 | null             | cron(0 0 1 * ? *)
			@yearly                  | null             | cron(0 0 1 1 ? *)
			@annually                | null             | cron(0 0 1 1 ? *)
			""")
	void convertsSpringCronToEventBridgeCron(String spring, String zone, String expected) {
		ScheduleExpression converted = this.converter.convertCron(spring, zone);

		assertThat(converted.expression()).isEqualTo(expected);
		assertThat(converted.timezone()).isEqualTo(zone);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			PT1M    | rate(1 minute)
			PT5M    | rate(5 minutes)
			PT90M   | rate(90 minutes)
			PT1H    | rate(1 hour)
			PT2H    | rate(2 hours)
			PT24H   | rate(1 day)
			P3D     | rate(3 days)
			PT36H   | rate(36 hours)
			""")
	void convertsRatesToWholeUnits(Duration rate, String expected) {
		assertThat(this.converter.convertRate(rate).expression()).isEqualTo(expected);
		assertThat(this.converter.convertRate(rate).timezone()).isNull();
	}

	@ParameterizedTest(name = "{0} [{1}] is refused")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			*/10 * * * * *        | null          | fires at second '*/10': EventBridge schedules have minute precision
			30 0 * * * *          | null          | fires at second '30'
			0 0 12 1 * MON        | null          | restricts both the day of the month ('1') and the day of the week ('MON')
			0 0 12 LW * *         | null          | the last weekday (LW) has no EventBridge equivalent
			0 0 12 L-3 * *        | null          | an offset from the last day (L-n) has no EventBridge equivalent
			0 0 12 ? * L          | null          | No day-of-week before 'L'
			0 0 12 * *            | null          | is not a valid Spring cron expression
			0 0 25 * * *          | null          | is not a valid Spring cron expression
			0 0 12 * * FUNDAY     | null          | is not a valid Spring cron expression
			@fortnightly          | null          | is not a valid Spring cron expression
			0 0 12 * * *          | Mars/Olympus  | has zone 'Mars/Olympus', which is not a time zone id
			""")
	void refusesWhatEventBridgeCannotExpress(String spring, String zone, String message) {
		assertThatThrownBy(() -> this.converter.convertCron(spring, zone)).isInstanceOf(InvalidScheduleException.class)
			.hasMessageContaining(message)
			.hasMessageContaining(spring.trim());
	}

	@ParameterizedTest(name = "{0} is refused")
	@CsvSource(delimiter = '|', textBlock = """
			PT30S   | rate 30s is under a minute
			PT0.5S  | rate 0.5s is under a minute
			PT90S   | rate 1m30s is not a whole number of minutes
			PT1H30S | rate 1h30s is not a whole number of minutes
			""")
	void refusesSubMinuteAndFractionalRates(Duration rate, String message) {
		assertThatThrownBy(() -> this.converter.convertRate(rate)).isInstanceOf(InvalidScheduleException.class)
			.hasMessageContaining(message);
	}

}
