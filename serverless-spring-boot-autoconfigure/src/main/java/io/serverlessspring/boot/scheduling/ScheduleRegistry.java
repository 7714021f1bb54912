package io.serverlessspring.boot.scheduling;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.serverlessspring.boot.scanning.AppBeans;
import io.serverlessspring.boot.settings.ScheduleSettings;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;

/** The {@code @Scheduled} methods of the running context as EventBridge schedules, by id and by name. */
public class ScheduleRegistry implements SmartInitializingSingleton {

	private static final org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(ScheduleRegistry.class);

	private final ConfigurableListableBeanFactory beanFactory;

	private final Environment environment;

	private final ScheduleSettings settings;

	private volatile List<ScheduleDefinition> schedules;

	public ScheduleRegistry(ConfigurableListableBeanFactory beanFactory, Environment environment,
			ScheduleSettings settings) {
		this.beanFactory = beanFactory;
		this.environment = environment;
		this.settings = settings;
	}

	@Override
	public void afterSingletonsInstantiated() {
		all();
	}

	/** Every schedule, by id. */
	public List<ScheduleDefinition> all() {
		if (this.schedules == null) {
			List<ScheduleDefinition> found = new ArrayList<>();
			for (AppBeans.AppBean bean : AppBeans.of(this.beanFactory)) {
				try {
					found.addAll(ScheduleDefinition.scan(bean.name(), bean.type(),
							this.environment::resolveRequiredPlaceholders, this.settings.isEnabled(),
							new HashSet<>(this.settings.getDisabled())));
				}
				catch (InvalidScheduleException ex) {
					// The manifest generator refuses it at build time; here Spring's own scheduler may still run it locally.
					logger.warn("{}; it cannot run on EventBridge", ex.getMessage());
				}
			}
			found.sort(java.util.Comparator.comparing(ScheduleDefinition::id));
			this.schedules = List.copyOf(found);
		}
		return this.schedules;
	}

	public Optional<ScheduleDefinition> byId(String id) {
		return all().stream().filter((s) -> s.id().equals(id)).findFirst();
	}

	/** The schedule an EventBridge rule fired, from the rule's name ({@code <function>-<name>} or {@code <name>}). */
	public Optional<ScheduleDefinition> byRuleName(String ruleName) {
		if (ruleName == null) {
			return Optional.empty();
		}
		Map<String, ScheduleDefinition> byName = all().stream()
			.collect(Collectors.toMap(ScheduleDefinition::name, Function.identity(), (a, b) -> a));
		return all().stream()
			.filter((s) -> ruleName.equals(s.name()) || ruleName.endsWith("-" + s.name()))
			.max(java.util.Comparator.comparingInt((s) -> s.name().length()))
			.map((s) -> byName.get(s.name()));
	}

}
