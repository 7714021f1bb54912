package io.serverlessspring.shell.state;

import java.util.Map;

/**
 * Log subscriptions, Cognito triggers and Lex code hooks that invoke the live alias.
 *
 * @param logSubscriptions log group name to its subscription filters whose destination is the alias
 *        (filter name to filter pattern)
 * @param poolTriggers user pool id to the triggers of its {@code LambdaConfig} (e.g. {@code PreSignUp})
 *        set to the alias; every pool read is present, with no triggers when none is ours
 * @param poolOthers user pool id to the triggers set to another function (a deploy would replace them)
 * @param botAliases bot alias ARN to its locales' code hooks (locale id to {@link LocaleHook}); every
 *        bot alias read is present, with no locales when it has none
 */
public record ActualEventTriggers(Map<String, Map<String, String>> logSubscriptions,
		Map<String, java.util.Set<String>> poolTriggers, Map<String, Map<String, String>> poolOthers,
		Map<String, Map<String, LocaleHook>> botAliases) {

	public static final ActualEventTriggers NONE = new ActualEventTriggers(Map.of(), Map.of(), Map.of());

	/** Without bot aliases. */
	public ActualEventTriggers(Map<String, Map<String, String>> logSubscriptions,
			Map<String, java.util.Set<String>> poolTriggers, Map<String, Map<String, String>> poolOthers) {
		this(logSubscriptions, poolTriggers, poolOthers, Map.of());
	}

	/** The same, with these bot aliases. */
	public ActualEventTriggers withBotAliases(Map<String, Map<String, LocaleHook>> found) {
		return new ActualEventTriggers(this.logSubscriptions, this.poolTriggers, this.poolOthers,
				java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(found)));
	}

	/**
	 * One locale of a bot alias's {@code botAliasLocaleSettings}.
	 *
	 * @param enabled whether the locale is enabled on the alias
	 * @param lambdaArn the function its code hook invokes, or {@code null} when it has none
	 */
	public record LocaleHook(boolean enabled, String lambdaArn) {

		/** Whether the locale is enabled and its code hook is {@code aliasArn}. */
		public boolean wiredTo(String aliasArn) {
			return this.enabled && aliasArn.equals(this.lambdaArn);
		}

	}

}
