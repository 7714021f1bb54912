package io.serverlessspring.local.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * CloudWatch Logs' text filter patterns, the subset used to read function logs: terms that must all
 * appear ({@code ERROR timeout}), quoted phrases ({@code "Task timed out"}), {@code ?a ?b} for any of,
 * and {@code -term} for none of. Empty matches everything. JSON and space-delimited patterns are not
 * supported and match as plain terms. Terms are case sensitive, as in CloudWatch.
 */
final class LogFilterPattern {

	private final List<String> all = new ArrayList<>();

	private final List<String> any = new ArrayList<>();

	private final List<String> none = new ArrayList<>();

	static LogFilterPattern parse(String pattern) {
		LogFilterPattern parsed = new LogFilterPattern();
		if (pattern == null || pattern.isBlank()) {
			return parsed;
		}
		int i = 0;
		while (i < pattern.length()) {
			char c = pattern.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
				continue;
			}
			List<String> target = parsed.all;
			if (c == '?' || c == '-') {
				target = (c == '?') ? parsed.any : parsed.none;
				i++;
			}
			String term;
			if (i < pattern.length() && pattern.charAt(i) == '"') {
				int close = pattern.indexOf('"', i + 1);
				close = (close < 0) ? pattern.length() : close;
				term = pattern.substring(i + 1, close);
				i = close + 1;
			}
			else {
				int end = i;
				while (end < pattern.length() && !Character.isWhitespace(pattern.charAt(end))) {
					end++;
				}
				term = pattern.substring(i, end);
				i = end;
			}
			if (!term.isEmpty()) {
				target.add(term);
			}
		}
		return parsed;
	}

	boolean matches(String message) {
		String text = message;
		for (String term : this.all) {
			if (!text.contains(term)) {
				return false;
			}
		}
		for (String term : this.none) {
			if (text.contains(term)) {
				return false;
			}
		}
		return this.any.isEmpty() || this.any.stream().anyMatch(text::contains);
	}

}
