package io.serverlessspring.local.sqs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import io.serverlessspring.local.server.Json;

/**
 * A queue's access policy ({@code Policy} attribute) asked, as SQS asks it, whether an AWS service
 * (SNS: {@code sns.amazonaws.com}) may {@code sqs:SendMessage} on behalf of a source ({@code aws:SourceArn},
 * {@code aws:SourceAccount}). Allowed when an {@code Allow} statement matches (principal, action,
 * resource, conditions) and no {@code Deny} does; no policy allows nothing. Condition operators
 * understood: {@code ArnEquals}, {@code ArnLike}, {@code StringEquals}, {@code StringLike} (and their
 * {@code IfExists} forms) on {@code aws:SourceArn}, {@code aws:SourceAccount}, {@code aws:SourceOwner};
 * any other operator or key makes the statement not match (reported in the reason).
 */
final class QueuePolicies {

	private QueuePolicies() {
	}

	/** Null when allowed, else why not (for the cloud's log). */
	static String refusal(String policy, String queueArn, String service, String sourceArn, String sourceAccount) {
		if (policy == null || policy.isBlank()) {
			return "the queue has no access policy (AWS requires one allowing " + service + " sqs:SendMessage)";
		}
		JsonNode document;
		try {
			document = Json.parse(policy);
		}
		catch (RuntimeException ex) {
			return "the queue's access policy is not valid JSON";
		}
		JsonNode statements = document.path("Statement");
		List<JsonNode> list = new ArrayList<>();
		if (statements.isArray()) {
			statements.forEach(list::add);
		}
		else if (statements.isObject()) {
			list.add(statements);
		}
		Map<String, String> context = Map.of("aws:sourcearn", sourceArn, "aws:sourceaccount", sourceAccount,
				"aws:sourceowner", sourceAccount);
		boolean allowed = false;
		List<String> notes = new ArrayList<>();
		for (JsonNode statement : list) {
			if (!principalMatches(statement.path("Principal"), service)
					|| !anyMatches(statement.path("Action"), "sqs:SendMessage", true)
					|| (statement.has("Resource") && !anyMatches(statement.path("Resource"), queueArn, false))) {
				continue;
			}
			String unmet = unmetCondition(statement.path("Condition"), context);
			if (unmet != null) {
				notes.add(unmet);
				continue;
			}
			if ("Deny".equals(statement.path("Effect").asString())) {
				return "a Deny statement of the queue's access policy matches";
			}
			if ("Allow".equals(statement.path("Effect").asString())) {
				allowed = true;
			}
		}
		return allowed ? null : "no statement of the queue's access policy allows " + service + " sqs:SendMessage from "
				+ sourceArn + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")");
	}

	private static boolean principalMatches(JsonNode principal, String service) {
		if (principal.isString()) {
			return "*".equals(principal.asString());
		}
		return anyMatches(principal.path("Service"), service, false) || "*".equals(principal.path("AWS").asString(""));
	}

	/** A string or list of IAM patterns ({@code *}, {@code ?}) matching {@code value}. */
	private static boolean anyMatches(JsonNode patterns, String value, boolean ignoreCase) {
		List<String> list = new ArrayList<>();
		if (patterns.isString()) {
			list.add(patterns.asString());
		}
		else if (patterns.isArray()) {
			patterns.forEach((p) -> list.add(p.asString()));
		}
		return list.stream().anyMatch((p) -> like(p, value, ignoreCase));
	}

	private static boolean like(String pattern, String value, boolean ignoreCase) {
		StringBuilder regex = new StringBuilder();
		for (char c : pattern.toCharArray()) {
			regex.append(switch (c) {
				case '*' -> ".*";
				case '?' -> ".";
				default -> Pattern.quote(String.valueOf(c));
			});
		}
		return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0).matcher(value).matches();
	}

	/** Null when every condition holds, else the first that does not. */
	private static String unmetCondition(JsonNode condition, Map<String, String> context) {
		for (Map.Entry<String, JsonNode> operator : condition.properties()) {
			String name = operator.getKey();
			boolean ifExists = name.endsWith("IfExists");
			String base = ifExists ? name.substring(0, name.length() - "IfExists".length()) : name;
			boolean like = base.equals("ArnLike") || base.equals("StringLike");
			if (!List.of("ArnEquals", "ArnLike", "StringEquals", "StringLike").contains(base)) {
				return "condition operator " + name + " is not understood by the local cloud";
			}
			for (Map.Entry<String, JsonNode> key : operator.getValue().properties()) {
				String actual = context.get(key.getKey().toLowerCase(Locale.ROOT));
				if (actual == null) {
					return "condition key " + key.getKey() + " is not known to the local cloud";
				}
				List<String> expected = new ArrayList<>();
				if (key.getValue().isArray()) {
					key.getValue().forEach((v) -> expected.add(v.asString()));
				}
				else {
					expected.add(key.getValue().asString());
				}
				boolean holds = expected.stream().anyMatch((e) -> like ? like(e, actual, false) : e.equals(actual));
				if (!holds) {
					return name + " " + key.getKey() + " " + expected + " does not match " + actual;
				}
			}
		}
		return null;
	}

}
