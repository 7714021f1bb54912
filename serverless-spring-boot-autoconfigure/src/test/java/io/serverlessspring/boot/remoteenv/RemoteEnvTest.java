package io.serverlessspring.boot.remoteenv;

import io.serverlessspring.boot.configapp.ConfigTestApplication;
import io.serverlessspring.test.moto.MotoServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code serverless.function.remote-env}: a JSON object in S3 (moto, over HTTP) loaded as
 * properties when an app starts. The endpoint comes from the SDK's own setting, as
 * {@code AWS_ENDPOINT_URL} does inside a local cloud (here its system-property form).
 */
class RemoteEnvTest {

	static final String BUCKET = "remote-env-test";

	static MotoServer moto;

	@BeforeAll
	static void storeObjects() {
		moto = MotoServer.shared();
		try (S3Client s3 = S3Client.builder().endpointOverride(moto.endpoint()).forcePathStyle(true)
			.httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
			if (s3.listBuckets().buckets().stream().noneMatch((bucket) -> bucket.name().equals(BUCKET))) {
				s3.createBucket((create) -> create.bucket(BUCKET));
			}
			put(s3, "prod/env.json", "{\"greeting\": \"from s3\", \"pets.max\": 3, \"feature.enabled\": true}");
			put(s3, "bad/not-json.json", "greeting=from s3");
			put(s3, "bad/array.json", "[\"greeting\"]");
			put(s3, "bad/nested.json", "{\"greeting\": \"hi\", \"db\": {\"password\": \"x\"}}");
		}
	}

	static void put(S3Client s3, String key, String json) {
		s3.putObject((put) -> put.bucket(BUCKET).key(key), RequestBody.fromString(json));
	}

	static ConfigurableApplicationContext start(String... args) {
		return ConfigTestApplication.startAgainst(moto.endpoint(), args);
	}

	@Test
	void theObjectsKeysAreProperties() {
		try (ConfigurableApplicationContext app = start("--serverless.function.remote-env=s3://" + BUCKET + "/prod/env.json")) {
			// Over the packaged value (config-testapp.properties says "from the package").
			assertThat(app.getEnvironment().getProperty("greeting")).isEqualTo("from s3");
			assertThat(app.getEnvironment().getProperty("pets.max", Integer.class)).isEqualTo(3);
			assertThat(app.getEnvironment().getProperty("feature.enabled", Boolean.class)).isTrue();
		}
	}

	@Test
	void commandLineAndSystemLevelPropertiesStillWin() {
		try (ConfigurableApplicationContext app = start("--serverless.function.remote-env=s3://" + BUCKET + "/prod/env.json",
				"--pets.max=5")) {
			assertThat(app.getEnvironment().getProperty("pets.max")).isEqualTo("5");
			assertThat(app.getEnvironment().getPropertySources().precedenceOf(
					app.getEnvironment().getPropertySources().get(RemoteEnvPostProcessor.PROPERTY_SOURCE)))
				.isEqualTo(app.getEnvironment().getPropertySources().precedenceOf(
						app.getEnvironment().getPropertySources().get("systemEnvironment")) + 1);
		}
	}

	@Test
	void withoutTheSettingNothingIsLoaded() {
		try (ConfigurableApplicationContext app = start()) {
			assertThat(app.getEnvironment().getProperty("greeting")).isEqualTo("from the package");
			assertThat(app.getEnvironment().getPropertySources().contains(RemoteEnvPostProcessor.PROPERTY_SOURCE)).isFalse();
		}
	}

	@Test
	void aMissingObjectStopsStartUpNamingTheSetting() {
		assertThatThrownBy(() -> start("--serverless.function.remote-env=s3://" + BUCKET + "/prod/missing.json").close())
			.isInstanceOf(RemoteEnvException.class)
			.hasMessage("serverless.function.remote-env = s3://" + BUCKET + "/prod/missing.json: no such object (NoSuchKey)");
		assertThatThrownBy(() -> start("--serverless.function.remote-env=s3://no-such-bucket-here/env.json").close())
			.isInstanceOf(RemoteEnvException.class)
			.hasMessage("serverless.function.remote-env = s3://no-such-bucket-here/env.json: no such object (NoSuchBucket)");
	}

	@Test
	void anObjectThatIsNotAJsonObjectOfScalarsStopsStartUp() {
		assertThatThrownBy(() -> start("--serverless.function.remote-env=s3://" + BUCKET + "/bad/not-json.json").close())
			.isInstanceOf(RemoteEnvException.class)
			.hasMessageStartingWith("serverless.function.remote-env = s3://" + BUCKET + "/bad/not-json.json is not valid JSON: ");
		assertThatThrownBy(() -> start("--serverless.function.remote-env=s3://" + BUCKET + "/bad/array.json").close())
			.isInstanceOf(RemoteEnvException.class)
			.hasMessage("serverless.function.remote-env = s3://" + BUCKET
					+ "/bad/array.json must hold a JSON object of property names to values, found array");
		assertThatThrownBy(() -> start("--serverless.function.remote-env=s3://" + BUCKET + "/bad/nested.json").close())
			.isInstanceOf(RemoteEnvException.class)
			.hasMessage("serverless.function.remote-env = s3://" + BUCKET
					+ "/bad/nested.json: the value of 'db' is object; values must be strings, numbers or booleans");
	}

	@Test
	void aLocationThatIsNotAnS3UrlIsRefused() {
		assertThatThrownBy(() -> start("--serverless.function.remote-env=https://example.com/env.json").close())
			.isInstanceOf(RemoteEnvException.class)
			.hasMessageContaining("serverless.function.remote-env = 'https://example.com/env.json' is not an S3 object URL");
	}

}
