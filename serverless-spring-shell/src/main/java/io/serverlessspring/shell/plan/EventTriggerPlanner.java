package io.serverlessspring.shell.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.serverlessspring.boot.naming.Arns;
import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.shell.model.DesiredStage;
import io.serverlessspring.shell.model.EventSourceSpec;
import io.serverlessspring.shell.model.EventTriggerSpecs;
import io.serverlessspring.shell.state.ActualEventTriggers;
import io.serverlessspring.shell.state.ActualEventTriggers.LocaleHook;
import io.serverlessspring.shell.state.ActualStage;

/**
 * Plans the {@code logs}, {@code cognito} and {@code lex} handlers: for each, the permission letting
 * CloudWatch Logs (the log group), Cognito (the pool) or Lex (the bot alias) invoke the live alias,
 * then one subscription filter per logs handler ({@link EventTriggerSpecs#logFilterName}) and the
 * pool's triggers, or the bot alias's code hook (every locale of the alias). What is no longer
 * declared is removed, permission last; a trigger or code hook is cleared only where it is still the
 * live alias.
 */
public final class EventTriggerPlanner {

	private EventTriggerPlanner() {
	}

	/** Whether this planner wires sources of this type. */
	static boolean handles(String type) {
		return EventTriggerSpecs.TYPES.contains(type);
	}

	static void triggers(DesiredStage desired, ActualStage actual, List<ResourceChange> changes, List<String> unchanged) {
		ActualEventTriggers existing = actual.events().triggers();
		String function = desired.functionName();
		Set<String> wantedPermissions = new LinkedHashSet<>();
		Map<String, Set<String>> wantedFilters = new LinkedHashMap<>();
		Map<String, Set<String>> wantedTriggers = new LinkedHashMap<>();
		Set<String> wantedBotAliases = new LinkedHashSet<>();
		for (EventSourceSpec source : desired.eventSources()) {
			if (!handles(source.type())) {
				continue;
			}
			if (actual.missingSources().contains(source.sourceArn())) {
				unchanged.add(source.type() + " handler " + source.id() + " NOT CONNECTED: " + switch (source.type()) {
					case "logs" -> "log group " + EventTriggerSpecs.logGroupName(source.sourceArn());
					case "cognito" -> "user pool " + Arns.resourceName(source.sourceArn());
					default -> "bot alias " + EventTriggerSpecs.botAlias(source.sourceArn());
				} + " does not exist (create it, then deploy again)");
				continue;
			}
			if ("lex".equals(source.type())
					&& existing.botAliases().getOrDefault(source.sourceArn(), Map.of()).isEmpty()) {
				unchanged.add("lex handler " + source.id() + " NOT CONNECTED: bot alias "
						+ EventTriggerSpecs.botAlias(source.sourceArn())
						+ " has no locale settings (add a language to the alias in Lex, then deploy again)");
				continue;
			}
			permission(desired, actual, source, wantedPermissions, changes);
			switch (source.type()) {
				case "logs" -> {
					String group = EventTriggerSpecs.logGroupName(source.sourceArn());
					String name = EventTriggerSpecs.logFilterName(function, source.id());
					String pattern = (source.filter() != null) ? source.filter() : "";
					wantedFilters.computeIfAbsent(group, (g) -> new LinkedHashSet<>()).add(name);
					String current = existing.logSubscriptions().getOrDefault(group, Map.of()).get(name);
					List<FieldChange> fields = List.of(FieldChange.of("filter pattern", current, pattern));
					if (current == null) {
						changes.add(new EventTriggerChanges.LogSubscription(Action.CREATE, group, name, pattern,
								desired.aliasArn(), pattern.isEmpty() ? "every event" : pattern, fields));
					}
					else if (!current.equals(pattern)) {
						changes.add(new EventTriggerChanges.LogSubscription(Action.UPDATE, group, name, pattern,
								desired.aliasArn(), "filter pattern", fields));
					}
					else {
						unchanged.add("log subscription " + group + " " + name);
					}
				}
				case "cognito" -> wantedTriggers.computeIfAbsent(Arns.resourceName(source.sourceArn()),
						(p) -> new LinkedHashSet<>()).addAll(source.events());
				default -> wantedBotAliases.add(source.sourceArn());
			}
		}
		existing.logSubscriptions().forEach((group, filters) -> filters.keySet().forEach((name) -> {
			if (!wantedFilters.getOrDefault(group, Set.of()).contains(name)) {
				changes.add(new EventTriggerChanges.LogSubscription(Action.DELETE, group, name, null, desired.aliasArn(),
						"no longer declared", List.of()));
			}
		}));
		Set<String> pools = new LinkedHashSet<>(wantedTriggers.keySet());
		pools.addAll(existing.poolTriggers().keySet());
		for (String pool : pools) {
			Set<String> ours = existing.poolTriggers().getOrDefault(pool, Set.of());
			Set<String> wanted = wantedTriggers.getOrDefault(pool, Set.of());
			List<String> set = wanted.stream().filter((t) -> !ours.contains(t)).toList();
			List<String> clear = ours.stream().filter((t) -> !wanted.contains(t)).toList();
			if (set.isEmpty() && clear.isEmpty()) {
				if (!wanted.isEmpty()) {
					unchanged.add("user pool triggers " + pool + " " + String.join(", ", wanted));
				}
				continue;
			}
			changes.add(poolTriggers(pool, desired.aliasArn(), set, clear,
					existing.poolOthers().getOrDefault(pool, Map.of())));
		}
		Set<String> botAliases = new LinkedHashSet<>(wantedBotAliases);
		botAliases.addAll(existing.botAliases().keySet());
		for (String botAlias : botAliases) {
			Map<String, LocaleHook> locales = existing.botAliases().getOrDefault(botAlias, Map.of());
			boolean wanted = wantedBotAliases.contains(botAlias);
			List<String> set = wanted ? locales.entrySet().stream()
				.filter((locale) -> !locale.getValue().wiredTo(desired.aliasArn()))
				.map(Map.Entry::getKey)
				.toList() : List.of();
			List<String> clear = wanted ? List.of() : ours(locales, desired.aliasArn());
			if (!set.isEmpty() || !clear.isEmpty()) {
				changes.add(codeHook(botAlias, desired.aliasArn(), set, clear, locales));
			}
			else if (wanted) {
				unchanged.add("bot alias code hook " + EventTriggerSpecs.botAlias(botAlias) + " "
						+ String.join(", ", locales.keySet()));
			}
		}
		for (String sid : actual.permissions().keySet()) {
			if (isTriggerPermission(sid) && !wantedPermissions.contains(sid)) {
				changes.add(HttpPlanner.removePermission(function, sid, "no longer declared"));
			}
		}
	}

	/** Every log subscription, pool trigger and code hook invoking the alias, and their permissions: for undeploy and unschedule. */
	static void teardown(String function, String aliasArn, ActualStage actual, List<ResourceChange> changes) {
		ActualEventTriggers existing = actual.events().triggers();
		existing.logSubscriptions().forEach((group, filters) -> filters.keySet()
			.forEach((name) -> changes.add(new EventTriggerChanges.LogSubscription(Action.DELETE, group, name, null,
					aliasArn, "", List.of()))));
		existing.poolTriggers().forEach((pool, ours) -> {
			if (!ours.isEmpty()) {
				changes.add(poolTriggers(pool, aliasArn, List.of(), List.copyOf(ours), Map.of()));
			}
		});
		existing.botAliases().forEach((botAlias, locales) -> {
			List<String> ours = ours(locales, aliasArn);
			if (!ours.isEmpty()) {
				changes.add(codeHook(botAlias, aliasArn, List.of(), ours, Map.of()));
			}
		});
		for (String sid : actual.permissions().keySet()) {
			if (isTriggerPermission(sid)) {
				changes.add(HttpPlanner.removePermission(function, sid, ""));
			}
		}
	}

	private static EventTriggerChanges.PoolTriggers poolTriggers(String pool, String aliasArn, List<String> set,
			List<String> clear, Map<String, String> others) {
		return new EventTriggerChanges.PoolTriggers(Action.UPDATE, pool, aliasArn, set, clear,
				detail(aliasArn, set, clear, others), fields(aliasArn, set, clear, others));
	}

	/** The locales whose code hook is the live alias. */
	private static List<String> ours(Map<String, LocaleHook> locales, String aliasArn) {
		return locales.entrySet().stream()
			.filter((locale) -> aliasArn.equals(locale.getValue().lambdaArn()))
			.map(Map.Entry::getKey)
			.toList();
	}

	private static EventTriggerChanges.BotAliasCodeHook codeHook(String botAlias, String aliasArn, List<String> set,
			List<String> clear, Map<String, LocaleHook> locales) {
		Map<String, String> hooks = new LinkedHashMap<>();
		locales.forEach((locale, hook) -> {
			if (hook.lambdaArn() != null) {
				hooks.put(locale, hook.lambdaArn());
			}
		});
		return new EventTriggerChanges.BotAliasCodeHook(Action.UPDATE, botAlias, aliasArn, set, clear,
				detail(aliasArn, set, clear, hooks), fields(aliasArn, set, clear, hooks));
	}

	/** Each trigger or locale set (from the function it had) and cleared. */
	private static List<FieldChange> fields(String aliasArn, List<String> set, List<String> clear,
			Map<String, String> current) {
		List<FieldChange> fields = new ArrayList<>();
		set.forEach((t) -> fields.add(FieldChange.of(t, current.get(t), aliasArn)));
		clear.forEach((t) -> fields.add(FieldChange.of(t, aliasArn, null)));
		return fields;
	}

	/** {@code A, B -> live; clear C; replaces the function set for B}: what is set, cleared, taken over. */
	private static String detail(String aliasArn, List<String> set, List<String> clear, Map<String, String> current) {
		List<String> words = new ArrayList<>();
		if (!set.isEmpty()) {
			words.add(String.join(", ", set) + " -> " + ResourceNames.ALIAS);
		}
		if (!clear.isEmpty()) {
			words.add("clear " + String.join(", ", clear));
		}
		List<String> replaced = set.stream()
			.filter((t) -> current.containsKey(t) && !aliasArn.equals(current.get(t)))
			.toList();
		if (!replaced.isEmpty()) {
			words.add("replaces the function set for " + String.join(", ", replaced));
		}
		return String.join("; ", words);
	}

	/** The permission first, so the source's first event (a logs test message, a sign-up) is delivered. */
	private static void permission(DesiredStage desired, ActualStage actual, EventSourceSpec source,
			Set<String> wanted, List<ResourceChange> changes) {
		String sid = EventTriggerSpecs.permissionId(source);
		if (!wanted.add(sid)) {
			return; // several handlers on one log group or pool: one permission
		}
		String sourceArn = EventTriggerSpecs.permissionSourceArn(source);
		String statement = actual.permissions().get(sid);
		if (statement != null && statement.contains("\"" + sourceArn + "\"")) {
			return;
		}
		String principal = switch (source.type()) {
			case "logs" -> "logs.amazonaws.com";
			case "cognito" -> "cognito-idp.amazonaws.com";
			default -> "lexv2.amazonaws.com";
		};
		changes.add(new HttpChanges.Permission((statement == null) ? Action.CREATE : Action.REPLACE, desired.functionName(),
				ResourceNames.ALIAS, sid, principal, "lambda:InvokeFunction", Value.known(sourceArn),
				"logs".equals(source.type()) ? desired.account() : null, null,
				source.type() + " may invoke " + ResourceNames.ALIAS, List.of(FieldChange.of("source", null, sourceArn))));
	}

	private static boolean isTriggerPermission(String sid) {
		return sid.startsWith(EventTriggerSpecs.LOGS_PERMISSION_PREFIX)
				|| sid.startsWith(EventTriggerSpecs.COGNITO_PERMISSION_PREFIX)
				|| sid.startsWith(EventTriggerSpecs.LEX_PERMISSION_PREFIX);
	}

}
