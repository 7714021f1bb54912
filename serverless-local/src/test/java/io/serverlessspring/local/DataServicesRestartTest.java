package io.serverlessspring.local;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.RestApi;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Topic;
import software.amazon.awssdk.services.sqs.SqsClient;

import static org.assertj.core.api.Assertions.assertThat;

/** With a state directory, tables, queues (and their messages), topics, zones, certificates and REST APIs survive a restart. */
class DataServicesRestartTest {

	@Test
	void stateSurvivesARestart(@TempDir Path state) {
		String certificate;
		try (LocalCloud first = LocalCloud.start(0, state)) {
			DynamoDbClient dynamo = SharedCloud.configure(DynamoDbClient.builder(), first.endpoint());
			dynamo.createTable((t) -> t.tableName("kept").billingMode(BillingMode.PAY_PER_REQUEST)
				.keySchema((k) -> k.attributeName("id").keyType(KeyType.HASH))
				.attributeDefinitions((a) -> a.attributeName("id").attributeType(ScalarAttributeType.S)));
			dynamo.putItem((p) -> p.tableName("kept").item(Map.of("id", AttributeValue.fromS("a"), "v", AttributeValue.fromN("1"))));
			SqsClient sqs = SharedCloud.configure(SqsClient.builder(), first.endpoint());
			String url = sqs.createQueue((c) -> c.queueName("kept-queue")).queueUrl();
			sqs.sendMessage((s) -> s.queueUrl(url).messageBody("still here"));
			SharedCloud.configure(SnsClient.builder(), first.endpoint()).createTopic((c) -> c.name("kept-topic"));
			SharedCloud.configure(Route53Client.builder(), first.endpoint())
				.createHostedZone((c) -> c.name("kept.example").callerReference("kept"));
			certificate = SharedCloud.configure(AcmClient.builder(), first.endpoint())
				.requestCertificate((r) -> r.domainName("kept.example")).certificateArn();
			SharedCloud.configure(ApiGatewayClient.builder(), first.endpoint()).createRestApi((r) -> r.name("kept-api"));
		}
		try (LocalCloud second = LocalCloud.start(0, state)) {
			DynamoDbClient dynamo = SharedCloud.configure(DynamoDbClient.builder(), second.endpoint());
			assertThat(dynamo.getItem((g) -> g.tableName("kept").key(Map.of("id", AttributeValue.fromS("a")))).item().get("v").n())
				.isEqualTo("1");
			SqsClient sqs = SharedCloud.configure(SqsClient.builder(), second.endpoint());
			String url = sqs.getQueueUrl((g) -> g.queueName("kept-queue")).queueUrl();
			assertThat(url).as("the URL names the new port").startsWith(second.endpoint().toString());
			assertThat(sqs.receiveMessage((r) -> r.queueUrl(url)).messages()).singleElement()
				.satisfies((m) -> assertThat(m.body()).isEqualTo("still here"));
			assertThat(SharedCloud.configure(SnsClient.builder(), second.endpoint()).listTopics().topics())
				.extracting(Topic::topicArn).contains("arn:aws:sns:us-east-1:000000000000:kept-topic");
			assertThat(SharedCloud.configure(Route53Client.builder(), second.endpoint()).listHostedZones().hostedZones())
				.extracting(HostedZone::name).contains("kept.example.");
			assertThat(SharedCloud.configure(AcmClient.builder(), second.endpoint())
				.describeCertificate((d) -> d.certificateArn(certificate)).certificate().domainName()).isEqualTo("kept.example");
			assertThat(SharedCloud.configure(ApiGatewayClient.builder(), second.endpoint()).getRestApis().items())
				.extracting(RestApi::name).contains("kept-api");
		}
	}

}
