package io.serverlessspring.local.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list that a client walks with {@code MaxResults} / {@code NextToken}. The token is
 * opaque to the client (base64 of the last key it was given), so a page never repeats or skips an
 * item that was there all along when others are added or deleted between calls.
 *
 * @param items the items of this page
 * @param nextToken the token for the next page, or null on the last one
 */
public record Page<T>(List<T> items, String nextToken) {

	/**
	 * The page after {@code token} (null: the first) of {@code items}, which must be sorted by
	 * {@code key}'s natural order; at most {@code maxResults} items. A token this method did not
	 * write is a 400 with {@code invalidTokenCode} (each service names it its own way).
	 */
	public static <T> Page<T> of(List<T> items, Function<T, String> key, String token, int maxResults,
			String invalidTokenCode) {
		String after = (token == null || token.isEmpty()) ? null : decode(token, invalidTokenCode);
		List<T> page = new ArrayList<>();
		boolean more = false;
		for (T item : items) {
			if (after != null && key.apply(item).compareTo(after) <= 0) {
				continue;
			}
			if (page.size() == maxResults) {
				more = true;
				break;
			}
			page.add(item);
		}
		String next = more ? encode(key.apply(page.get(page.size() - 1))) : null;
		return new Page<>(page, next);
	}

	private static String encode(String key) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(("after:" + key).getBytes(StandardCharsets.UTF_8));
	}

	private static String decode(String token, String invalidTokenCode) {
		try {
			String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
			if (text.startsWith("after:")) {
				return text.substring("after:".length());
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		throw AwsException.badRequest(invalidTokenCode, "The specified NextToken is not valid.");
	}

}
