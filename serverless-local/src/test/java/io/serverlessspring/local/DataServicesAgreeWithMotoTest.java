package io.serverlessspring.local;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.serverlessspring.test.moto.MotoServer;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same SDK calls against moto and against the local cloud give the same outcome: the same
 * exception class, HTTP status and error code for mistakes, the same shape for answers. (Not compared
 * where moto is laxer than AWS, e.g. SNS accepting any subscription protocol, or lacks the protocol:
 * moto 5.2 does not speak CloudWatch's RPC v2 CBOR.)
 */
class DataServicesAgreeWithMotoTest {

	@BeforeAll
	static void moto() {
		MotoServer.assumeInstalled();
		MotoServer.shared().reset();
	}

	@Test
	void dynamoDbAgrees() {
		assertAgree((endpoint) -> {
			DynamoDbClient dynamo = SharedCloud.configure(DynamoDbClient.builder(), endpoint);
			Map<String, Object> outcome = new LinkedHashMap<>();
			outcome.put("describe missing", error(() -> dynamo.describeTable((d) -> d.tableName("agree-missing"))));
			dynamo.createTable((t) -> t.tableName("agree-tasks").billingMode(BillingMode.PAY_PER_REQUEST)
				.keySchema((k) -> k.attributeName("taskId").keyType(KeyType.HASH))
				.attributeDefinitions((a) -> a.attributeName("taskId").attributeType(ScalarAttributeType.S)));
			outcome.put("create twice", error(() -> dynamo.createTable((t) -> t.tableName("agree-tasks").billingMode(BillingMode.PAY_PER_REQUEST)
				.keySchema((k) -> k.attributeName("taskId").keyType(KeyType.HASH))
				.attributeDefinitions((a) -> a.attributeName("taskId").attributeType(ScalarAttributeType.S)))));
			dynamo.waiter().waitUntilTableExists((d) -> d.tableName("agree-tasks"));
			dynamo.putItem((p) -> p.tableName("agree-tasks").item(Map.of("taskId", AttributeValue.fromS("t"))));
			outcome.put("conditional put", error(() -> dynamo.putItem((p) -> p.tableName("agree-tasks")
				.item(Map.of("taskId", AttributeValue.fromS("t"))).conditionExpression("attribute_not_exists(taskId)"))));
			outcome.put("missing key", error(() -> dynamo.putItem((p) -> p.tableName("agree-tasks")
				.item(Map.of("other", AttributeValue.fromS("t"))))));
			outcome.put("unused value", error(() -> dynamo.updateItem((u) -> u.tableName("agree-tasks")
				.key(Map.of("taskId", AttributeValue.fromS("t"))).updateExpression("SET a = :a")
				.expressionAttributeValues(Map.of(":a", AttributeValue.fromS("1"), ":b", AttributeValue.fromS("2"))))));
			outcome.put("get missing item", dynamo.getItem((g) -> g.tableName("agree-tasks")
				.key(Map.of("taskId", AttributeValue.fromS("none")))).hasItem());
			outcome.put("updated", dynamo.updateItem((u) -> u.tableName("agree-tasks").key(Map.of("taskId", AttributeValue.fromS("t")))
				.updateExpression("SET #s = :s").expressionAttributeNames(Map.of("#s", "state"))
				.expressionAttributeValues(Map.of(":s", AttributeValue.fromS("running")))
				.returnValues("ALL_NEW")).attributes());
			outcome.put("transaction", error(() -> dynamo.transactWriteItems((t) -> t.transactItems(
					(i) -> i.put((p) -> p.tableName("agree-tasks").item(Map.of("taskId", AttributeValue.fromS("u")))),
					(i) -> i.conditionCheck((c) -> c.tableName("agree-tasks").key(Map.of("taskId", AttributeValue.fromS("t")))
						.conditionExpression("attribute_not_exists(taskId)"))))));
			outcome.put("after cancelled transaction", dynamo.getItem((g) -> g.tableName("agree-tasks")
				.key(Map.of("taskId", AttributeValue.fromS("u")))).hasItem());
			dynamo.deleteTable((d) -> d.tableName("agree-tasks"));
			return outcome;
		});
	}

	@Test
	void sqsAndSnsAgree() {
		assertAgree((endpoint) -> {
			SqsClient sqs = SharedCloud.configure(SqsClient.builder(), endpoint);
			SnsClient sns = SharedCloud.configure(SnsClient.builder(), endpoint);
			Map<String, Object> outcome = new LinkedHashMap<>();
			outcome.put("queue missing", error(() -> sqs.getQueueUrl((g) -> g.queueName("agree-missing"))));
			String url = sqs.createQueue((c) -> c.queueName("agree-queue")).queueUrl();
			outcome.put("bad receipt", error(() -> sqs.deleteMessage((d) -> d.queueUrl(url).receiptHandle("garbage"))));
			outcome.put("too many", error(() -> sqs.receiveMessage((r) -> r.queueUrl(url).maxNumberOfMessages(11))));
			outcome.put("topic missing", error(() -> sns.publish((p) -> p.topicArn("arn:aws:sns:us-east-1:000000000000:agree-missing").message("x"))));
			String topic = sns.createTopic((c) -> c.name("agree-topic")).topicArn();
			sqs.setQueueAttributes((a) -> a.queueUrl(url).attributesWithStrings(Map.of("Policy", "{\"Version\":\"2012-10-17\","
					+ "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"sns.amazonaws.com\"},"
					+ "\"Action\":\"sqs:SendMessage\",\"Resource\":\"arn:aws:sqs:us-east-1:000000000000:agree-queue\","
					+ "\"Condition\":{\"ArnEquals\":{\"aws:SourceArn\":\"" + topic + "\"}}}]}")));
			sns.subscribe((s) -> s.topicArn(topic).protocol("sqs").endpoint("arn:aws:sqs:us-east-1:000000000000:agree-queue")
				.attributes(Map.of("RawMessageDelivery", "true")));
			sns.publish((p) -> p.topicArn(topic).message("agreed"));
			outcome.put("delivered", sqs.receiveMessage((r) -> r.queueUrl(url).waitTimeSeconds(5)).messages().get(0).body());
			sns.deleteTopic((d) -> d.topicArn(topic));
			sqs.deleteQueue((d) -> d.queueUrl(url));
			return outcome;
		});
	}

	@Test
	void route53AcmAndApiGatewayAgree() {
		assertAgree((endpoint) -> {
			Route53Client route53 = SharedCloud.configure(Route53Client.builder(), endpoint);
			AcmClient acm = SharedCloud.configure(AcmClient.builder(), endpoint);
			ApiGatewayClient apigateway = SharedCloud.configure(ApiGatewayClient.builder(), endpoint);
			Map<String, Object> outcome = new LinkedHashMap<>();
			outcome.put("zone missing", error(() -> route53.getHostedZone((g) -> g.id("ZNOSUCHZONE1"))));
			String zone = route53.createHostedZone((c) -> c.name("agree.example").callerReference("agree")).hostedZone().id();
			route53.changeResourceRecordSets((c) -> c.hostedZoneId(zone).changeBatch((b) -> b.changes((ch) -> ch
				.action(ChangeAction.CREATE).resourceRecordSet((r) -> r.name("www.agree.example").type(RRType.CNAME).ttl(60L)
					.resourceRecords((v) -> v.value("agree.example"))))));
			outcome.put("create twice", error(() -> route53.changeResourceRecordSets((c) -> c.hostedZoneId(zone).changeBatch((b) -> b.changes((ch) -> ch
				.action(ChangeAction.CREATE).resourceRecordSet((r) -> r.name("www.agree.example").type(RRType.CNAME).ttl(60L)
					.resourceRecords((v) -> v.value("agree.example"))))))));
			outcome.put("record types", route53.listResourceRecordSets((l) -> l.hostedZoneId(zone)).resourceRecordSets().stream()
				.map((r) -> r.name() + " " + r.typeAsString()).sorted().toList());
			outcome.put("certificate missing", error(() -> acm.describeCertificate((d) -> d.certificateArn(
					"arn:aws:acm:us-east-1:000000000000:certificate/00000000-0000-0000-0000-000000000000"))));
			outcome.put("api missing", error(() -> apigateway.getRestApi((g) -> g.restApiId("nosuchapi0"))));
			String api = apigateway.createRestApi((c) -> c.name("agree-api")).id();
			outcome.put("resources", apigateway.getResources((g) -> g.restApiId(api)).items().stream().map((r) -> r.path()).toList());
			apigateway.deleteRestApi((d) -> d.restApiId(api));
			return outcome;
		});
	}

	private static void assertAgree(Function<URI, Map<String, Object>> scenario) {
		Map<String, Object> moto = scenario.apply(MotoServer.shared().endpoint());
		Map<String, Object> local = scenario.apply(SharedCloud.endpoint());
		assertThat(local).isEqualTo(moto);
	}

	/** What a user sees of a failure: the exception class, the HTTP status and the error code. */
	private static String error(Runnable call) {
		try {
			call.run();
			return "no error";
		}
		catch (AwsServiceException ex) {
			return ex.getClass().getSimpleName() + " " + ex.statusCode() + " " + ex.awsErrorDetails().errorCode();
		}
	}

}
