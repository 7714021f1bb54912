package io.serverlessspring.local.server;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An AWS error: the code the SDK maps to an exception class, a message naming what is wrong, and the
 * HTTP status (4xx: the caller's fault, 5xx: ours). Rendered by the service's {@link Protocol}.
 */
public class AwsException extends RuntimeException {

	private final int status;

	private final String code;

	private final Map<String, String> details = new LinkedHashMap<>();

	public AwsException(int status, String code, String message) {
		super(message, null, false, false);
		this.status = status;
		this.code = code;
	}

	/** 400 with the given code. */
	public static AwsException badRequest(String code, String message) {
		return new AwsException(400, code, message);
	}

	/** 404 with the given code. */
	public static AwsException notFound(String code, String message) {
		return new AwsException(404, code, message);
	}

	/** 409 with the given code. */
	public static AwsException conflict(String code, String message) {
		return new AwsException(409, code, message);
	}

	/** 400 ValidationException, the generic complaint about a request's parameters. */
	public static AwsException validation(String message) {
		return new AwsException(400, "ValidationException", message);
	}

	/** Extra elements for XML error bodies (e.g. S3's {@code BucketName}). */
	public AwsException detail(String name, String value) {
		this.details.put(name, value);
		return this;
	}

	public int status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	public boolean isSenderFault() {
		return this.status < 500;
	}

	public Map<String, String> details() {
		return this.details;
	}

}
