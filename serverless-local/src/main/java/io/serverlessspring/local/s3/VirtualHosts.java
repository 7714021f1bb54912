package io.serverlessspring.local.s3;

import io.serverlessspring.local.server.AwsRequest;

/**
 * Virtual-host style addressing: {@code Host: <bucket>.s3.localhost} or {@code <bucket>.localhost}
 * (names under {@code .localhost} resolve to the loopback address) is rewritten to path style.
 */
final class VirtualHosts {

	private VirtualHosts() {
	}

	static AwsRequest toPathStyle(AwsRequest request) {
		String host = request.host();
		String bucket = null;
		if (host.endsWith(".s3.localhost")) {
			bucket = host.substring(0, host.length() - ".s3.localhost".length());
		}
		else if (host.endsWith(".localhost") && !host.startsWith("s3.")) {
			bucket = host.substring(0, host.length() - ".localhost".length());
		}
		if (bucket == null || bucket.isEmpty()) {
			return request;
		}
		String path = "/" + bucket + (request.rawPath().equals("/") ? "" : request.rawPath());
		AwsRequest rewritten = new AwsRequest(request.method(), path, request.rawQuery(), request.headers(),
				request.body(), request.remoteAddress(), request.requestId());
		return rewritten;
	}

}
