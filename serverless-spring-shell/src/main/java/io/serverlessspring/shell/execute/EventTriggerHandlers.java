package io.serverlessspring.shell.execute;

import io.serverlessspring.shell.plan.Action;
import io.serverlessspring.shell.plan.EventTriggerChanges;
import io.serverlessspring.shell.state.UserPoolLambdaConfig;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LambdaConfigType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

/**
 * Log subscriptions (PutSubscriptionFilter, idempotent; DeleteSubscriptionFilter) and user-pool
 * triggers (DescribeUserPool, then UpdateUserPool with every setting it read and the changed triggers).
 */
final class EventTriggerHandlers {

	private EventTriggerHandlers() {
	}

	static void register(Executor.Registry registry) {
		registry.on(EventTriggerChanges.LogSubscription.class, EventTriggerHandlers::logSubscription);
		registry.on(EventTriggerChanges.PoolTriggers.class, EventTriggerHandlers::poolTriggers);
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
