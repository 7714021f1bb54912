package io.serverlessspring.boot.naming;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResourceNamesTest {

	private static final String LONG_FUNCTION = "inventory-reconciliation-service-production-eu-central";

	@Test
	void shortNamesAreKeptAsTheyAre() {
		assertThat(ResourceNames.schedule("petstore-dev", "nightly")).isEqualTo("petstore-dev-nightly");
		assertThat(ResourceNames.role("petstore-dev")).isEqualTo("petstore-dev-role");
	}

	@Test
	void longScheduleNamesThatShareAPrefixStayDistinctWhenCut() {
		String first = ResourceNames.schedule(LONG_FUNCTION, "reports.regenerateMonthly");
		String second = ResourceNames.schedule(LONG_FUNCTION, "reports.regenerateWeekly");

		assertThat(first).hasSize(64).matches(".*-[0-9a-f]{8}");
		assertThat(second).hasSize(64).matches(".*-[0-9a-f]{8}");
		assertThat(first).isNotEqualTo(second);
	}

	@Test
	void theAppsScheduleIdKeepsItsHashInsideTheFunctionsScheduleName() {
		String id = ResourceNames.scheduleId("aVeryLongBeanNameForReportingJobs.regenerateEverySingleMonthlyReport");
		String full = ResourceNames.schedule("petstore-dev", id);

		assertThat(id).hasSize(48);
		assertThat(full).isEqualTo("petstore-dev-" + id).hasSizeLessThanOrEqualTo(64);
	}

	@Test
	void boundedNamesAreStable() {
		assertThat(ResourceNames.schedulerRole(LONG_FUNCTION + "-x"))
			.isEqualTo(ResourceNames.schedulerRole(LONG_FUNCTION + "-x"))
			.hasSize(64);
	}

	@Test
	void arnsAreBuiltFromNamesAndKeptWhenGiven() {
		assertThat(Arns.orArn("sqs", "eu-west-1", "123456789012", "orders"))
			.isEqualTo("arn:aws:sqs:eu-west-1:123456789012:orders");
		assertThat(Arns.orArn("kinesis", "eu-west-1", "123456789012", "clicks"))
			.isEqualTo("arn:aws:kinesis:eu-west-1:123456789012:stream/clicks");
		assertThat(Arns.orArn("sqs", "eu-west-1", "123456789012", "arn:aws:sqs:us-east-1:1:other"))
			.isEqualTo("arn:aws:sqs:us-east-1:1:other");
		assertThat(Arns.resourceName("arn:aws:sqs:eu-west-1:123456789012:orders")).isEqualTo("orders");
		assertThat(Arns.resourceName("arn:aws:s3:::uploads")).isEqualTo("uploads");
		assertThat(Arns.service("arn:aws:kinesis:eu-west-1:1:stream/clicks")).isEqualTo("kinesis");
	}

	@Test
	void aFunctionArnsQualifierIsItsAliasOrVersion() {
		assertThat(Arns.functionQualifier("arn:aws:lambda:eu-west-1:123456789012:function:petstore-dev:live"))
			.isEqualTo("live");
		assertThat(Arns.functionQualifier("arn:aws:lambda:eu-west-1:123456789012:function:petstore-dev:7")).isEqualTo("7");
		assertThat(Arns.functionQualifier(Arns.function("eu-west-1", "123456789012", "petstore-dev"))).isNull();
		assertThat(Arns.functionQualifier("arn:aws:sqs:eu-west-1:123456789012:orders")).isNull();
		assertThat(Arns.functionQualifier(null)).isNull();
	}

	@Test
	void anEventRuleIsNamedAfterItsHandlerWithOnlyCharactersARuleMayHold() {
		assertThat(ResourceNames.eventRule("petstore-dev", "petEvents#onAdopted")).isEqualTo("petstore-dev-petEvents.onAdopted");
		assertThat(ResourceNames.eventRule("petstore-dev", "x".repeat(80))).hasSize(64).matches("[A-Za-z0-9._-]+");
		assertThat(Arns.eventRule("us-east-1", "123456789012", "default", "r"))
			.isEqualTo("arn:aws:events:us-east-1:123456789012:rule/r");
		assertThat(Arns.eventRule("us-east-1", "123456789012", "arn:aws:events:us-east-1:123456789012:event-bus/shelter", "r"))
			.isEqualTo("arn:aws:events:us-east-1:123456789012:rule/shelter/r");
	}

}
