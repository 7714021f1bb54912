package io.serverlessspring.local.apigateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * API Gateway's path templates, shared by the HTTP API routes and the REST API resources: literal
 * segments, {@code {var}} and a trailing {@code {proxy+}}, scored so the most specific one wins
 * (literal before {@code {var}} before {@code {proxy+}}).
 */
final class PathTemplates {

	private PathTemplates() {
	}

	/**
	 * A specificity score (higher is more specific), or -1 when the template does not match. Path
	 * parameters of a match are put into {@code parameters}, percent-decoded.
	 * @param emptyVariables whether {@code {var}} matches an empty segment (REST APIs) or not (HTTP APIs)
	 */
	static long match(String template, String path, Map<String, String> parameters, boolean emptyVariables) {
		String[] want = template.equals("/") ? new String[0] : template.substring(1).split("/", -1);
		String[] have = path.equals("/") ? new String[0] : path.substring(1).split("/", -1);
		long score = 0;
		for (int i = 0; i < want.length; i++) {
			String segment = want[i];
			if (segment.startsWith("{") && segment.endsWith("+}")) {
				if (i >= have.length) {
					return -1;
				}
				parameters.put(segment.substring(1, segment.length() - 2),
						decode(String.join("/", Arrays.copyOfRange(have, i, have.length))));
				return score * 3 + 1;
			}
			if (i >= have.length) {
				return -1;
			}
			if (segment.startsWith("{") && segment.endsWith("}")) {
				if (have[i].isEmpty() && !emptyVariables) {
					return -1;
				}
				parameters.put(segment.substring(1, segment.length() - 1), decode(have[i]));
				score = score * 3 + 2;
			}
			else if (segment.equals(have[i])) {
				score = score * 3 + 3;
			}
			else {
				return -1;
			}
		}
		return (want.length == have.length) ? score * 3 + 2 : -1;
	}

	/** A path segment decoded as API Gateway does: {@code %xx} escapes, a literal {@code +} kept. */
	static String decode(String segment) {
		try {
			return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return segment;
		}
	}

}
