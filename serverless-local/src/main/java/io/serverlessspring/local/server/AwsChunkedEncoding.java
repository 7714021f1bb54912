package io.serverlessspring.local.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the {@code aws-chunked} body the SDKs send for streamed uploads (S3 PutObject/UploadPart
 * with {@code x-amz-content-sha256: STREAMING-…}): {@code <hex size>[;chunk-signature=…]\r\n<data>\r\n}
 * repeated, a zero-size chunk, then optional trailers (checksums) we ignore.
 */
final class AwsChunkedEncoding {

	private AwsChunkedEncoding() {
	}

	static boolean applies(AwsRequest request) {
		String sha = request.header("x-amz-content-sha256");
		String encoding = request.header("Content-Encoding");
		return (sha != null && sha.startsWith("STREAMING-")) || (encoding != null && encoding.contains("aws-chunked"));
	}

	static byte[] decode(byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
		int position = 0;
		while (position < body.length) {
			int lineEnd = indexOfCrlf(body, position);
			if (lineEnd < 0) {
				throw AwsException.badRequest("IncompleteBody", "The aws-chunked body ended inside a chunk header");
			}
			String header = new String(body, position, lineEnd - position, StandardCharsets.US_ASCII);
			int semicolon = header.indexOf(';');
			String hex = ((semicolon >= 0) ? header.substring(0, semicolon) : header).trim();
			int size;
			try {
				size = Integer.parseInt(hex, 16);
			}
			catch (NumberFormatException ex) {
				throw AwsException.badRequest("InvalidChunkSizeError", "Invalid aws-chunked chunk size: " + hex);
			}
			position = lineEnd + 2;
			if (size == 0) {
				break; // trailers follow: checksums the SDK computed, not needed here
			}
			if (position + size > body.length) {
				throw AwsException.badRequest("IncompleteBody", "The aws-chunked body is shorter than its chunks");
			}
			out.write(body, position, size);
			position += size + 2;
		}
		return out.toByteArray();
	}

	private static int indexOfCrlf(byte[] body, int from) {
		for (int i = from; i + 1 < body.length; i++) {
			if (body[i] == '\r' && body[i + 1] == '\n') {
				return i;
			}
		}
		return -1;
	}

}
