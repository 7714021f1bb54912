package io.serverlessspring.shell.aws;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The console's Lex V2 client against an HTTP server answering as Lex does: what it sends (SigV4 for
 * {@code lex}, the REST path, only the fields UpdateBotAlias takes) and how its errors read.
 */
class LexBotAliasClientTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private HttpServer server;

	private final List<String> requests = new CopyOnWriteArrayList<>();

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	@Test
	void updateSendsBackTheAliasSettingsSignedForLexAndAMissingPermissionNamesTheAction() throws IOException {
		AwsTarget target = answer(403, "AccessDeniedException:http://internal.amazon.com/coral/com.amazon.lex/", """
				{"message": "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: lex:UpdateBotAlias on resource: arn:aws:lex:us-east-1:123456789012:bot-alias/PETBOT1234/PRODALIAS1"}""");
		ObjectNode alias = (ObjectNode) JSON.readTree("""
				{"botAliasId": "PRODALIAS1", "botId": "PETBOT1234", "botAliasName": "prod", "botVersion": "2",
				 "botAliasLocaleSettings": {"en_US": {"enabled": true}}, "description": null,
				 "botAliasStatus": "Available", "creationDateTime": 1.7E9, "botAliasHistoryEvents": []}""");
		try (AwsClients clients = new AwsClientFactory(List.of()).clients(target)) {
			SdkException error = catchThrowableOfType(SdkException.class, () -> clients.lexBotAliases().updateBotAlias(alias));

			AwsErrorTranslator.Translation translation = AwsErrorTranslator.translate(error, target);
			assertThat(translation.sentence()).startsWith("AWS denied lex:UpdateBotAlias")
				.endsWith("[LexModelsV2.UpdateBotAlias]");
			assertThat(translation.hint()).contains("grant lex:UpdateBotAlias");
		}
		assertThat(this.requests).singleElement().satisfies((request) -> {
			assertThat(request).startsWith("PUT /bots/PETBOT1234/botaliases/PRODALIAS1/\n")
				.contains("/us-east-1/lex/aws4_request");
			assertThat(JSON.readTree(request.substring(request.lastIndexOf('\n') + 1))).isEqualTo(JSON.readTree("""
					{"botAliasName": "prod", "botVersion": "2", "botAliasLocaleSettings": {"en_US": {"enabled": true}}}"""));
		});
	}

	@Test
	void anAliasLexDoesNotKnowIsNoAliasAndThrottlingIsRetriedThenExplained() throws IOException {
		AwsTarget missing = answer(404, "ResourceNotFoundException",
				"{\"message\": \"Failed to retrieve resource since it does not exist\"}");
		try (AwsClients clients = new AwsClientFactory(List.of()).clients(missing)) {
			assertThat(clients.lexBotAliases().describeBotAlias("PETBOT1234", "NOSUCHALIA")).isNull();
		}
		this.server.stop(0);
		this.requests.clear();
		AwsTarget throttling = answer(429, "ThrottlingException", "{\"message\": \"Rate exceeded\"}");
		try (AwsClients clients = new AwsClientFactory(List.of()).clients(throttling)) {
			SdkException error = catchThrowableOfType(SdkException.class,
					() -> clients.lexBotAliases().describeBotAlias("PETBOT1234", "PRODALIAS1"));
			assertThat(this.requests).as("attempts").hasSizeGreaterThan(1);
			assertThat(AwsErrorTranslator.translate(error, throttling).sentence()).contains("kept throttling");
		}
	}

	/** A server answering every request with this status, {@code x-amzn-ErrorType} and JSON body. */
	private AwsTarget answer(int status, String errorType, String body) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", exchange -> {
			this.requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + "\n"
					+ exchange.getRequestHeaders().getFirst("Authorization") + "\n"
					+ new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
			exchange.sendResponseHeaders(status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		this.server.start();
		return new AwsTarget("us-east-1", URI.create("http://127.0.0.1:" + this.server.getAddress().getPort()), null);
	}

}
