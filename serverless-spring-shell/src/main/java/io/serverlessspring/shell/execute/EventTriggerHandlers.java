package io.serverlessspring.shell.execute;

import io.serverlessspring.shell.model.EventTriggerSpecs;
import io.serverlessspring.shell.plan.Action;
import io.serverlessspring.shell.plan.EventTriggerChanges;
import io.serverlessspring.shell.state.UserPoolLambdaConfig;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LambdaConfigType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Log subscriptions (PutSubscriptionFilter, idempotent; DeleteSubscriptionFilter) and user-pool
 * triggers (DescribeUserPool, then UpdateUserPool with every setting it read and the changed triggers),
 * and Lex bot alias code hooks (DescribeBotAlias, then UpdateBotAlias with every setting it read and
 * the changed locales).
 */
final class EventTriggerHandlers {

	private EventTriggerHandlers() {
	}

	static void register(Executor.Registry registry) {
		registry.on(EventTriggerChanges.LogSubscription.class, EventTriggerHandlers::logSubscription);
		registry.on(EventTriggerChanges.PoolTriggers.class, EventTriggerHandlers::poolTriggers);
		registry.on(EventTriggerChanges.BotAliasCodeHook.class, EventTriggerHandlers::botAliasCodeHook);
	}

	private static void logSubscription(EventTriggerChanges.LogSubscription change, ExecutionContext ctx) {
		var logs = ctx.clients().logs();
		if (change.action() == Action.DELETE) {
			try {
				logs.deleteSubscriptionFilter(b -> b.logGroupName(change.logGroup()).filterName(change.filterName()));
			}
			catch (ResourceNotFoundException ex) {
				// already gone
			}
			return;
		}
		logs.putSubscriptionFilter(b -> b.logGroupName(change.logGroup()).filterName(change.filterName())
			.filterPattern(change.filterPattern()).destinationArn(change.aliasArn()));
	}

	private static void poolTriggers(EventTriggerChanges.PoolTriggers change, ExecutionContext ctx) {
		var cognito = ctx.clients().cognito();
		UserPoolType pool;
		try {
			pool = cognito.describeUserPool(b -> b.userPoolId(change.userPoolId())).userPool();
		}
		catch (software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException ex) {
			if (change.set().isEmpty()) {
				return; // clearing the triggers of a pool that is gone
			}
			throw ex;
		}
		LambdaConfigType config = pool.lambdaConfig();
		for (String trigger : change.set()) {
			config = UserPoolLambdaConfig.with(config, trigger, change.aliasArn());
		}
		for (String trigger : change.clear()) {
			// Only what still points at the alias: another function set since is left alone.
			if (change.aliasArn().equals(UserPoolLambdaConfig.triggers(config).get(trigger))) {
				config = UserPoolLambdaConfig.with(config, trigger, null);
			}
		}
		cognito.updateUserPool(keepingSettings(pool, config));
	}

	private static void botAliasCodeHook(EventTriggerChanges.BotAliasCodeHook change, ExecutionContext ctx) {
		var lex = ctx.clients().lexBotAliases();
		String[] ids = EventTriggerSpecs.botAlias(change.botAliasArn()).split("/");
		ObjectNode alias = lex.describeBotAlias(ids[0], ids[1]);
		if (alias == null) {
			if (change.set().isEmpty()) {
				return; // clearing the code hook of an alias that is gone
			}
			throw new IllegalStateException("bot alias " + ids[0] + "/" + ids[1] + " does not exist");
		}
		JsonNode locales = alias.path("botAliasLocaleSettings");
		for (String locale : change.set()) {
			if (locales.get(locale) instanceof ObjectNode settings) {
				settings.put("enabled", true);
				settings.putObject("codeHookSpecification")
					.putObject("lambdaCodeHook")
					.put("lambdaARN", change.aliasArn())
					.put("codeHookInterfaceVersion", "1.0");
			}
		}
		for (String locale : change.clear()) {
			// Only what still points at the alias: another function set since is left alone.
			if (locales.get(locale) instanceof ObjectNode settings && change.aliasArn()
				.equals(settings.path("codeHookSpecification").path("lambdaCodeHook").path("lambdaARN").asString(null))) {
				settings.remove("codeHookSpecification");
			}
		}
		lex.updateBotAlias(alias);
	}

	/** UpdateUserPool resets what it is not given: every updatable setting the pool has, and the new triggers. */
	private static UpdateUserPoolRequest keepingSettings(UserPoolType pool, LambdaConfigType config) {
		UpdateUserPoolRequest.Builder b = UpdateUserPoolRequest.builder()
			.userPoolId(pool.id())
			.lambdaConfig(config)
			.policies(pool.policies())
			.deletionProtection(pool.deletionProtection())
			.autoVerifiedAttributesWithStrings(pool.autoVerifiedAttributesAsStrings())
			.smsAuthenticationMessage(pool.smsAuthenticationMessage())
			.userAttributeUpdateSettings(pool.userAttributeUpdateSettings())
			.mfaConfiguration(pool.mfaConfiguration())
			.deviceConfiguration(pool.deviceConfiguration())
			.emailConfiguration(pool.emailConfiguration())
			.smsConfiguration(pool.smsConfiguration())
			.userPoolTags(pool.userPoolTags())
			.adminCreateUserConfig(pool.adminCreateUserConfig())
			.userPoolAddOns(pool.userPoolAddOns())
			.accountRecoverySetting(pool.accountRecoverySetting())
			.poolName(pool.name())
			.userPoolTier(pool.userPoolTier());
		if (pool.verificationMessageTemplate() != null) {
			// The template supersedes the older message fields the pool also reports.
			b.verificationMessageTemplate(pool.verificationMessageTemplate());
		}
		else {
			b.smsVerificationMessage(pool.smsVerificationMessage())
				.emailVerificationMessage(pool.emailVerificationMessage())
				.emailVerificationSubject(pool.emailVerificationSubject());
		}
		return b.build();
	}

}
