package io.serverlessspring.local.server;

/**
 * Why a request is not let in as an AWS API call (403), rendered with the code each protocol's
 * services use: query and rest-xml services answer {@code MissingAuthenticationToken},
 * {@code SignatureDoesNotMatch}…; JSON ones {@code MissingAuthenticationTokenException},
 * {@code InvalidSignatureException}…
 */
final class AuthenticationFailure extends RuntimeException {

	enum Kind {

		MISSING("MissingAuthenticationToken", "MissingAuthenticationToken", "MissingAuthenticationTokenException"),
		INCOMPLETE("IncompleteSignature", "AuthorizationQueryParametersError", "IncompleteSignatureException"),
		UNKNOWN_KEY("InvalidClientTokenId", "InvalidAccessKeyId", "UnrecognizedClientException"),
		MISMATCH("SignatureDoesNotMatch", "SignatureDoesNotMatch", "InvalidSignatureException"),
		EXPIRED("AccessDenied", "AccessDenied", "AccessDeniedException");

		private final String queryCode;

		private final String restXmlCode;

		private final String jsonCode;

		Kind(String queryCode, String restXmlCode, String jsonCode) {
			this.queryCode = queryCode;
			this.restXmlCode = restXmlCode;
			this.jsonCode = jsonCode;
		}

	}

	private final Kind kind;

	AuthenticationFailure(Kind kind, String message) {
		super(message, null, false, false);
		this.kind = kind;
	}

	static AuthenticationFailure incomplete(String message) {
		return new AuthenticationFailure(Kind.INCOMPLETE, message);
	}

	Kind kind() {
		return this.kind;
	}

	/** The 403 AWS error, with the code {@code protocol}'s services use. */
	AwsException in(Protocol protocol) {
		String code = switch (protocol) {
			case QUERY, EC2 -> this.kind.queryCode;
			case REST_XML -> this.kind.restXmlCode;
			case JSON, REST_JSON -> this.kind.jsonCode;
		};
		return new AwsException(403, code, getMessage());
	}

}
