package io.serverlessspring.local.server;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.serverlessspring.local.LocalCloud;
import io.serverlessspring.local.SharedCloud;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.ValidationMethod;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.GetScheduleGroupResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Timestamps in JSON protocols are rendered as AWS renders them (epoch seconds with at most three
 * decimals, ISO-8601 where the model says so), whatever the precision of the clock: a clock with
 * sub-millisecond parts, as {@code Instant.now()} has on most machines, must not reach the wire.
 */
class TimestampsTest {

	/** Sub-millisecond parts, as the system clock gives them. */
	private static final Instant NOW = Instant.parse("2026-11-25T11:47:07.123456789Z");

	private static final Instant NOW_MILLIS = Instant.parse("2026-11-25T11:47:07.123Z");

	private static LocalCloud cloud;

	@BeforeAll
	static void start() {
		cloud = LocalCloud.start(0, null, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@AfterAll
	static void stop() {
		cloud.close();
	}

	@Test
	void schedulerGroupsAndSchedulesCarryMillisecondEpochSeconds() {
		SchedulerClient scheduler = SharedCloud.configure(SchedulerClient.builder(), cloud.endpoint());
		scheduler.createScheduleGroup((c) -> c.name("stamped"));
		GetScheduleGroupResponse group = scheduler.getScheduleGroup((g) -> g.name("stamped"));
		assertThat(group.creationDate()).isEqualTo(NOW_MILLIS);
		assertThat(group.lastModificationDate()).isEqualTo(NOW_MILLIS);
		assertThat(scheduler.listScheduleGroups((l) -> l.namePrefix("stamped")).scheduleGroups())
			.singleElement().satisfies((g) -> assertThat(g.creationDate()).isEqualTo(NOW_MILLIS));
	}

	@Test
	void dynamoDbAndAcmCarryMillisecondEpochSeconds() {
		DynamoDbClient dynamo = SharedCloud.configure(DynamoDbClient.builder(), cloud.endpoint());
		dynamo.createTable((c) -> c.tableName("stamped").billingMode(BillingMode.PAY_PER_REQUEST)
			.attributeDefinitions((a) -> a.attributeName("id").attributeType(ScalarAttributeType.S))
			.keySchema((k) -> k.attributeName("id").keyType(KeyType.HASH)));
		assertThat(dynamo.describeTable((d) -> d.tableName("stamped")).table().creationDateTime()).isEqualTo(NOW_MILLIS);

		AcmClient acm = SharedCloud.configure(AcmClient.builder(), cloud.endpoint());
		String arn = acm.requestCertificate((r) -> r.domainName("stamped.example.com").validationMethod(ValidationMethod.DNS))
			.certificateArn();
		assertThat(acm.describeCertificate((d) -> d.certificateArn(arn)).certificate().createdAt()).isEqualTo(NOW_MILLIS);
	}

	@Test
	void httpApiDatesAreIsoToTheSecond() {
		ApiGatewayV2Client apis = SharedCloud.configure(ApiGatewayV2Client.builder(), cloud.endpoint());
		String id = apis.createApi((c) -> c.name("stamped").protocolType(ProtocolType.HTTP)).apiId();
		assertThat(apis.getApi((g) -> g.apiId(id)).createdDate()).isEqualTo(Instant.parse("2026-11-25T11:47:07Z"));
	}

}
