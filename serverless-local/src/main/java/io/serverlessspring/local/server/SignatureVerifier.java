package io.serverlessspring.local.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.internal.signer.CredentialScope;
import software.amazon.awssdk.http.auth.aws.internal.signer.DefaultV4RequestSigner;
import software.amazon.awssdk.http.auth.aws.internal.signer.V4Properties;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Strict auth: re-signs what the client signed (method, path, query, the headers it named, the
 * payload hash it used) with the AWS SDK's own SigV4 request signer and the configured key pair, and
 * compares signatures. The SDK's signer takes the payload hash as given, so every client form is
 * covered: a signed body (hash of the bytes), {@code x-amz-content-sha256} as sent (S3's
 * {@code UNSIGNED-PAYLOAD}, aws-chunked {@code STREAMING-…}), presigned URLs ({@code UNSIGNED-PAYLOAD}).
 *
 * <p>Why the SDK's {@code DefaultV4RequestSigner} (public, though marked SDK-internal) rather than
 * {@code AwsV4HttpSigner}: the latter decides the payload hash itself and adds headers
 * ({@code x-amz-content-sha256}, {@code X-Amz-Date}) a client may not have signed; the request signer
 * only canonicalizes and signs what it is given. The SDK version is pinned by the BOM;
 * {@code StrictAuthTest} and {@code AwsCliTest} catch a change of behaviour.
 */
final class SignatureVerifier {

	private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

	private final CloudSettings settings;

	SignatureVerifier(CloudSettings settings) {
		this.settings = settings;
	}

	/** Throws {@link AuthenticationFailure} unless the configured key pair gives the request's signature. */
	void verify(AwsRequest request, SigV4Authorization authorization) {
		if (!this.settings.accessKeyId().equals(authorization.accessKeyId())) {
			throw new AuthenticationFailure(AuthenticationFailure.Kind.UNKNOWN_KEY,
					"The security token included in the request is invalid: unknown access key id '"
							+ authorization.accessKeyId() + "'");
		}
		Instant signedAt = authorization.signedAt();
		boolean s3 = "s3".equals(authorization.service());
		V4Properties properties = V4Properties.builder()
			.credentials(AwsCredentialsIdentity.create(this.settings.accessKeyId(), this.settings.secretAccessKey()))
			.credentialScope(new CredentialScope(authorization.region(), authorization.service(), signedAt))
			.signingClock(Clock.fixed(signedAt, ZoneOffset.UTC))
			// S3 signs the path as sent; every other service encodes it once more and normalizes it
			.doubleUrlEncode(!s3)
			.normalizePath(!s3)
			.build();
		String expected = new DefaultV4RequestSigner(properties, payloadHash(request, authorization))
			.sign(signedParts(request, authorization))
			.getSignature();
		if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				authorization.signature().getBytes(StandardCharsets.US_ASCII))) {
			throw new AuthenticationFailure(AuthenticationFailure.Kind.MISMATCH,
					"The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.");
		}
	}

	/** The request as the client signed it: only the headers it named, the query without the signature. */
	private static SdkHttpRequest.Builder signedParts(AwsRequest request, SigV4Authorization authorization) {
		SdkHttpRequest.Builder builder = SdkHttpRequest.builder()
			.protocol("http")
			.host("localhost")
			.method(SdkHttpMethod.fromValue(request.method()))
			.encodedPath(request.rawPath());
		for (String pair : request.rawQuery().split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String name = decode((eq >= 0) ? pair.substring(0, eq) : pair);
			if (authorization.presigned() && "X-Amz-Signature".equals(name)) {
				continue;
			}
			builder.appendRawQueryParameter(name, decode((eq >= 0) ? pair.substring(eq + 1) : ""));
		}
		for (String name : authorization.signedHeaders()) {
			List<String> values = request.headers().get(name);
			if (values == null) {
				throw new AuthenticationFailure(AuthenticationFailure.Kind.MISMATCH,
						"The request signature we calculated does not match the signature you provided: signed header '"
								+ name + "' is missing");
			}
			builder.putHeader(name, values);
		}
		return builder;
	}

	private static String payloadHash(AwsRequest request, SigV4Authorization authorization) {
		if (authorization.presigned()) {
			return UNSIGNED_PAYLOAD;
		}
		String declared = request.header("x-amz-content-sha256");
		if (declared != null) {
			return declared;
		}
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(request.body()));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Percent-decoding that keeps {@code +} (SigV4 clients send a space as {@code %20}). */
	private static String decode(String text) {
		try {
			return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return text;
		}
	}

}
