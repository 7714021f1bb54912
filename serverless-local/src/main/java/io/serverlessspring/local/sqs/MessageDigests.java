package io.serverlessspring.local.sqs;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The MD5 digests SQS returns and the SDKs verify: of the body, and of the message attributes in
 * SQS's length-prefixed encoding (name, data type, transport type 1 = string / 2 = binary, value),
 * attributes sorted by name.
 */
final class MessageDigests {

	private MessageDigests() {
	}

	static String md5Hex(String text) {
		return HexFormat.of().formatHex(md5().digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	/** Null when there are no attributes (SQS then omits the field). */
	static String md5OfAttributes(JsonNode attributes) {
		if (attributes == null || !attributes.isObject() || attributes.isEmpty()) {
			return null;
		}
		List<String> names = new ArrayList<>(attributes.propertyNames());
		java.util.Collections.sort(names);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (String name : names) {
			JsonNode value = attributes.get(name);
			String dataType = value.path("DataType").asString();
			lengthPrefixed(out, name.getBytes(StandardCharsets.UTF_8));
			lengthPrefixed(out, dataType.getBytes(StandardCharsets.UTF_8));
			if (value.hasNonNull("BinaryValue")) {
				out.write(2);
				lengthPrefixed(out, Base64.getDecoder().decode(value.get("BinaryValue").asString()));
			}
			else {
				out.write(1);
				lengthPrefixed(out, value.path("StringValue").asString().getBytes(StandardCharsets.UTF_8));
			}
		}
		return HexFormat.of().formatHex(md5().digest(out.toByteArray()));
	}

	private static void lengthPrefixed(ByteArrayOutputStream out, byte[] bytes) {
		out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
		out.writeBytes(bytes);
	}

	private static MessageDigest md5() {
		try {
			return MessageDigest.getInstance("MD5");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
