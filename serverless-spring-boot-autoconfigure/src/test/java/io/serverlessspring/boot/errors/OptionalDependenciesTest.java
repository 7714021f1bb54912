package io.serverlessspring.boot.errors;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.serverlessspring.boot.http.headersapp.ContextHeadersApplication;
import io.serverlessspring.boot.manifest.ManifestGenerator;
import io.serverlessspring.boot.plainwebsocketapp.PlainWebSocketApplication;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's optional parts (Spring Cloud Function, typed events and their serialisers, the
 * tasks' SDK clients) stay out of an app that does not use them: an HTTP app starts and answers
 * without them; an app that uses a feature without its library fails start-up naming what to add.
 * Each app runs in a child JVM on this module's test class path minus those jars.
 */
class OptionalDependenciesTest {

	/** The jars the starter no longer brings, as their file names start. */
	private static final List<String> OPTIONAL = List.of("spring-cloud-function-", "reactor-core-", "spring-messaging-",
			"aws-lambda-java-events-", "aws-lambda-java-serialization-", "lambda-2", "url-connection-client-",
			"dynamodb-", "sns-", "sqs-");

	@Test
	void anHttpAppStartsAndAnswersWithoutTheOptionalJars() throws Exception {
		String output = run(ContextHeadersApplication.class);
		assertThat(output).contains("probe answered 200");
	}

	@Test
	void anAppWithWebSocketRoutesButNoTypedEventsFailsStartUpNamingTheDependencies() throws Exception {
		String output = run(PlainWebSocketApplication.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The @WebSocketRoute(\"$default\") method needs")
			.contains("needs com.amazonaws:aws-lambda-java-events and com.amazonaws:aws-lambda-java-serialization")
			.contains("<artifactId>aws-lambda-java-events</artifactId>")
			.contains("probe failed");
	}

	@Test
	void packageFailsTooTheManifestGeneratorNamesTheDependencies() throws Exception {
		String output = run(ManifestGenerator.class.getName(), "--main-class", PlainWebSocketApplication.class.getName(),
				"--stage", "dev", "--output", "-");
		assertThat(output).contains("serverless manifest: The @WebSocketRoute(\"$default\") method needs "
				+ "com.amazonaws:aws-lambda-java-events and com.amazonaws:aws-lambda-java-serialization on the class path");
	}

	private static String run(Class<?> application) throws Exception {
		return run(OptionalDependenciesProbe.class.getName(), application.getName());
	}

	private static String run(String mainClass, String... args) throws Exception {
		String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> OPTIONAL.stream().noneMatch((name) -> Path.of(entry).getFileName().toString().startsWith(name)))
			.collect(Collectors.joining(File.pathSeparator));
		assertThat(classPath).doesNotContain("aws-lambda-java-events-").doesNotContain("spring-cloud-function-context-");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath, mainClass));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.start();
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		return output;
	}

}
