package io.serverlessspring.shell.aws;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.serverlessspring.shell.cli.OptionHint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** AWS errors, as AWS sends them over HTTP, turned into a sentence and a hint. */
class AwsErrorTranslatorTest {

	private HttpServer server;

	private final AtomicInteger requests = new AtomicInteger();

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	@Test
	void missingPermissionNamesTheAction() throws IOException {
		AwsTarget target = answer(403, "text/xml", """
				<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type>
				<Code>AccessDenied</Code><Message>User: arn:aws:iam::123456789012:user/ci is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::123456789012:role/shop-dev-role</Message>
				</Error><RequestId>1</RequestId></ErrorResponse>""");
		try (AwsClients clients = new AwsClientFactory(List.of()).clients(target)) {
			SdkException error = catchThrowableOfType(SdkException.class,
					() -> clients.iam().createRole(b -> b.roleName("shop-dev-role").assumeRolePolicyDocument("{}")));
			AwsErrorTranslator.Translation translation = AwsErrorTranslator.translate(error, target);
			assertThat(translation.sentence()).startsWith("AWS denied iam:CreateRole").endsWith("[Iam.CreateRole]");
			assertThat(translation.hint()).contains("grant iam:CreateRole");
		}
	}

	@Test
	void throttlingIsRetriedWithBackoffThenExplained() throws IOException {
		AwsTarget target = answer(429, "application/json",
				"{\"__type\":\"TooManyRequestsException\",\"message\":\"Rate exceeded\"}");
		try (AwsClients clients = new AwsClientFactory(List.of()).clients(target)) {
			SdkException error = catchThrowableOfType(SdkException.class,
					() -> clients.lambda().getFunction(b -> b.functionName("shop-dev")));
			assertThat(this.requests.get()).as("attempts").isGreaterThan(1);
			assertThat(AwsErrorTranslator.translate(error, target).sentence()).contains("kept throttling");
		}
	}

	@Test
	void expiredCredentialsSayHowToRefreshThem() throws IOException {
		AwsTarget target = new AwsTarget("eu-west-1", null, "work");
		AwsTarget emulated = answer(400, "application/json",
				"{\"__type\":\"ExpiredTokenException\",\"message\":\"The security token included in the request is expired\"}");
		try (AwsClients clients = new AwsClientFactory(List.of()).clients(emulated)) {
			SdkException error = catchThrowableOfType(SdkException.class,
					() -> clients.lambda().getFunction(b -> b.functionName("shop-dev")));
			AwsErrorTranslator.Translation translation = AwsErrorTranslator.translate(error, target);
			assertThat(translation.sentence()).startsWith("Your AWS credentials have expired.");
			assertThat(translation.hint()).contains("aws sso login --profile work");
		}
	}

	@Test
	void missingCredentialsHintNamesTheOptionOrTheGoalProperty() {
		// the SDK's message when no provider of the default chain finds credentials
		SdkClientException error = SdkClientException.create("Unable to load credentials from any of the providers in the chain"
				+ " AwsCredentialsProviderChain(credentialsProviders=[SystemPropertyCredentialsProvider(), "
				+ "EnvironmentVariableCredentialsProvider(), ProfileCredentialsProvider()])");
		AwsTarget target = new AwsTarget("us-east-1", null, null);
		assertThat(AwsErrorTranslator.translate(error, target).hint()).startsWith("set AWS_PROFILE or pass --profile, or export");
		System.setProperty(OptionHint.INVOKER_PROPERTY, "maven");
		try {
			assertThat(AwsErrorTranslator.translate(error, target).hint())
				.startsWith("set AWS_PROFILE or pass -Dserverless.profile=NAME, or export");
		}
		finally {
			System.clearProperty(OptionHint.INVOKER_PROPERTY);
		}
	}

	@Test
	void unreachableEmulatorSaysWhereItLooked() {
		AwsTarget target = new AwsTarget("us-east-1", URI.create("http://127.0.0.1:1"), null);
		try (AwsClients clients = new AwsClientFactory(List.of()).clients(target)) {
			SdkException error = catchThrowableOfType(SdkException.class,
					() -> clients.lambda().getFunction(b -> b.functionName("shop-dev")));
			AwsErrorTranslator.Translation translation = AwsErrorTranslator.translate(error, target);
			assertThat(translation.sentence()).startsWith("Cannot reach http://127.0.0.1:1");
			assertThat(translation.hint()).contains("local start");
		}
	}

	private AwsTarget answer(int status, String contentType, String body) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", exchange -> {
			this.requests.incrementAndGet();
			exchange.getRequestBody().readAllBytes();
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", contentType);
			exchange.sendResponseHeaders(status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		this.server.start();
		return new AwsTarget("us-east-1", URI.create("http://127.0.0.1:" + this.server.getAddress().getPort()), null);
	}

}
