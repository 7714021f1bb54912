package io.serverlessspring.samples.petstore.lambda;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the sample's Lambda package the way Lambda does: unzipped as the task root (the working
 * directory), in a child JVM whose class path is only the real runtime interface client, which
 * loads {@code ServerlessHandler} from the package and polls a Runtime API on localhost.
 */
class LambdaPackageIT {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String HANDLER = "io.serverlessspring.boot.handler.ServerlessHandler::handleRequest";

	static RuntimeApiServer runtimeApi;

	static Process function;

	static Path log;

	@BeforeAll
	static void startFunction() throws IOException {
		Path zip = Paths.get(System.getProperty("lambda.zip", "target/petstore-lambda.zip"));
		assertThat(zip).as("the Lambda package (built in the package phase)").exists();
		Path taskRoot = Paths.get("target", "lambda-it", "task").toAbsolutePath();
		FileSystemUtils.deleteRecursively(taskRoot);
		unzip(zip, taskRoot);
		log = taskRoot.resolveSibling("function.log");

		runtimeApi = RuntimeApiServer.start();
		ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-XX:TieredStopAtLevel=1", "-cp", runtimeClassPath(),
				"com.amazonaws.services.lambda.runtime.api.client.AWSLambda", HANDLER)
			.directory(taskRoot.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("AWS_LAMBDA_RUNTIME_API", runtimeApi.address());
		builder.environment().put("SERVERLESS_STAGE", "dev");
		builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", "petstore-dev");
		builder.environment().put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
		builder.environment().put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
		builder.environment().put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
		builder.environment().put("LAMBDA_TASK_ROOT", taskRoot.toString());
		builder.environment().put("_HANDLER", HANDLER);
		function = builder.start();
	}

	@AfterAll
	static void stopFunction() throws InterruptedException {
		if (function != null) {
			function.destroy();
			if (!function.waitFor(10, TimeUnit.SECONDS)) {
				function.destroyForcibly();
			}
		}
		if (runtimeApi != null) {
			runtimeApi.close();
		}
	}

	static JsonNode invoke(String fixture) throws Exception {
		String event;
		try (InputStream in = LambdaPackageIT.class.getResourceAsStream("/events/" + fixture)) {
			event = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		CompletableFuture<RuntimeApiServer.Result> answer = runtimeApi.invoke(event);
		try {
			// Whichever comes first: the answer, an init error, or the function's JVM exiting.
			CompletableFuture.anyOf(answer, runtimeApi.initError(), function.onExit()).get(90, TimeUnit.SECONDS);
		}
		catch (TimeoutException ex) {
			throw new AssertionError("No answer within 90 s; the function's log:\n" + Files.readString(log), ex);
		}
		if (!answer.isDone()) {
			throw new AssertionError("The function failed instead of answering (init error: "
					+ runtimeApi.initError().getNow("none") + "); its log:\n" + Files.readString(log));
		}
		RuntimeApiServer.Result result = answer.get();
		assertThat(result.ok()).as("invocation succeeded: %s", result.body()).isTrue();
		return JSON.readTree(result.body());
	}

	@Test
	void servesAnHttpApiRequestWithTheStagesProfile() throws Exception {
		JsonNode response = invoke("http-api-v2/get-hello.json");

		assertThat(response.path("statusCode").asInt()).isEqualTo(200);
		assertThat(response.path("headers").path("Content-Type").asString()).startsWith("text/plain");
		assertThat(response.path("body").asString()).isEqualTo("Hello from the petstore, dev stage");
		assertThat(Files.readString(log)).contains("[access] 203.0.113.9 \"GET /hello HTTP/1.1\" 200");
	}

	@Test
	void returnsTwoCookiesAndABinaryPhoto() throws Exception {
		JsonNode preferences = invoke("http-api-v2/post-preferences.json");
		assertThat(preferences.path("statusCode").asInt()).isEqualTo(200);
		assertThat(preferences.path("cookies")).hasSize(2);

		JsonNode photo = invoke("http-api-v2/get-photo.json");
		assertThat(photo.path("isBase64Encoded").asBoolean()).isTrue();
		byte[] png = Base64.getDecoder().decode(photo.path("body").asString());
		assertThat(Arrays.copyOf(png, 4)).isEqualTo(new byte[] { (byte) 0x89, 'P', 'N', 'G' });
	}

	@Test
	void answersARestApiRequestForAMissingPetWithBootsNotFound() throws Exception {
		JsonNode response = invoke("apigw-rest-v1/get-missing-pet.json");

		assertThat(response.path("statusCode").asInt()).isEqualTo(404);
		assertThat(JSON.readTree(response.path("body").asString()).path("path").asString()).isEqualTo("/pets/99");
	}

	private static String javaExecutable() {
		return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** Lambda's runtime: the runtime interface client and the libraries it ships with, nothing of the app. */
	private static String runtimeClassPath() {
		List<String> runtime = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			String name = Paths.get(entry).getFileName().toString();
			// The client and its own dependencies (see its pom): core, serialization, the SDK's utils-lite.
			if (name.startsWith("aws-lambda-java-runtime-interface-client") || name.startsWith("aws-lambda-java-serialization")
					|| name.startsWith("aws-lambda-java-core") || name.startsWith("utils-lite")) {
				runtime.add(entry);
			}
		}
		assertThat(runtime).as("runtime interface client on the test class path").hasSize(4);
		return runtime.stream().collect(Collectors.joining(File.pathSeparator));
	}

	private static void unzip(Path zip, Path target) throws IOException {
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				Path file = target.resolve(entry.getName()).normalize();
				if (!file.startsWith(target)) {
					throw new IOException("Zip entry outside the target: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(file);
				}
				else {
					Files.createDirectories(file.getParent());
					Files.copy(in, file);
				}
			}
		}
	}

}
