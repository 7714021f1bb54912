package io.serverlessspring.shell.aws;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ServiceLoader;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpService;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;
import software.amazon.awssdk.utils.AttributeMap;
import software.amazon.awssdk.utils.http.SdkHttpUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The two Lex V2 model calls deploy needs for a bot alias's Lambda code hook: DescribeBotAlias and
 * UpdateBotAlias (REST-JSON, signed for {@code lex}).
 *
 * <p>Why not the SDK's {@code lexmodelsv2} client: that module is not available at the SDK version
 * of the root pom's BOM, and SDK modules must not mix versions. This small client uses the SDK's own
 * pieces (its HTTP client, the SigV4 signer, the console's credentials, region and endpoint
 * override, so {@code --endpoint-url} applies as for every other client); swap it for
 * {@code LexModelsV2Client} once the module can be had at the BOM's version.
 */
public final class LexBotAliasClient implements AutoCloseable {

	/** The service name errors carry (what {@link AwsErrorTranslator} prints). */
	static final String SERVICE = "LexModelsV2";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final RetryStrategy RETRIES = DefaultRetryStrategy.standardStrategyBuilder()
		.retryOnException(LexBotAliasClient::retryable)
		.build();

	private final SdkHttpClient http;

	private final AwsCredentialsProvider credentials;

	private final String region;

	private final URI endpoint;

	LexBotAliasClient(AwsTarget target, AwsCredentialsProvider credentials) {
		this.http = ServiceLoader.load(SdkHttpService.class)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no AWS SDK HTTP client on the classpath"))
			.createHttpClientBuilder()
			.buildWithDefaults(AttributeMap.empty());
		this.credentials = credentials;
		this.region = target.region();
		this.endpoint = (target.endpoint() != null) ? target.endpoint()
				: URI.create("https://models-v2-lex." + target.region() + ".amazonaws.com");
	}

	/** The alias as DescribeBotAlias returns it, or {@code null} when the bot or the alias does not exist. */
	public ObjectNode describeBotAlias(String botId, String botAliasId) {
		try {
			return (ObjectNode) call("DescribeBotAlias", SdkHttpMethod.GET, aliasPath(botId, botAliasId), null);
		}
		catch (AwsServiceException ex) {
			if (ex.statusCode() == 404) {
				return null;
			}
			throw ex;
		}
	}

	/**
	 * UpdateBotAlias: it replaces every setting of the alias, so {@code alias} is a DescribeBotAlias
	 * answer with the changes made; its updatable fields are sent back as they are.
	 */
	public void updateBotAlias(ObjectNode alias) {
		ObjectNode body = JSON.createObjectNode();
		for (String field : new String[] { "botAliasName", "description", "botVersion", "botAliasLocaleSettings",
				"conversationLogSettings", "sentimentAnalysisSettings" }) {
			JsonNode value = alias.get(field);
			if (value != null && !value.isNull()) {
				body.set(field, value);
			}
		}
		call("UpdateBotAlias", SdkHttpMethod.PUT,
				aliasPath(alias.path("botId").asString(), alias.path("botAliasId").asString()), body);
	}

	/**
	 * Any Lex V2 model operation: {@code path} as the API reference writes it (e.g. {@code /bots/}),
	 * {@code body} the request's JSON or {@code null}; the answer's JSON (an empty object when none).
	 */
	public JsonNode call(String operation, SdkHttpMethod method, String path, JsonNode body) {
		LastCall.record(SERVICE + "." + operation);
		// The standard retries the SDK's clients have: throttling, 5xx and I/O errors, with backoff.
		RetryToken token = RETRIES.acquireInitialToken(AcquireInitialTokenRequest.create(SERVICE)).token();
		while (true) {
			try {
				JsonNode answer = send(operation, method, path, body);
				RETRIES.recordSuccess(RecordSuccessRequest.create(token));
				return answer;
			}
			catch (SdkException ex) {
				RefreshRetryTokenResponse retry;
				try {
					retry = RETRIES.refreshRetryToken(RefreshRetryTokenRequest.builder().token(token).failure(ex).build());
				}
				catch (TokenAcquisitionFailedException exhausted) {
					throw ex;
				}
				pause(retry.delay());
				token = retry.token();
			}
		}
	}

	private JsonNode send(String operation, SdkHttpMethod method, String path, JsonNode body) {
		byte[] content = (body != null) ? JSON.writeValueAsBytes(body) : null;
		SdkHttpRequest.Builder request = SdkHttpRequest.builder()
			.method(method)
			.uri(this.endpoint.resolve(path))
			.putHeader("Accept", "application/json");
		if (content != null) {
			request.putHeader("Content-Type", "application/json").putHeader("Content-Length", String.valueOf(content.length));
		}
		ContentStreamProvider payload = (content != null) ? ContentStreamProvider.fromByteArrayUnsafe(content) : null;
		SignedRequest signed = AwsV4HttpSigner.create()
			.sign(r -> r.identity(this.credentials.resolveCredentials())
				.request(request.build())
				.payload(payload)
				.putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "lex")
				.putProperty(AwsV4HttpSigner.REGION_NAME, this.region));
		try {
			HttpExecuteResponse response = this.http.prepareRequest(HttpExecuteRequest.builder()
				.request(signed.request())
				.contentStreamProvider(signed.payload().orElse(null))
				.build()).call();
			JsonNode answer = read(response);
			int status = response.httpResponse().statusCode();
			if (status / 100 != 2) {
				throw error(operation, status, response, answer);
			}
			return answer;
		}
		catch (IOException ex) {
			throw SdkClientException.create("Unable to execute HTTP request: " + ex.getMessage(), ex);
		}
	}

	private static boolean retryable(Throwable error) {
		if (error instanceof AwsServiceException service) {
			String code = (service.awsErrorDetails() != null) ? service.awsErrorDetails().errorCode() : "";
			return service.statusCode() == 429 || service.statusCode() >= 500 || "ThrottlingException".equals(code);
		}
		return error instanceof SdkClientException;
	}

	private static void pause(Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw SdkClientException.create("interrupted while backing off", ex);
		}
	}

	private static String aliasPath(String botId, String botAliasId) {
		return "/bots/" + SdkHttpUtils.urlEncode(botId) + "/botaliases/" + SdkHttpUtils.urlEncode(botAliasId) + "/";
	}

	private static JsonNode read(HttpExecuteResponse response) throws IOException {
		if (response.responseBody().isEmpty()) {
			return JSON.createObjectNode();
		}
		try (InputStream in = response.responseBody().get()) {
			byte[] bytes = in.readAllBytes();
			if (bytes.length == 0) {
				return JSON.createObjectNode();
			}
			try {
				return JSON.readTree(bytes);
			}
			catch (RuntimeException ex) {
				// an error page that is not JSON: its text is the message
				return JSON.createObjectNode().put("message", new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
			}
		}
	}

	/** The error as the SDK's own clients raise it, so the console translates it the same way. */
	private static AwsServiceException error(String operation, int status, HttpExecuteResponse response, JsonNode body) {
		// REST-JSON names the error in this header ("Code:extra"), else in the body.
		String code = response.httpResponse().firstMatchingHeader("x-amzn-ErrorType")
			.map((type) -> type.split(":")[0])
			.orElse(body.path("__type").asString(body.path("code").asString("HTTP " + status)));
		String message = body.path("message").asString(body.path("Message").asString(operation + " failed"));
		return AwsServiceException.builder()
			.statusCode(status)
			.message(message + " (Service: " + SERVICE + ", Status Code: " + status + ")")
			.awsErrorDetails(AwsErrorDetails.builder()
				.errorCode(code)
				.errorMessage(message)
				.serviceName(SERVICE)
				.sdkHttpResponse(response.httpResponse())
				.build())
			.build();
	}

	@Override
	public void close() {
		this.http.close();
	}

}
