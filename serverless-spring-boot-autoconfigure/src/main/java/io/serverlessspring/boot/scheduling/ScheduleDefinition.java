package io.serverlessspring.boot.scheduling;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.boot.scanning.AnnotatedMethods;

import org.springframework.format.datetime.standard.DurationFormatterUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.annotation.Schedules;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.util.StringUtils;

/**
 * One {@code @Scheduled} annotation of a bean method as an EventBridge schedule: a stable id
 * ({@code bean#method}, {@code [n]} for repeated annotations), a name valid for AWS, the
 * expression and zone. Found the same way from classes (manifest) and from beans (runtime).
 */
public record ScheduleDefinition(String id, String name, String beanName, Method method, String spring,
		String expression, String timezone, boolean enabled) {

	private static final ScheduleExpressionConverter CONVERTER = new ScheduleExpressionConverter();

	/**
	 * The schedules of a bean class.
	 * @param resolver resolves {@code ${...}} against the stage's properties
	 * @param disabled ids disabled on this stage; {@code allEnabled} false disables every one
	 * @throws InvalidScheduleException naming the method and the expression when EventBridge cannot express it
	 */
	public static List<ScheduleDefinition> scan(String beanName, Class<?> type, UnaryOperator<String> resolver,
			boolean allEnabled, Set<String> disabled) {
		Map<Method, Set<Scheduled>> methods = AnnotatedMethods.findRepeatable(type, Scheduled.class, Schedules.class);
		List<ScheduleDefinition> definitions = new ArrayList<>();
		methods.forEach((method, annotations) -> {
			int index = 0;
			for (Scheduled scheduled : annotations) {
				index++;
				String suffix = (annotations.size() > 1) ? "[" + index + "]" : "";
				String id = beanName + "#" + method.getName() + suffix;
				String where = "@Scheduled on " + type.getName() + "." + method.getName() + "()";
				if (method.getParameterCount() != 0) {
					throw new InvalidScheduleException(where + " takes parameters: a scheduled method takes none");
				}
				try {
					ScheduleDefinition definition = definition(id, beanName, method, scheduled, resolver,
							allEnabled && !disabled.contains(id), (annotations.size() > 1) ? "-" + index : "");
					if (definition != null) {
						definitions.add(definition);
					}
				}
				catch (InvalidScheduleException ex) {
					throw new InvalidScheduleException(where + ": " + ex.getMessage(), ex);
				}
			}
		});
		definitions.sort(Comparator.comparing(ScheduleDefinition::id));
		return definitions;
	}

	private static ScheduleDefinition definition(String id, String beanName, Method method, Scheduled scheduled,
			UnaryOperator<String> resolver, boolean enabled, String nameSuffix) {
		String name = awsName(beanName + "." + method.getName(), nameSuffix);
		String cron = resolver.apply(scheduled.cron());
		TimeUnit unit = scheduled.timeUnit();
		if (StringUtils.hasText(cron)) {
			if (ScheduledTaskRegistrar.CRON_DISABLED.equals(cron.trim())) {
				return null; // "-": Spring does not schedule it, nor do we.
			}
			ScheduleExpression converted = CONVERTER.convertCron(cron, resolver.apply(scheduled.zone()));
			return new ScheduleDefinition(id, name, beanName, method, "cron=" + cron.trim(), converted.expression(),
					converted.timezone(), enabled);
		}
		Duration rate = duration("fixedRate", scheduled.fixedRate(), resolver.apply(scheduled.fixedRateString()), unit);
		String kind = "fixedRate";
		if (rate == null) {
			rate = duration("fixedDelay", scheduled.fixedDelay(), resolver.apply(scheduled.fixedDelayString()), unit);
			kind = "fixedDelay";
		}
		if (rate == null) {
			throw new InvalidScheduleException("it has neither cron, fixedRate nor fixedDelay");
		}
		ScheduleExpression converted = CONVERTER.convertRate(rate);
		return new ScheduleDefinition(id, name, beanName, method, kind + "=" + rate, converted.expression(), null,
				enabled);
	}

	private static Duration duration(String attribute, long value, String text, TimeUnit unit) {
		if (value >= 0) {
			return Duration.of(value, unit.toChronoUnit());
		}
		if (!StringUtils.hasText(text)) {
			return null;
		}
		String trimmed = text.trim();
		try {
			return trimmed.matches("\\d+") ? Duration.of(Long.parseLong(trimmed), unit.toChronoUnit())
					: DurationFormatterUtils.detectAndParse(trimmed);
		}
		catch (RuntimeException ex) {
			throw new InvalidScheduleException(attribute + " '" + trimmed + "' is not a duration", ex);
		}
	}

	/** {@code [A-Za-z0-9._-]}, at most 48 characters (cut ones end in a hash): {@link ResourceNames#scheduleId}. */
	static String awsName(String base, String suffix) {
		return ResourceNames.scheduleId(base + suffix);
	}

}
