package io.serverlessspring.shell.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.serverlessspring.shell.model.DesiredStage;
import io.serverlessspring.shell.model.EventSourceSpec;
import io.serverlessspring.shell.model.FunctionSpec;
import io.serverlessspring.shell.model.TaskResourcesSpec;
import io.serverlessspring.shell.state.ActualEventTriggers;
import io.serverlessspring.shell.state.ActualEventTriggers.LocaleHook;
import io.serverlessspring.shell.state.ActualStage;
import io.serverlessspring.shell.state.ActualStage.ActualEvents;
import io.serverlessspring.shell.state.ActualStage.ActualTasks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Log subscriptions, pool triggers, Lex code hooks and their permissions planned from hand-made states: no AWS. */
class EventTriggerPlannerTest {

	private static final String ALIAS = "arn:aws:lambda:eu-west-1:123456789012:function:shop-dev:live";

	private static final String GROUP = "arn:aws:logs:eu-west-1:123456789012:log-group:/shop/audit";

	private static final String POOL = "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_Shop12345";

	private static final String BOT_ALIAS = "arn:aws:lex:eu-west-1:123456789012:bot-alias/PETBOT1234/TSTALIASID";

	private static final String OTHER = "arn:aws:lambda:eu-west-1:123456789012:function:other";

	@Test
	void newHandlersGetTheirPermissionsBeforeTheirFilterAndTriggers() {
		List<String> plan = plan(List.of(logs("ERROR"), cognito("users#signUp", "PreSignUp"),
				cognito("users#welcome", "PostConfirmation")), ActualEventTriggers.NONE, Map.of());

		assertThat(plan).containsExactly("create permission serverless-logs--shop-audit (logs may invoke live)",
				"create log subscription /shop/audit shop-dev-audit-onError (ERROR)",
				"create permission serverless-cognito-eu-west-1_Shop12345 (cognito may invoke live)",
				"update user pool triggers eu-west-1_Shop12345 (PreSignUp, PostConfirmation -> live)");
	}

	@Test
	void aTriggerSetToAnotherFunctionIsReplacedAndThePlanSaysSo() {
		ActualEventTriggers actual = new ActualEventTriggers(Map.of(), Map.of("eu-west-1_Shop12345", Set.of()),
				Map.of("eu-west-1_Shop12345", Map.of("PreSignUp", "arn:aws:lambda:eu-west-1:123456789012:function:old")));

		Map<String, String> permissions = permissions();
		permissions.remove("serverless-logs--shop-audit");

		List<String> plan = plan(List.of(cognito("users#signUp", "PreSignUp")), actual, permissions);

		assertThat(plan).containsExactly("update user pool triggers eu-west-1_Shop12345 (PreSignUp -> live; "
				+ "replaces the function set for PreSignUp)");
	}

	@Test
	void aChangedPatternUpdatesTheFilterAndAnUnchangedStageIsAnEmptyPlan() {
		ActualEventTriggers deployed = new ActualEventTriggers(Map.of("/shop/audit", Map.of("shop-dev-audit-onError", "ERROR")),
				Map.of("eu-west-1_Shop12345", Set.of("PreSignUp")), Map.of());

		assertThat(plan(List.of(logs("ERROR"), cognito("users#signUp", "PreSignUp")), deployed, permissions())).isEmpty();
		assertThat(plan(List.of(logs("?ERROR ?WARN"), cognito("users#signUp", "PreSignUp")), deployed, permissions()))
			.containsExactly("update log subscription /shop/audit shop-dev-audit-onError (filter pattern)");
	}

	@Test
	void removedHandlersLoseTheirFilterTriggersAndPermissionsOnlyTheirs() {
		ActualEventTriggers deployed = new ActualEventTriggers(Map.of("/shop/audit", Map.of("shop-dev-audit-onError", "ERROR")),
				Map.of("eu-west-1_Shop12345", Set.of("PreSignUp", "PostConfirmation")), Map.of());
		Map<String, String> permissions = permissions();
		permissions.put("serverless-lex-PETBOT1234-TSTALIASID", "{}");
		permissions.put("serverless-sns-orders", "{}");

		List<String> plan = plan(List.of(cognito("users#signUp", "PreSignUp")), deployed, permissions);

		assertThat(plan).containsExactly("delete log subscription /shop/audit shop-dev-audit-onError (no longer declared)",
				"update user pool triggers eu-west-1_Shop12345 (clear PostConfirmation)",
				"delete permission serverless-logs--shop-audit (no longer declared)",
				"delete permission serverless-lex-PETBOT1234-TSTALIASID (no longer declared)");
	}

	@Test
	void aLexHandlerGetsItsPermissionThenTheCodeHookOfEveryLocaleNotYetOurs() {
		ActualEventTriggers actual = ActualEventTriggers.NONE.withBotAliases(Map.of(BOT_ALIAS,
				locales(new LocaleHook(true, ALIAS), new LocaleHook(false, null), new LocaleHook(true, OTHER))));

		List<String> plan = plan(List.of(lex()), actual, new LinkedHashMap<>());

		assertThat(plan).containsExactly("create permission serverless-lex-PETBOT1234-TSTALIASID (lex may invoke live)",
				"update bot alias code hook PETBOT1234/TSTALIASID (en_GB, fr_FR -> live; replaces the function set for fr_FR)");
	}

	@Test
	void aWiredBotAliasIsAnEmptyPlanAndARemovedHandlerClearsOnlyOurLocales() {
		Map<String, String> permissions = new LinkedHashMap<>();
		permissions.put("serverless-lex-PETBOT1234-TSTALIASID",
				"{\"Condition\":{\"ArnLike\":{\"AWS:SourceArn\":\"" + BOT_ALIAS + "\"}}}");
		ActualEventTriggers wired = ActualEventTriggers.NONE.withBotAliases(Map.of(BOT_ALIAS,
				locales(new LocaleHook(true, ALIAS), new LocaleHook(true, ALIAS), new LocaleHook(true, OTHER))));

		assertThat(plan(List.of(lex()), wired, permissions)).containsExactly(
				"update bot alias code hook PETBOT1234/TSTALIASID (fr_FR -> live; replaces the function set for fr_FR)");
		ActualEventTriggers ours = ActualEventTriggers.NONE.withBotAliases(Map.of(BOT_ALIAS,
				locales(new LocaleHook(true, ALIAS), new LocaleHook(true, ALIAS), new LocaleHook(true, ALIAS))));
		assertThat(plan(List.of(lex()), ours, permissions)).isEmpty();
		assertThat(plan(List.of(), wired, permissions)).containsExactly(
				"update bot alias code hook PETBOT1234/TSTALIASID (clear en_US, en_GB)",
				"delete permission serverless-lex-PETBOT1234-TSTALIASID (no longer declared)");
	}

	@Test
	void aBotAliasWithoutLocalesIsNotConnectedAndGetsNothing() {
		ActualEventTriggers actual = ActualEventTriggers.NONE.withBotAliases(Map.of(BOT_ALIAS, Map.of()));
		List<String> unchanged = new ArrayList<>();

		assertThat(plan(List.of(lex()), actual, new LinkedHashMap<>(), unchanged)).isEmpty();
		assertThat(unchanged).containsExactly("lex handler bot#adoptPet NOT CONNECTED: bot alias PETBOT1234/TSTALIASID "
				+ "has no locale settings (add a language to the alias in Lex, then deploy again)");
	}

	private static Map<String, LocaleHook> locales(LocaleHook enUs, LocaleHook enGb, LocaleHook frFr) {
		Map<String, LocaleHook> locales = new LinkedHashMap<>();
		locales.put("en_US", enUs);
		locales.put("en_GB", enGb);
		locales.put("fr_FR", frFr);
		return locales;
	}

	private static EventSourceSpec lex() {
		return new EventSourceSpec("bot#adoptPet", "lex", BOT_ALIAS, null, null, null, false, true, null, List.of(), null,
				null);
	}

	/** As the alias's policy lists them, in order. */
	private static Map<String, String> permissions() {
		Map<String, String> permissions = new LinkedHashMap<>();
		permissions.put("serverless-logs--shop-audit", "{\"Condition\":{\"ArnLike\":{\"AWS:SourceArn\":\"" + GROUP + ":*\"}}}");
		permissions.put("serverless-cognito-eu-west-1_Shop12345", "{\"Condition\":{\"ArnLike\":{\"AWS:SourceArn\":\"" + POOL + "\"}}}");
		return permissions;
	}

	private static EventSourceSpec logs(String pattern) {
		return new EventSourceSpec("audit#onError", "logs", GROUP, null, null, null, false, true, pattern, List.of(), null,
				null);
	}

	private static EventSourceSpec cognito(String id, String trigger) {
		return new EventSourceSpec(id, "cognito", POOL, null, null, null, false, true, null, List.of(trigger), null, null);
	}

	private static List<String> plan(List<EventSourceSpec> sources, ActualEventTriggers triggers,
			Map<String, String> permissions) {
		return plan(sources, triggers, permissions, new ArrayList<>());
	}

	private static List<String> plan(List<EventSourceSpec> sources, ActualEventTriggers triggers,
			Map<String, String> permissions, List<String> unchanged) {
		FunctionSpec function = new FunctionSpec("shop-dev", "", "java21", "h", "x86_64", 512, 30, 512, Map.of(), List.of(),
				"PassThrough", null, null, List.of(), List.of(), false, null, 0);
		DesiredStage desired = new DesiredStage("shop", "dev", "eu-west-1", "123456789012", Map.of(), null, null, null,
				null, null, function, "", 3, null, null, List.of(), "/", sources, List.of(), TaskResourcesSpec.NONE);
		ActualStage actual = new ActualStage(null, null, true, true, null, List.of(), Map.of(), null, null, null, null,
				permissions, false, Map.of(), Map.of(), Set.of(), ActualTasks.NONE,
				new ActualEvents(Map.of(), Map.of(), Map.of(), Map.of()).withTriggers(triggers), null, List.of(), List.of());
		List<ResourceChange> changes = new ArrayList<>();
		EventTriggerPlanner.triggers(desired, actual, changes, unchanged);
		assertThat(desired.aliasArn()).isEqualTo(ALIAS);
		return changes.stream().map(ResourceChange::describe).toList();
	}

}
