package io.serverlessspring.local.server;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request's Signature Version 4 credentials, from its {@code Authorization} header or (presigned
 * URLs) its {@code X-Amz-*} query parameters: who signed, the credential scope, what was signed.
 *
 * @param accessKeyId the access key id of the credential
 * @param region the credential scope's region
 * @param service the credential scope's signing name ({@code lambda}, {@code s3}…)
 * @param signedHeaders the lower-case names of the signed headers
 * @param signature the hex signature
 * @param amzDate when it was signed ({@code yyyyMMdd'T'HHmmss'Z'}), or null
 * @param presigned whether the credentials came in the query string
 * @param expiresSeconds a presigned URL's {@code X-Amz-Expires}, or null
 */
record SigV4Authorization(String accessKeyId, String region, String service, List<String> signedHeaders,
		String signature, String amzDate, boolean presigned, String expiresSeconds) {

	static final String ALGORITHM = "AWS4-HMAC-SHA256";

	private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

	/**
	 * The request's credentials, or null when it carries none; credentials of the wrong shape are an
	 * {@link AuthenticationFailure} ({@code IncompleteSignature}).
	 */
	static SigV4Authorization of(AwsRequest request) {
		String authorization = request.header("Authorization");
		if (authorization != null) {
			return fromHeader(authorization.trim(), request);
		}
		if (request.hasQuery("X-Amz-Credential") || request.hasQuery("X-Amz-Signature") || request.hasQuery("X-Amz-Algorithm")) {
			return fromQuery(request);
		}
		return null;
	}

	private static SigV4Authorization fromHeader(String authorization, AwsRequest request) {
		if (!authorization.startsWith(ALGORITHM + " ")) {
			throw AuthenticationFailure.incomplete("Authorization header must use " + ALGORITHM + " (Signature Version 4)");
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		for (String part : authorization.substring(ALGORITHM.length()).split(",")) {
			int eq = part.indexOf('=');
			if (eq > 0) {
				parameters.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
			}
		}
		StringBuilder missing = new StringBuilder();
		for (String required : List.of("Credential", "SignedHeaders", "Signature")) {
			if (parameters.getOrDefault(required, "").isEmpty()) {
				missing.append("Authorization header requires '").append(required).append("' parameter. ");
			}
		}
		// needed to verify the signature (strict auth), where its absence is refused
		String amzDate = request.header("X-Amz-Date");
		if (missing.length() > 0) {
			throw AuthenticationFailure.incomplete(missing.toString().trim() + " Authorization=" + ALGORITHM);
		}
		String[] scope = scope(parameters.get("Credential"));
		return new SigV4Authorization(scope[0], scope[2], scope[3], signedHeaders(parameters.get("SignedHeaders")),
				parameters.get("Signature"), amzDate, false, null);
	}

	private static SigV4Authorization fromQuery(AwsRequest request) {
		StringBuilder missing = new StringBuilder();
		for (String required : List.of("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-SignedHeaders",
				"X-Amz-Signature")) {
			if (request.query(required) == null || request.query(required).isEmpty()) {
				missing.append("Query-string authentication requires the ").append(required).append(" parameter. ");
			}
		}
		if (missing.length() > 0) {
			throw AuthenticationFailure.incomplete(missing.toString().trim());
		}
		if (!ALGORITHM.equals(request.query("X-Amz-Algorithm"))) {
			throw AuthenticationFailure.incomplete("X-Amz-Algorithm only supports \"" + ALGORITHM + "\"");
		}
		String[] scope = scope(request.query("X-Amz-Credential"));
		return new SigV4Authorization(scope[0], scope[2], scope[3], signedHeaders(request.query("X-Amz-SignedHeaders")),
				request.query("X-Amz-Signature"), request.query("X-Amz-Date"), true, request.query("X-Amz-Expires"));
	}

	/** When it was signed ({@code X-Amz-Date}); missing or malformed is {@code IncompleteSignature}. */
	Instant signedAt() {
		if (this.amzDate == null) {
			throw AuthenticationFailure.incomplete("Authorization header requires existence of a 'X-Amz-Date' header");
		}
		try {
			return Instant.from(AMZ_DATE.parse(this.amzDate));
		}
		catch (DateTimeParseException ex) {
			throw AuthenticationFailure.incomplete("X-Amz-Date must be yyyyMMdd'T'HHmmss'Z', was '" + this.amzDate + "'");
		}
	}

	/** {@code <key>/<yyyyMMdd>/<region>/<service>/aws4_request}, split. */
	private static String[] scope(String credential) {
		String[] parts = credential.trim().split("/");
		if (parts.length != 5 || !"aws4_request".equals(parts[4]) || Arrays.stream(parts).anyMatch(String::isEmpty)) {
			throw AuthenticationFailure.incomplete("Credential should be <access key>/<date>/<region>/<service>/aws4_request, was '"
					+ credential + "'");
		}
		parts[3] = parts[3].toLowerCase(Locale.ROOT);
		return parts;
	}

	private static List<String> signedHeaders(String list) {
		return Arrays.stream(list.split(";")).map((name) -> name.trim().toLowerCase(Locale.ROOT)).toList();
	}

}
