package io.serverlessspring.shell.state;

import java.util.Map;

/**
 * Log subscriptions and Cognito triggers that invoke the live alias.
 *
 * @param logSubscriptions log group name to its subscription filters whose destination is the alias
 *        (filter name to filter pattern)
 * @param poolTriggers user pool id to the triggers of its {@code LambdaConfig} (e.g. {@code PreSignUp})
 *        set to the alias; every pool read is present, with no triggers when none is ours
 * @param poolOthers user pool id to the triggers set to another function (a deploy would replace them)
 */
public record ActualEventTriggers(Map<String, Map<String, String>> logSubscriptions,
		Map<String, java.util.Set<String>> poolTriggers, Map<String, Map<String, String>> poolOthers) {

	public static final ActualEventTriggers NONE = new ActualEventTriggers(Map.of(), Map.of(), Map.of());

}
