package io.serverlessspring.boot.http;

import java.util.List;
import java.util.Locale;

/**
 * Decides which response bodies go back base64-encoded. Lambda's response is JSON text, so any
 * body that is not text must be encoded, and API Gateway decodes it before the client sees it.
 */
public class BinaryContentTypes {

	private final List<String> types;

	/** @param types content types such as {@code image/png}, or wildcards such as {@code image/*} */
	public BinaryContentTypes(List<String> types) {
		this.types = types.stream().map((type) -> type.trim().toLowerCase(Locale.ROOT)).toList();
	}

	/** Whether a response with this content type and content encoding is binary. */
	public boolean isBinary(String contentType, String contentEncoding) {
		if (contentEncoding != null && !contentEncoding.isBlank() && !"identity".equalsIgnoreCase(contentEncoding.trim())) {
			return true;
		}
		if (contentType == null) {
			return false;
		}
		String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
		for (String type : this.types) {
			if (type.endsWith("/*") ? mediaType.startsWith(type.substring(0, type.length() - 1)) : type.equals(mediaType)) {
				return true;
			}
		}
		return false;
	}

}
