package io.serverlessspring.local.lambda;

import io.serverlessspring.local.server.AwsRequest;
import io.serverlessspring.local.server.AwsResponse;
import io.serverlessspring.local.server.FrontDoor;
import io.serverlessspring.local.server.LocalContext;

/** Serves {@code Code.Location} of GetFunction: the deployed zip, as S3's presigned URL does in AWS. */
final class CodeDownloads implements FrontDoor {

	private static final String PREFIX = "/_local/lambda-code/";

	private final CodeStore code;

	CodeDownloads(CodeStore code) {
		this.code = code;
	}

	/** The URL GetFunction answers for a package. */
	static String location(LocalContext context, String codeKey) {
		return context.endpoint() + PREFIX + codeKey;
	}

	@Override
	public boolean accepts(AwsRequest request) {
		return request.rawPath().startsWith(PREFIX);
	}

	@Override
	public AwsResponse serve(AwsRequest request) {
		String key = request.rawPath().substring(PREFIX.length());
		if (!key.matches("[0-9a-f]{64}") || !this.code.contains(key)) {
			return AwsResponse.text(404, "Not Found");
		}
		return AwsResponse.bytes(200, this.code.bytes(key), "application/zip");
	}

}
