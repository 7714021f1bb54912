package io.serverlessspring.boot.scheduling;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.scheduling.support.CronExpression;

/**
 * Converts Spring's {@code @Scheduled} triggers to EventBridge Scheduler expressions, exactly or
 * not at all.
 *
 * <p>Spring's cron has six fields (second minute hour day-of-month month day-of-week, days of week
 * 0–7 with 0 and 7 Sunday); EventBridge's has six others (minute hour day-of-month month
 * day-of-week year, days 1–7 with 1 Sunday, and {@code ?} in one of the two day fields). Rates
 * become {@code rate(N minutes|hours|days)}. What EventBridge cannot express — a second other than
 * 0, a sub-minute or non-whole-minute rate, both day fields restricted at once, {@code LW},
 * {@code L-n} — is an {@link InvalidScheduleException}, never a different schedule.
 */
public final class ScheduleExpressionConverter {

	private static final Map<String, String> MACROS = Map.of("@yearly", "0 0 0 1 1 *", "@annually", "0 0 0 1 1 *",
			"@monthly", "0 0 0 1 * *", "@weekly", "0 0 0 * * 0", "@daily", "0 0 0 * * *", "@midnight", "0 0 0 * * *",
			"@hourly", "0 0 * * * *");

	private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
			"OCT", "NOV", "DEC");

	/** Probes for {@link #values}: a January (31 days) and a Sunday. */
	private static final LocalDateTime PROBE_START = LocalDateTime.of(2026, 1, 1, 0, 0);

	private static final LocalDateTime PROBE_SUNDAY = LocalDateTime.of(2026, 11, 22, 0, 0);

	/** Spring numbering: 0 and 7 are Sunday. */
	private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

	/**
	 * Converts a Spring cron expression (or macro) with an optional zone.
	 * @param cron Spring's 6-field cron, e.g. {@code 0 30 2 * * MON-FRI}, or a macro like {@code @daily}
	 * @param zone an IANA zone id, or {@code null}/empty for UTC
	 */
	public ScheduleExpression convertCron(String cron, String zone) {
		String timezone = zone(cron, zone);
		if (cron == null || cron.isBlank()) {
			throw new InvalidScheduleException("The cron expression is empty");
		}
		String expression = cron.trim();
		String expanded = MACROS.getOrDefault(expression.toLowerCase(Locale.ROOT), expression);
		try {
			CronExpression.parse(expanded);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidScheduleException("'" + expression + "' is not a valid Spring cron expression: " + ex.getMessage(), ex);
		}
		String[] fields = expanded.toUpperCase(Locale.ROOT).split("\\s+");
		if (!fields[0].matches("0+")) {
			throw new InvalidScheduleException("cron '" + expression + "' fires at second '" + fields[0]
					+ "': EventBridge schedules have minute precision, so the second field must be 0");
		}
		String minutes = plainField(expression, "minute", fields[1], 0, 59, null);
		String hours = plainField(expression, "hour", fields[2], 0, 23, null);
		String month = plainField(expression, "month", fields[4], 1, 12, MONTHS);
		boolean anyDayOfMonth = isAny(fields[3]);
		boolean anyDayOfWeek = isAny(fields[5]);
		String dayOfMonth;
		String dayOfWeek;
		if (anyDayOfWeek) {
			dayOfMonth = dayOfMonth(expression, fields[3]);
			dayOfWeek = "?";
		}
		else if (anyDayOfMonth) {
			dayOfMonth = "?";
			dayOfWeek = dayOfWeek(expression, fields[5]);
		}
		else {
			throw new InvalidScheduleException("cron '" + expression + "' restricts both the day of the month ('" + fields[3]
					+ "') and the day of the week ('" + fields[5]
					+ "'): EventBridge needs one of them to be '?'; split it into two schedules");
		}
		return new ScheduleExpression("cron(" + String.join(" ", minutes, hours, dayOfMonth, month, dayOfWeek, "*") + ")",
				timezone);
	}

	/** Converts a fixed rate or delay to {@code rate(N unit)}; it must be a whole number of minutes. */
	public ScheduleExpression convertRate(Duration interval) {
		if (interval == null || interval.isNegative() || interval.isZero()) {
			throw new InvalidScheduleException("A rate must be positive, not " + interval);
		}
		if (interval.compareTo(Duration.ofMinutes(1)) < 0) {
			throw new InvalidScheduleException("rate " + describe(interval)
					+ " is under a minute: EventBridge schedules fire at most once a minute");
		}
		if (interval.toNanos() % Duration.ofMinutes(1).toNanos() != 0) {
			throw new InvalidScheduleException("rate " + describe(interval)
					+ " is not a whole number of minutes: EventBridge rates are in minutes, hours or days");
		}
		long minutes = interval.toMinutes();
		if (minutes % (24 * 60) == 0) {
			return rate(minutes / (24 * 60), "day");
		}
		if (minutes % 60 == 0) {
			return rate(minutes / 60, "hour");
		}
		return rate(minutes, "minute");
	}

	private static ScheduleExpression rate(long value, String unit) {
		return new ScheduleExpression("rate(" + value + " " + unit + ((value == 1) ? "" : "s") + ")", null);
	}

	private static String describe(Duration interval) {
		return interval.toString().substring(2).toLowerCase(Locale.ROOT);
	}

	private static String zone(String cron, String zone) {
		if (zone == null || zone.isBlank()) {
			return null;
		}
		try {
			return ZoneId.of(zone.trim()).getId();
		}
		catch (DateTimeException ex) {
			throw new InvalidScheduleException("cron '" + cron + "' has zone '" + zone + "', which is not a time zone id"
					+ " (use an IANA id such as Europe/Paris)", ex);
		}
	}

	private static boolean isAny(String field) {
		return "*".equals(field) || "?".equals(field);
	}

	/** Minutes, hours, months: same meaning on both sides; normalised through the set of values. */
	private static String plainField(String cron, String name, String field, int min, int max, List<String> names) {
		if (isAny(field)) {
			return "*";
		}
		return render(values(cron, name, field, min, max, names), min, max, null);
	}

	private static String dayOfMonth(String cron, String field) {
		if (field.equals("L")) {
			return "L";
		}
		if (field.contains("L")) {
			throw new InvalidScheduleException("cron '" + cron + "' uses '" + field + "' in the day of the month: "
					+ (field.contains("W") ? "the last weekday (LW)" : "an offset from the last day (L-n)")
					+ " has no EventBridge equivalent");
		}
		if (field.matches("\\d{1,2}W")) {
			return field;
		}
		return render(values(cron, "day-of-month", field, 1, 31, null), 1, 31, null);
	}

	private static String dayOfWeek(String cron, String field) {
		if (field.endsWith("L")) {
			return awsDay(cron, field.substring(0, field.length() - 1)) + "L";
		}
		int hash = field.indexOf('#');
		if (hash > 0) {
			return awsDay(cron, field.substring(0, hash)) + field.substring(hash);
		}
		return render(values(cron, "day-of-week", field, 0, 6, DAYS), 0, 6, DAYS);
	}

	/** A single Spring day (0–7 or a name) as EventBridge's number (1–7, Sunday 1). */
	private static int awsDay(String cron, String day) {
		int spring = value(cron, "day-of-week", day, 0, 7, DAYS);
		return (spring % 7) + 1;
	}

	/**
	 * The set of values a Spring field matches, asked of Spring itself (so steps, ranges and names
	 * mean exactly what they mean to {@code @Scheduled}): each candidate instant is tested against
	 * an expression restricted by this field only.
	 */
	private static BitSet values(String cron, String name, String field, int min, int max, List<String> names) {
		String probe = switch (name) {
			case "minute" -> "0 " + field + " * * * *";
			case "hour" -> "0 0 " + field + " * * *";
			case "day-of-month" -> "0 0 0 " + field + " * *";
			case "month" -> "0 0 0 1 " + field + " *";
			default -> "0 0 0 * * " + field;
		};
		CronExpression expression = CronExpression.parse(probe);
		BitSet set = new BitSet();
		for (int v = min; v <= max; v++) {
			LocalDateTime at = switch (name) {
				case "minute" -> PROBE_START.withMinute(v);
				case "hour" -> PROBE_START.withHour(v);
				case "day-of-month" -> PROBE_START.withDayOfMonth(v);
				case "month" -> PROBE_START.withMonth(v);
				default -> PROBE_SUNDAY.plusDays(v);
			};
			if (at.equals(expression.next(at.minusSeconds(1)))) {
				set.set(v);
			}
		}
		return set;
	}

	private static int value(String cron, String name, String text, int min, int max, List<String> names) {
		if (names != null && names.contains(text)) {
			int index = names.indexOf(text);
			return (names == MONTHS) ? index + 1 : index;
		}
		try {
			int value = Integer.parseInt(text);
			if (value < min || value > max) {
				throw new NumberFormatException();
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw new InvalidScheduleException("cron '" + cron + "' has '" + text + "' in the " + name + " field");
		}
	}

	/**
	 * Renders a set of values compactly and exactly: {@code *}, {@code *}/n, a/n, or a list of single
	 * values and ranges. Days of the week are rendered by name, in EventBridge's Sunday-first order.
	 */
	private static String render(BitSet set, int min, int max, List<String> names) {
		int count = set.cardinality();
		if (count == max - min + 1) {
			return "*";
		}
		if (names == null && count >= 3) {
			int first = set.nextSetBit(0);
			int step = set.nextSetBit(first + 1) - first;
			boolean progression = true;
			int last = first;
			for (int v = set.nextSetBit(first + 1); v >= 0; v = set.nextSetBit(v + 1)) {
				progression &= (v - last == step);
				last = v;
			}
			if (progression && step > 1 && last + step > max) {
				return (first == min) ? "*/" + step : first + "/" + step;
			}
		}
		List<String> parts = new ArrayList<>();
		int v = set.nextSetBit(0);
		while (v >= 0) {
			int end = v;
			while (set.get(end + 1)) {
				end++;
			}
			String from = (names != null) ? names.get(v) : Integer.toString(v);
			String to = (names != null) ? names.get(end) : Integer.toString(end);
			if (end - v >= 2) {
				parts.add(from + "-" + to);
			}
			else {
				parts.add(from);
				if (end > v) {
					parts.add(to);
				}
			}
			v = set.nextSetBit(end + 1);
		}
		return String.join(",", parts);
	}

}
