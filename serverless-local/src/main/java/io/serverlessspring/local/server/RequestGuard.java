package io.serverlessspring.local.server;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps web pages out: the local cloud answers only what a real AWS client sends. A page in a browser
 * can neither name a foreign {@code Host} (DNS rebinding), nor hide its {@code Origin}, nor set an
 * {@code Authorization} header without a CORS preflight, which is refused like any cross-origin call.
 *
 * <ul>
 * <li>Host: {@code 127.0.0.1}, {@code localhost}, {@code [::1]} or a {@code *.localhost} name (the
 * virtual-host forms) with the port it listens on, or a custom domain name a front door serves.</li>
 * <li>Origin / {@code Sec-Fetch-Site}: only its own origin, except on the public front doors (HTTP APIs,
 * REST APIs, function URLs), which answer other origins from their CORS configuration.</li>
 * <li>AWS APIs: SigV4 in the {@code Authorization} header; query-string credentials only on presigned
 * S3 object URLs (GET, PUT, HEAD, DELETE), not expired; with strict auth, signatures verified.</li>
 * </ul>
 */
final class RequestGuard {

	private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

	private static final Set<String> PRESIGNED_METHODS = Set.of("GET", "PUT", "HEAD", "DELETE");

	private final int port;

	private final Set<String> ownOrigins;

	private final CloudSettings settings;

	private final SignatureVerifier verifier;

	private final Clock clock;

	RequestGuard(int port, CloudSettings settings, Clock clock) {
		this.port = port;
		this.ownOrigins = Set.of("http://127.0.0.1:" + port, "http://localhost:" + port, "http://[::1]:" + port);
		this.settings = settings;
		this.verifier = new SignatureVerifier(settings);
		this.clock = clock;
	}

	/**
	 * A refusal for a request this cloud must not answer whatever it asks: a foreign {@code Host}
	 * (421) or a cross-origin browser request outside the public front doors (403); null when it may
	 * go on. {@code door} is the front door that would serve it, or null.
	 */
	AwsResponse refusal(AwsRequest request, FrontDoor door) {
		String hostHeader = request.header("Host");
		if (hostHeader == null || !answersHost(hostHeader.trim().toLowerCase(Locale.ROOT), door)) {
			return AwsResponse.text(421, "Misdirected request: this local cloud answers Host 127.0.0.1:" + this.port
					+ ", localhost:" + this.port + ", [::1]:" + this.port + " and *.localhost:" + this.port
					+ " (and the custom domain names of its APIs), not '" + hostHeader + "'\n");
		}
		boolean publicDoor = door != null && door.isPublic();
		String origin = request.header("Origin");
		if (!publicDoor && origin != null && !this.ownOrigins.contains(origin.trim().toLowerCase(Locale.ROOT))) {
			return AwsResponse.text(403, "Cross-origin request refused: Origin '" + origin + "' is not this local cloud ("
					+ "http://127.0.0.1:" + this.port + "); only HTTP APIs, REST APIs and function URLs answer other origins\n");
		}
		String site = request.header("Sec-Fetch-Site");
		if (!publicDoor && site != null && !"same-origin".equalsIgnoreCase(site) && !"none".equalsIgnoreCase(site)) {
			return AwsResponse.text(403, "Cross-site request refused (Sec-Fetch-Site: " + site
					+ "); only HTTP APIs, REST APIs and function URLs answer other sites\n");
		}
		return null;
	}

	private boolean answersHost(String host, FrontDoor door) {
		int colon = host.lastIndexOf(':');
		String name = host;
		int hostPort = 80;
		if (colon > 0 && host.indexOf(']') < colon) {
			name = host.substring(0, colon);
			try {
				hostPort = Integer.parseInt(host.substring(colon + 1));
			}
			catch (NumberFormatException ex) {
				return false;
			}
		}
		if ((LOOPBACK_NAMES.contains(name) || name.endsWith(".localhost")) && hostPort == this.port) {
			return true;
		}
		return door != null && door.answersHost(name);
	}

	/**
	 * Checks that an AWS API request is signed as AWS clients sign: throws {@link AuthenticationFailure}
	 * when not. {@code authorization} is what {@link SigV4Authorization#of} found (null: nothing).
	 */
	void authenticate(AwsRequest request, SigV4Authorization authorization) {
		if (authorization == null) {
			throw new AuthenticationFailure(AuthenticationFailure.Kind.MISSING,
					"Request is missing Authentication Token: sign it with AWS Signature Version 4 (any AWS SDK or the AWS CLI does)");
		}
		if (authorization.presigned()) {
			if (!"s3".equals(authorization.service()) || !PRESIGNED_METHODS.contains(request.method()) || !addressesObject(request)) {
				throw AuthenticationFailure.incomplete("Query-string credentials are only accepted on presigned S3 object URLs "
						+ "(GET, PUT, HEAD, DELETE); sign other requests in the Authorization header");
			}
			if (expired(authorization)) {
				throw new AuthenticationFailure(AuthenticationFailure.Kind.EXPIRED, "Request has expired");
			}
		}
		if (this.settings.strictAuth()) {
			this.verifier.verify(request, authorization);
		}
	}

	/** {@code /bucket/key} path-style, or a key path under a {@code <bucket>.s3.localhost} host. */
	private static boolean addressesObject(AwsRequest request) {
		String host = request.host();
		if (host.endsWith(".localhost") && !host.equals("localhost")) {
			return request.rawPath().length() > 1;
		}
		return request.rawPath().matches("/[^/]+/.+");
	}

	private boolean expired(SigV4Authorization authorization) {
		Instant signedAt = authorization.signedAt();
		try {
			long expires = (authorization.expiresSeconds() != null) ? Long.parseLong(authorization.expiresSeconds()) : 604_800;
			return this.clock.instant().isAfter(signedAt.plusSeconds(expires));
		}
		catch (NumberFormatException ex) {
			throw AuthenticationFailure.incomplete("X-Amz-Expires must be a number of seconds, was '" + authorization.expiresSeconds() + "'");
		}
	}

}
