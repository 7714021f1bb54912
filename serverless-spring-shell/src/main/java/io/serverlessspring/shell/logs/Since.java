package io.serverlessspring.shell.logs;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code --since}: {@code 90s}, {@code 10m}, {@code 4h}, {@code 2d}, or an ISO-8601 instant. */
public final class Since {

	private static final Pattern RELATIVE = Pattern.compile("(\\d{1,6})([smhd])");

	private Since() {
	}

	public static Instant parse(String text, Instant now) {
		String value = (text == null) ? "" : text.trim();
		Matcher matcher = RELATIVE.matcher(value);
		if (matcher.matches()) {
			long amount = Long.parseLong(matcher.group(1));
			Duration duration = switch (matcher.group(2)) {
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				default -> Duration.ofDays(amount);
			};
			return now.minus(duration);
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("--since '" + text + "' is not valid: expected 90s, 10m, 4h, 2d or an "
					+ "ISO-8601 instant such as 2026-11-25T10:00:00Z");
		}
	}

}
