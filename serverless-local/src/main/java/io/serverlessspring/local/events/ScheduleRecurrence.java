package io.serverlessspring.local.events;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed schedule expression and when it fires next. EventBridge's schedule expressions, shared by rules and EventBridge Scheduler: {@code rate(5
 * minutes)}, {@code cron(min hour day-of-month month day-of-week year)} with {@code , - * ? / L W #}
 * and names, evaluated in a time zone, and Scheduler's one-time {@code at(yyyy-mm-ddThh:mm:ss)}.
 */
public final class ScheduleRecurrence {

	private static final Pattern RATE = Pattern.compile("rate\\((\\d+)\\s+(minute|minutes|hour|hours|day|days)\\)");

	private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)");

	private static final Pattern AT = Pattern.compile("at\\((\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})\\)");

	private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
			"OCT", "NOV", "DEC");

	private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

	private final String text;

	private final Duration rate;

	private final LocalDateTime at;

	private final Cron cron;

	private ScheduleRecurrence(String text, Duration rate, LocalDateTime at, Cron cron) {
		this.text = text;
		this.rate = rate;
		this.at = at;
		this.cron = cron;
	}

	/**
	 * Parses an expression; anything EventBridge would refuse is an {@link IllegalArgumentException}
	 * saying what is wrong.
	 */
	public static ScheduleRecurrence parse(String text, boolean allowAt) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("The schedule expression is empty");
		}
		String trimmed = text.trim();
		Matcher rate = RATE.matcher(trimmed);
		if (rate.matches()) {
			long value = Long.parseLong(rate.group(1));
			String unit = rate.group(2);
			if (value < 1) {
				throw new IllegalArgumentException("The rate value must be a positive number: " + text);
			}
			if ((value == 1) != !unit.endsWith("s")) {
				throw new IllegalArgumentException("Use the singular unit for a rate of 1 and the plural otherwise: " + text);
			}
			ChronoUnit chrono = unit.startsWith("minute") ? ChronoUnit.MINUTES : unit.startsWith("hour") ? ChronoUnit.HOURS : ChronoUnit.DAYS;
			return new ScheduleRecurrence(trimmed, Duration.of(value, chrono), null, null);
		}
		Matcher at = AT.matcher(trimmed);
		if (at.matches()) {
			if (!allowAt) {
				throw new IllegalArgumentException("at() expressions are for EventBridge Scheduler, not rules: " + text);
			}
			try {
				return new ScheduleRecurrence(trimmed, null, LocalDateTime.parse(at.group(1)), null);
			}
			catch (DateTimeException ex) {
				throw new IllegalArgumentException("Invalid date in " + text);
			}
		}
		Matcher cron = CRON.matcher(trimmed);
		if (cron.matches()) {
			return new ScheduleRecurrence(trimmed, null, null, Cron.parse(cron.group(1).trim(), text));
		}
		throw new IllegalArgumentException("Not a schedule expression (rate(...), cron(...)" + (allowAt ? " or at(...)" : "")
				+ "): " + text);
	}

	/**
	 * The first firing strictly after {@code after}, in {@code zone}; rates count from {@code start}
	 * (creation). Null when the schedule never fires again (a past {@code at}).
	 */
	public Instant nextAfter(Instant after, Instant start, ZoneId zone) {
		if (this.rate != null) {
			long periods = Math.max(0, Duration.between(start, after).toMillis() / this.rate.toMillis()) + 1;
			Instant next = start.plus(this.rate.multipliedBy(periods));
			while (!next.isAfter(after)) {
				next = next.plus(this.rate);
			}
			return next;
		}
		if (this.at != null) {
			Instant when = this.at.atZone(zone).toInstant();
			return when.isAfter(after) ? when : null;
		}
		return this.cron.nextAfter(after.atZone(zone));
	}

	public boolean isOneTime() {
		return this.at != null;
	}

	@Override
	public String toString() {
		return this.text;
	}

	/** The six cron fields. */
	private record Cron(BitSet minutes, BitSet hours, DayMatcher days, BitSet months, BitSet years) {

		static Cron parse(String fields, String text) {
			String[] parts = fields.split("\\s+");
			if (parts.length != 6) {
				throw new IllegalArgumentException("A cron expression has 6 fields (minutes hours day-of-month month day-of-week year): " + text);
			}
			String dom = parts[2];
			String dow = parts[4];
			if (dom.equals("?") == dow.equals("?")) {
				throw new IllegalArgumentException("Exactly one of day-of-month and day-of-week must be '?': " + text);
			}
			return new Cron(field(parts[0], 0, 59, null, text), field(parts[1], 0, 23, null, text),
					DayMatcher.parse(dom, dow, text), field(parts[3], 1, 12, MONTHS, text), field(parts[5], 1970, 2199, null, text));
		}

		Instant nextAfter(ZonedDateTime after) {
			ZonedDateTime start = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
			LocalDate day = start.toLocalDate();
			for (int i = 0; i < 366 * 5; i++, day = day.plusDays(1)) {
				if (!this.years.get(day.getYear()) || !this.months.get(day.getMonthValue()) || !this.days.matches(day)) {
					continue;
				}
				for (int hour = this.hours.nextSetBit(0); hour >= 0; hour = this.hours.nextSetBit(hour + 1)) {
					for (int minute = this.minutes.nextSetBit(0); minute >= 0; minute = this.minutes.nextSetBit(minute + 1)) {
						ZonedDateTime candidate = day.atTime(hour, minute).atZone(after.getZone());
						if (!candidate.isBefore(start) && candidate.getHour() == hour) {
							return candidate.toInstant();
						}
					}
				}
			}
			return null;
		}

	}

	/** Day-of-month or day-of-week, with L, W and #. */
	private record DayMatcher(IntPredicate dayOfMonth, String special, BitSet daysOfWeek, boolean byWeek) {

		static DayMatcher parse(String dom, String dow, String text) {
			if (!dom.equals("?")) {
				if (dom.equals("L")) {
					return new DayMatcher(null, "L", null, false);
				}
				if (dom.equals("LW") || dom.matches("\\d{1,2}W")) {
					return new DayMatcher(null, dom, null, false);
				}
				BitSet set = field(dom, 1, 31, null, text);
				return new DayMatcher(set::get, null, null, false);
			}
			if (dow.matches("[1-7A-Za-z]{1,3}L") || dow.matches("[1-7A-Za-z]{1,3}#[1-5]")) {
				return new DayMatcher(null, dow.toUpperCase(Locale.ROOT), null, true);
			}
			return new DayMatcher(null, null, field(dow, 1, 7, DAYS, text), true);
		}

		boolean matches(LocalDate day) {
			int awsDow = day.getDayOfWeek().getValue() % 7 + 1; // SUN=1 … SAT=7
			if (this.byWeek) {
				if (this.special == null) {
					return this.daysOfWeek.get(awsDow);
				}
				int target = dayNumber(this.special.replaceAll("[L#].*", ""));
				DayOfWeek weekday = DayOfWeek.of((target + 5) % 7 + 1);
				if (this.special.contains("L")) {
					return day.equals(day.with(TemporalAdjusters.lastInMonth(weekday)));
				}
				int nth = Integer.parseInt(this.special.substring(this.special.indexOf('#') + 1));
				return day.equals(day.with(TemporalAdjusters.dayOfWeekInMonth(nth, weekday)));
			}
			if (this.special == null) {
				return this.dayOfMonth.test(day.getDayOfMonth());
			}
			if (this.special.equals("L")) {
				return day.getDayOfMonth() == day.lengthOfMonth();
			}
			int base = this.special.equals("LW") ? day.lengthOfMonth()
					: Math.min(Integer.parseInt(this.special.replace("W", "")), day.lengthOfMonth());
			LocalDate nearest = day.withDayOfMonth(base);
			if (nearest.getDayOfWeek() == DayOfWeek.SATURDAY) {
				nearest = (base == 1) ? nearest.plusDays(2) : nearest.minusDays(1);
			}
			else if (nearest.getDayOfWeek() == DayOfWeek.SUNDAY) {
				nearest = (base == day.lengthOfMonth()) ? nearest.minusDays(2) : nearest.plusDays(1);
			}
			return day.equals(nearest);
		}

		private static int dayNumber(String text) {
			int index = DAYS.indexOf(text);
			return (index >= 0) ? index + 1 : Integer.parseInt(text);
		}

	}

	private static BitSet field(String spec, int min, int max, List<String> names, String text) {
		BitSet set = new BitSet(max + 1);
		for (String part : spec.split(",")) {
			int step = 1;
			String range = part;
			int slash = part.indexOf('/');
			if (slash >= 0) {
				step = number(part.substring(slash + 1), 1, max, null, text);
				range = part.substring(0, slash);
			}
			int from;
			int to;
			if (range.equals("*") || range.equals("?")) {
				from = min;
				to = max;
			}
			else if (range.contains("-")) {
				String[] bounds = range.split("-", 2);
				from = number(bounds[0], min, max, names, text);
				to = number(bounds[1], min, max, names, text);
			}
			else {
				from = number(range, min, max, names, text);
				to = (slash >= 0) ? max : from;
			}
			if (from <= to) {
				for (int value = from; value <= to; value += step) {
					set.set(value);
				}
			}
			else { // wrap-around range such as FRI-MON
				for (int value = from; value <= max; value += step) {
					set.set(value);
				}
				for (int value = min; value <= to; value += step) {
					set.set(value);
				}
			}
		}
		return set;
	}

	private static int number(String text, int min, int max, List<String> names, String expression) {
		String upper = text.toUpperCase(Locale.ROOT);
		if (names != null && names.contains(upper)) {
			return names.indexOf(upper) + min;
		}
		try {
			int value = Integer.parseInt(text);
			if (value < min || value > max) {
				throw new IllegalArgumentException("Value " + value + " is outside " + min + "-" + max + " in " + expression);
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Invalid cron field value '" + text + "' in " + expression);
		}
	}

}
