package io.serverlessspring.shell.websocket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.serverlessspring.local.LocalCloud;
import io.serverlessspring.shell.ServerlessConsoleApplication;
import io.serverlessspring.shell.aws.AwsClientFactory;
import io.serverlessspring.shell.aws.AwsClients;
import io.serverlessspring.shell.aws.AwsTarget;
import io.serverlessspring.shell.cli.ConsoleRunner;
import io.serverlessspring.shell.support.ConsoleDriver;
import io.serverlessspring.shell.support.ConsoleDriver.Run;
import io.serverlessspring.shell.support.SamplePackage;
import io.serverlessspring.shell.support.StageInventory;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The petstore's {@code chat} stage (its {@code PetChat} {@code @WebSocketRoute} handlers) deployed
 * by the console to serverless-local, then talked to over a real {@code ws://} connection with the
 * JDK's WebSocket client: connect, a message whose {@code action} selects the custom route, the
 * reply the function pushes through the management API, disconnect ({@code $disconnect} ran); the
 * re-plan is empty and undeploy leaves nothing.
 */
@SpringBootTest(classes = ServerlessConsoleApplication.class, properties = "spring.shell.interactive.enabled=false")
class WebSocketDeployAgainstLocalCloudTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static LocalCloud cloud;

	@Autowired
	private ConsoleRunner runner;

	@BeforeAll
	static void startCloud() {
		cloud = LocalCloud.start(0);
	}

	@AfterAll
	static void stopCloud() {
		if (cloud != null) {
			cloud.close();
		}
	}

	@Test
	void deployConnectAskDisconnectReplanUndeploy() throws Exception {
		ConsoleDriver console = new ConsoleDriver(this.runner);
		Path project = SamplePackage.repositoryRoot().resolve("samples/petstore");
		String common = " --project " + project + " --endpoint-url " + cloud.endpoint();
		Path zip = Path.of("target/it/petstore-chat.zip").toAbsolutePath();
		Run pack = console.run("package chat -o " + zip + common.replace(" --endpoint-url " + cloud.endpoint(), ""));
		assertThat(pack.exitCode()).as(pack.output()).isZero();

		Run deploy = console.run("deploy chat --yes --package " + zip + common);
		assertThat(deploy.exitCode()).as(deploy.output()).isZero();
		assertThat(deploy.output()).contains("create WebSocket API petstore-chat-websocket",
				"routes $connect, $default, $disconnect, ask");
		String url = deploy.output().lines().filter(line -> line.startsWith("WebSocket URL: "))
			.map(line -> line.substring("WebSocket URL: ".length()).trim()).findFirst()
			.orElseThrow(() -> new AssertionError("no WebSocket URL in:\n" + deploy.output()));
		assertThat(url).startsWith("ws://127.0.0.1:").endsWith("/chat");

		BlockingQueue<String> received = new LinkedBlockingQueue<>();
		WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(30))
			.buildAsync(URI.create(url), new Collector(received))
			.get(120, TimeUnit.SECONDS);
		socket.sendText("{\"action\":\"ask\",\"pet\":\"rex\"}", true).get(30, TimeUnit.SECONDS);
		String reply = received.poll(120, TimeUnit.SECONDS);
		assertThat(reply).as(() -> "no reply; function log:\n" + functionLog()).isNotNull();
		assertThat(JSON.readTree(reply)).isEqualTo(JSON.readTree("{\"pet\":\"rex\",\"answer\":\"rex is a good pet\"}"));

		socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(30, TimeUnit.SECONDS);
		Awaitility.await("the $disconnect handler's log line")
			.atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> {
				Matcher connected = Pattern.compile("Chat: (\\S+) connected").matcher(functionLog());
				return connected.find() && functionLog().contains("Chat: " + connected.group(1) + " left");
			});

		Run replan = console.run("deploy chat --dry-run --json --package " + zip + common);
		assertThat(replan.exitCode()).as(replan.output()).isZero();
		JsonNode plan = JSON.readTree(replan.output().substring(replan.output().indexOf('{')));
		assertThat(plan.path("changes")).as(replan.output()).isEmpty();

		Run undeploy = console.run("undeploy chat --remove-logs --yes" + common);
		assertThat(undeploy.exitCode()).as(undeploy.output()).isZero();
		try (AwsClients clients = new AwsClientFactory(List.of()).clients(new AwsTarget("us-east-1", cloud.endpoint(), null))) {
			assertThat(StageInventory.of(clients, "petstore-chat")).as("left after undeploy").isEmpty();
		}
	}

	private static String functionLog() {
		try (AwsClients clients = new AwsClientFactory(List.of()).clients(new AwsTarget("us-east-1", cloud.endpoint(), null))) {
			StringBuilder text = new StringBuilder();
			clients.logs().filterLogEvents(b -> b.logGroupName("/aws/lambda/petstore-chat"))
				.events()
				.forEach(event -> text.append(event.message()).append('\n'));
			return text.toString();
		}
		catch (RuntimeException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	/** Collects whole text messages. */
	private static final class Collector implements WebSocket.Listener {

		private final BlockingQueue<String> received;

		private final StringBuilder partial = new StringBuilder();

		Collector(BlockingQueue<String> received) {
			this.received = received;
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				this.received.add(this.partial.toString());
				this.partial.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

	}

}
