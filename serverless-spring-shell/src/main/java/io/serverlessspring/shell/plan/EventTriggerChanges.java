package io.serverlessspring.shell.plan;

import java.util.List;

import io.serverlessspring.shell.model.EventTriggerSpecs;

/** Changes to the log subscriptions, Cognito user-pool triggers and Lex code hooks that invoke the live alias. */
public final class EventTriggerChanges {

	private EventTriggerChanges() {
	}

	/**
	 * A subscription filter on {@code logGroup} sending the events {@code filterPattern} matches (all
	 * when empty) to the live alias; create and update put it (PutSubscriptionFilter replaces a filter
	 * of the same name), delete removes it.
	 */
	public record LogSubscription(Action action, String logGroup, String filterName, String filterPattern,
			String aliasArn, String detail, List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "log subscription";
		}

		@Override
		public String resource() {
			return this.logGroup + " " + this.filterName;
		}

	}

	/**
	 * Triggers of a user pool's {@code LambdaConfig}: {@code set} ones point at the live alias,
	 * {@code clear} ones (if still the alias) are emptied; the pool's other settings and triggers are
	 * kept (UpdateUserPool replaces the whole configuration, so the executor reads it first).
	 */
	public record PoolTriggers(Action action, String userPoolId, String aliasArn, List<String> set, List<String> clear,
			String detail, List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "user pool triggers";
		}

		@Override
		public String resource() {
			return this.userPoolId;
		}

	}

	/**
	 * The Lambda code hook of a Lex V2 bot alias's locales: {@code set} ones are enabled with the live
	 * alias as their code hook, {@code clear} ones (if still the alias) lose their code hook; the
	 * alias's other settings and locales are kept (UpdateBotAlias replaces them all, so the executor
	 * reads them first).
	 */
	public record BotAliasCodeHook(Action action, String botAliasArn, String aliasArn, List<String> set,
			List<String> clear, String detail, List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "bot alias code hook";
		}

		@Override
		public String resource() {
			return EventTriggerSpecs.botAlias(this.botAliasArn);
		}

	}

}
