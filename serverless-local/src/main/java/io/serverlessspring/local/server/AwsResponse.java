package io.serverlessspring.local.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** A response to write back: status, headers, body. Built by the static factories, then {@link #header}. */
public final class AwsResponse {

	private final int status;

	private final Map<String, List<String>> headers = new LinkedHashMap<>();

	private final byte[] body;

	/** For HEAD: the Content-Length to announce without a body; -1 when there is none. */
	private long headContentLength = -1;

	private AwsResponse(int status, byte[] body) {
		this.status = status;
		this.body = (body != null) ? body : new byte[0];
	}

	public static AwsResponse json(int status, JsonNode body) {
		return new AwsResponse(status, Json.bytes(body)).header("Content-Type", "application/json");
	}

	/** 200 with a JSON body, in the content type the awsJson protocols use. */
	public static AwsResponse amzJson(JsonNode body) {
		return new AwsResponse(200, Json.bytes(body)).header("Content-Type", "application/x-amz-json-1.1");
	}

	public static AwsResponse xml(int status, String body) {
		return new AwsResponse(status, body.getBytes(StandardCharsets.UTF_8)).header("Content-Type", "text/xml");
	}

	public static AwsResponse bytes(int status, byte[] body, String contentType) {
		AwsResponse response = new AwsResponse(status, body);
		if (contentType != null) {
			response.header("Content-Type", contentType);
		}
		return response;
	}

	public static AwsResponse text(int status, String body) {
		return bytes(status, body.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
	}

	public static AwsResponse empty(int status) {
		return new AwsResponse(status, null);
	}

	/** Adds a header value (several calls with one name add several values). */
	public AwsResponse header(String name, String value) {
		if (value != null) {
			this.headers.computeIfAbsent(name, (n) -> new ArrayList<>()).add(value);
		}
		return this;
	}

	/** For answers to HEAD: the length of the body a GET would return. */
	public AwsResponse headContentLength(long length) {
		this.headContentLength = length;
		return this;
	}

	public int status() {
		return this.status;
	}

	public Map<String, List<String>> headers() {
		return this.headers;
	}

	public String firstHeader(String name) {
		for (Map.Entry<String, List<String>> entry : this.headers.entrySet()) {
			if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
				return entry.getValue().get(0);
			}
		}
		return null;
	}

	public byte[] body() {
		return this.body;
	}

	public long headContentLength() {
		return this.headContentLength;
	}

}
