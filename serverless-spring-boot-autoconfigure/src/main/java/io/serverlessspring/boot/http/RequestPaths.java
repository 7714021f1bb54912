package io.serverlessspring.boot.http;

import java.nio.charset.StandardCharsets;

/** Path clean-up applied to every format before the app sees the path. */
final class RequestPaths {

	private RequestPaths() {
	}

	/**
	 * Percent-encodes what may not appear raw in a request URI (spaces, non-ASCII, a {@code %} that
	 * starts no escape) and leaves existing escapes alone. REST APIs, ALB and function URLs send the
	 * path encoded, HTTP APIs decoded: both reach Spring as a valid URI that it decodes once.
	 */
	static String encoded(String path) {
		StringBuilder out = new StringBuilder(path.length());
		byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < bytes.length; i++) {
			int c = bytes[i] & 0xFF;
			boolean escape = c == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]);
			if (escape || c != '%' && c > 0x20 && c < 0x7F && c != '"' && c != '<' && c != '>' && c != '\\' && c != '^' && c != '`'
					&& c != '{' && c != '|' && c != '}' && c != '#' && c != '?') {
				out.append((char) c);
			}
			else {
				out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
			}
		}
		return out.toString();
	}

	private static boolean isHex(byte b) {
		return Character.digit(b, 16) >= 0;
	}

	/** Removes a leading prefix such as {@code /api} or {@code /prod} when the path is under it. */
	static String stripPrefix(String path, String prefix) {
		if (prefix == null || prefix.isBlank()) {
			return path;
		}
		String normalized = "/" + prefix.trim().replaceAll("^/+|/+$", "");
		if ("/".equals(normalized)) {
			return path;
		}
		if (path.equals(normalized)) {
			return "/";
		}
		if (path.startsWith(normalized + "/")) {
			return path.substring(normalized.length());
		}
		return path;
	}

}
