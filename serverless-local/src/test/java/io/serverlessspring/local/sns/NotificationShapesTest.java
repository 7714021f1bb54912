package io.serverlessspring.local.sns;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.server.Json;

import static org.assertj.core.api.Assertions.assertThat;

/** What SNS delivers has the fields, nesting and value types of the JSON AWS sends (fixtures from AWS's documentation). */
class NotificationShapesTest {

	private final SnsService.Notification notification = new SnsService.Notification("95df01b4-ee98-5cb9-9903-4c221d41eb5e",
			"arn:aws:sns:us-east-1:000000000000:news", "TestInvoke", "Hello from SNS!", "2026-11-25T10:00:00.000Z",
			(ObjectNode) Json.parse("{\"Test\":{\"DataType\":\"String\",\"StringValue\":\"TestString\"}}"),
			"arn:aws:sns:us-east-1:000000000000:news:21be56ed-a058-49f5-8c98-aedd2564c486", "http://127.0.0.1:4566");

	@Test
	void lambdaEventHasTheShapeOfAnSnsEvent() {
		JsonNode fixture = fixture("events/sns/notification.json");
		assertThat(shape(this.notification.lambdaEvent())).isEqualTo(shape(fixture));
		JsonNode sns = this.notification.lambdaEvent().path("Records").get(0).path("Sns");
		assertThat(sns.path("MessageAttributes").path("Test").path("Value").asString()).isEqualTo("TestString");
		assertThat(sns.path("UnsubscribeUrl").asString()).contains("SubscriptionArn=arn:aws:sns:us-east-1:000000000000:news:");
	}

	@Test
	void sqsBodyHasTheShapeOfAnSnsNotification() {
		JsonNode fixture = fixture("events/sns-sqs/notification-body.json");
		assertThat(shape(this.notification.envelope())).isEqualTo(shape(fixture));
	}

	/** Every field path with its JSON type, e.g. {@code Records[].Sns.Timestamp:STRING}. */
	private static TreeSet<String> shape(JsonNode node) {
		TreeSet<String> paths = new TreeSet<>();
		collect("", node, paths);
		return paths;
	}

	private static void collect(String path, JsonNode node, TreeSet<String> paths) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				collect(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), paths);
			}
		}
		else if (node.isArray()) {
			node.forEach((element) -> collect(path + "[]", element, paths));
		}
		else {
			paths.add(path + ":" + node.getNodeType());
		}
	}

	private static JsonNode fixture(String name) {
		try (InputStream in = NotificationShapesTest.class.getClassLoader().getResourceAsStream(name)) {
			return Json.mapper().readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
