package io.serverlessspring.local.lambda.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The real AWS Lambda runtime interface client ({@code aws-lambda-java-runtime-interface-client} and
 * what it needs), whose jars the build copies into this module under
 * {@code META-INF/serverless-local/ric/}; put on a function JVM's class path after the package.
 */
final class RuntimeInterfaceClient {

	static final String MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

	private static final String RESOURCE_DIRECTORY = "META-INF/serverless-local/ric/";

	private static final List<String> JARS = List.of("aws-lambda-java-runtime-interface-client.jar",
			"utils-lite.jar", "aws-lambda-java-serialization.jar", "aws-lambda-java-core.jar");

	private RuntimeInterfaceClient() {
	}

	/** The jars as files: in place when on the file system, else copied once into {@code cacheDirectory}. */
	static List<Path> jars(Path cacheDirectory) {
		List<Path> files = new ArrayList<>();
		for (String jar : JARS) {
			URL resource = RuntimeInterfaceClient.class.getClassLoader().getResource(RESOURCE_DIRECTORY + jar);
			if (resource == null) {
				throw new IllegalStateException("The Lambda runtime interface client (" + jar
						+ ") is missing from serverless-local's class path; rebuild the module with Maven");
			}
			try {
				if ("file".equals(resource.getProtocol())) {
					files.add(Path.of(resource.toURI()));
					continue;
				}
				Path target = cacheDirectory.resolve("ric").resolve(jar);
				if (!Files.exists(target)) {
					Files.createDirectories(target.getParent());
					Path temporary = Files.createTempFile(target.getParent(), jar, ".tmp");
					try (InputStream in = resource.openStream()) {
						Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
					}
					Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				}
				files.add(target);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not extract " + jar, ex);
			}
			catch (URISyntaxException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return files;
	}

}
