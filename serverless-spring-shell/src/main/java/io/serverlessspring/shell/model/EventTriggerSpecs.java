package io.serverlessspring.shell.model;

import java.util.List;
import java.util.Map;

import io.serverlessspring.boot.events.TriggerSources;
import io.serverlessspring.boot.manifest.DeploymentManifest;
import io.serverlessspring.boot.naming.Arns;

/**
 * Log subscription, Cognito trigger and Lex code-hook handlers of the manifest as event sources:
 * {@code logs} with the log group's ARN and its filter pattern in {@code filter} (empty: every
 * event), {@code cognito} with the user pool's ARN and its one trigger in {@code events},
 * {@code lex} with the bot alias ARN.
 */
public final class EventTriggerSpecs {

	/** The types these specs are for. */
	public static final List<String> TYPES = List.of("logs", "cognito", "lex");

	/** Statement ids of the alias's permissions for CloudWatch Logs start with this. */
	public static final String LOGS_PERMISSION_PREFIX = "serverless-logs-";

	/** Statement ids of the alias's permissions for Cognito user pools start with this. */
	public static final String COGNITO_PERMISSION_PREFIX = "serverless-cognito-";

	/** Statement ids of the alias's permissions for Lex bot aliases start with this. */
	public static final String LEX_PERMISSION_PREFIX = "serverless-lex-";

	private EventTriggerSpecs() {
	}

	static EventSourceSpec of(DeploymentManifest.EventHandler handler, String id, String source, String region,
			String account) {
		return switch (handler.type()) {
			case "logs" -> {
				Map<String, Object> filter = (handler.filter() != null) ? handler.filter() : Map.of();
				String pattern = (filter.get("filterPattern") instanceof String text) ? text : "";
				yield new EventSourceSpec(id, "logs", Arns.logGroup(region, account, TriggerSources.logGroupName(source)),
						null, null, null, false, handler.enabled(), pattern, List.of(), null, null);
			}
			case "cognito" -> new EventSourceSpec(id, "cognito", userPool(region, account, TriggerSources.userPoolId(source)),
					null, null, null, false, handler.enabled(), null, List.copyOf(handler.events()), null, null);
			case "lex" -> new EventSourceSpec(id, "lex", source, null, null, null, false, handler.enabled(), null, List.of(),
					null, null);
			default -> null;
		};
	}

	/**
	 * The statement id of the permission letting the source invoke the alias: the log group's name,
	 * the pool id, or the bot and alias ids (alias ids such as {@code TSTALIASID} repeat across bots).
	 */
	public static String permissionId(EventSourceSpec source) {
		String key = switch (source.type()) {
			case "logs" -> LOGS_PERMISSION_PREFIX + logGroupName(source.sourceArn());
			case "cognito" -> COGNITO_PERMISSION_PREFIX + Arns.resourceName(source.sourceArn());
			default -> LEX_PERMISSION_PREFIX + botAlias(source.sourceArn());
		};
		String id = key.replaceAll("[^A-Za-z0-9_-]", "-");
		return (id.length() <= 100) ? id : id.substring(0, 100);
	}

	/** The source ARN the permission names: a log group's ARN covers its streams with {@code :*}. */
	public static String permissionSourceArn(EventSourceSpec source) {
		return "logs".equals(source.type()) ? source.sourceArn() + ":*" : source.sourceArn();
	}

	/** The name deploy gives a handler's subscription filter: the function's, then the handler's. */
	public static String logFilterName(String function, String handlerId) {
		return function + "-" + TriggerSources.logFilterKey(handlerId);
	}

	/** A user pool's ARN. */
	public static String userPool(String region, String account, String poolId) {
		return "arn:aws:cognito-idp:" + region + ":" + account + ":userpool/" + poolId;
	}

	/** {@code BOTID/ALIASID} of a bot alias ARN ({@code arn:aws:lex:…:bot-alias/BOTID/ALIASID}). */
	public static String botAlias(String arn) {
		return arn.substring(arn.indexOf("bot-alias/") + 10);
	}

	/** The log group's name in a log group ARN ({@code arn:aws:logs:…:log-group:NAME}, optionally {@code :*}). */
	public static String logGroupName(String arn) {
		return TriggerSources.logGroupName(arn);
	}

}
