package io.serverlessspring.boot.events;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sources of log subscriptions, Cognito triggers and Lex code hooks: checked when a handler is
 * declared (the error names the annotation or property) and matched against the events they send.
 */
public final class TriggerSources {

	private static final Pattern POOL_ID = Pattern.compile("[\\w-]+_[0-9A-Za-z]+");

	private static final Pattern POOL_ARN = Pattern.compile("arn:aws[\\w-]*:cognito-idp:[\\w-]+:\\d{12}:userpool/([\\w-]+_[0-9A-Za-z]+)");

	private static final Pattern BOT_ALIAS_ARN = Pattern
		.compile("arn:aws[\\w-]*:lex:[\\w-]+:\\d{12}:bot-alias/([0-9A-Za-z]+)/([0-9A-Za-z]+)");

	private static final Pattern LOG_GROUP_ARN = Pattern.compile("arn:aws[\\w-]*:logs:[\\w-]+:\\d{12}:log-group:([^:]+)(:\\*)?");

	private TriggerSources() {
	}

	/** The source as declared, once checked: a log group, a user pool id or ARN, a bot alias ARN. */
	static String check(EventSourceType type, String source, String where) {
		switch (type) {
			case COGNITO -> {
				if (!POOL_ID.matcher(source).matches() && !POOL_ARN.matcher(source).matches()) {
					throw new IllegalStateException(where + ": the cognito source is '" + source
							+ "': expected a user pool id such as us-east-1_AbCdEf123 (or its ARN)");
				}
			}
			case LEX -> {
				if (!BOT_ALIAS_ARN.matcher(source).matches()) {
					throw new IllegalStateException(where + ": the lex source is '" + source
							+ "': expected a bot alias ARN such as arn:aws:lex:us-east-1:123456789012:bot-alias/BOTID/ALIASID");
				}
			}
			case LOGS -> {
				if (source.startsWith("arn:") && !LOG_GROUP_ARN.matcher(source).matches()) {
					throw new IllegalStateException(where + ": the logs source is '" + source
							+ "': expected a log group name or its ARN (arn:aws:logs:REGION:ACCOUNT:log-group:NAME)");
				}
			}
			default -> {
			}
		}
		return source;
	}

	/** The user pool id of a cognito source (an id or a pool ARN). */
	public static String userPoolId(String source) {
		Matcher arn = POOL_ARN.matcher(source);
		return arn.matches() ? arn.group(1) : source;
	}

	/** The log group name of a logs source (a name or a log group ARN). */
	public static String logGroupName(String source) {
		Matcher arn = LOG_GROUP_ARN.matcher(source);
		return arn.matches() ? arn.group(1) : source;
	}

	/**
	 * The end of the name of the subscription filter deploy puts for a logs handler
	 * ({@code <function>-<key>}): the handler id with what filter names refuse replaced.
	 */
	public static String logFilterKey(String handlerId) {
		return handlerId.replaceAll("[^A-Za-z0-9_.-]", "-");
	}

	/** Whether a lex source (a bot alias ARN) names this bot and alias. */
	static boolean isBotAlias(String source, String botId, String aliasId) {
		Matcher arn = BOT_ALIAS_ARN.matcher(source);
		return arn.matches() && arn.group(1).equals(botId) && arn.group(2).equals(aliasId);
	}

}
