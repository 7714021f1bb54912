package io.serverlessspring.local.s3;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

import io.serverlessspring.local.server.AwsRequest;
import io.serverlessspring.local.server.AwsResponse;

/**
 * S3's flexible checksums: when an upload names an algorithm ({@code x-amz-sdk-checksum-algorithm},
 * a {@code x-amz-checksum-*} header or trailer), the answer carries the checksum of what was stored,
 * as S3 does (the SDKs send CRC32 by default).
 */
final class Checksums {

	private Checksums() {
	}

	static AwsResponse echo(AwsRequest request, byte[] data, AwsResponse response) {
		String algorithm = algorithm(request);
		if (algorithm == null) {
			return response;
		}
		String value = switch (algorithm) {
			case "crc32" -> checksum(new CRC32(), data);
			case "crc32c" -> checksum(new CRC32C(), data);
			case "sha1" -> digest("SHA-1", data);
			case "sha256" -> digest("SHA-256", data);
			default -> null;
		};
		return response.header("x-amz-checksum-" + algorithm, value);
	}

	private static String algorithm(AwsRequest request) {
		String named = request.header("x-amz-sdk-checksum-algorithm");
		if (named != null) {
			return named.toLowerCase(Locale.ROOT);
		}
		String trailer = request.header("x-amz-trailer");
		if (trailer != null && trailer.toLowerCase(Locale.ROOT).startsWith("x-amz-checksum-")) {
			return trailer.toLowerCase(Locale.ROOT).substring("x-amz-checksum-".length());
		}
		for (String name : request.headers().keySet()) {
			String lower = name.toLowerCase(Locale.ROOT);
			if (lower.startsWith("x-amz-checksum-") && !lower.equals("x-amz-checksum-type")) {
				return lower.substring("x-amz-checksum-".length());
			}
		}
		return null;
	}

	private static String checksum(Checksum checksum, byte[] data) {
		checksum.update(data, 0, data.length);
		return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) checksum.getValue()).array());
	}

	private static String digest(String algorithm, byte[] data) {
		try {
			return Base64.getEncoder().encodeToString(MessageDigest.getInstance(algorithm).digest(data));
		}
		catch (NoSuchAlgorithmException ex) {
			return null;
		}
	}

}
