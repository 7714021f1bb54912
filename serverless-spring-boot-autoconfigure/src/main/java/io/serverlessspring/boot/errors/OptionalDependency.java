package io.serverlessspring.boot.errors;

import java.util.ArrayList;
import java.util.List;

import org.springframework.util.ClassUtils;

/**
 * The starter's optional libraries: a class each is known by, and the {@code groupId:artifactId} to
 * add. One list, used by the start-up checks and by the manifest generator ({@code package}).
 */
public enum OptionalDependency {

	/** The typed events event handlers and WebSocket routes are read into. */
	LAMBDA_EVENTS("com.amazonaws.services.lambda.runtime.events.SQSEvent", "com.amazonaws:aws-lambda-java-events"),

	/** The Lambda runtime's own event serialisers (a shaded Jackson 2). */
	LAMBDA_SERIALIZATION("com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers",
			"com.amazonaws:aws-lambda-java-serialization"),

	/** The client of the tasks' default source, {@code lambda}. */
	LAMBDA_CLIENT("software.amazon.awssdk.services.lambda.LambdaClient", "software.amazon.awssdk:lambda"),

	SNS_CLIENT("software.amazon.awssdk.services.sns.SnsClient", "software.amazon.awssdk:sns"),

	SQS_CLIENT("software.amazon.awssdk.services.sqs.SqsClient", "software.amazon.awssdk:sqs"),

	/** The HTTP client every SDK client of the function is built on. */
	URL_CONNECTION_CLIENT("software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient",
			"software.amazon.awssdk:url-connection-client");

	private final String className;

	private final String coordinates;

	OptionalDependency(String className, String coordinates) {
		this.className = className;
		this.coordinates = coordinates;
	}

	public String className() {
		return this.className;
	}

	public String coordinates() {
		return this.coordinates;
	}

	public boolean isPresent(ClassLoader loader) {
		return ClassUtils.isPresent(this.className, loader);
	}

	/**
	 * Fails, naming what to add, when any of {@code needed} is not on the class path.
	 * @param feature what the app uses, naming where
	 * @throws MissingDependencyException listing the missing libraries
	 */
	public static void require(String feature, ClassLoader loader, OptionalDependency... needed) {
		List<String> missing = new ArrayList<>();
		for (OptionalDependency dependency : needed) {
			if (!dependency.isPresent(loader)) {
				missing.add(dependency.coordinates());
			}
		}
		if (!missing.isEmpty()) {
			throw new MissingDependencyException(feature, missing);
		}
	}

}
