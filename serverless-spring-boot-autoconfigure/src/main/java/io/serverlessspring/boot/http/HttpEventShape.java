package io.serverlessspring.boot.http;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * What the fields of one HTTP event format must look like, checked before the event is bound into
 * upstream's model: a malformed event (a hand-written test event, a proxy that rewrote it) is
 * answered 400 with the field at fault named, instead of a 500 or a raw binding exception.
 * Only what the routes and upstream read is checked; unknown fields are left alone.
 */
final class HttpEventShape {

	/** API Gateway REST API (payload 1.0) events. */
	static final HttpEventShape REST_API = new HttpEventShape(List.of(
			required("/httpMethod", Kind.STRING), required("/path", Kind.STRING), optional("/headers", Kind.STRING_MAP),
			optional("/multiValueHeaders", Kind.STRING_LIST_MAP), optional("/queryStringParameters", Kind.STRING_MAP),
			optional("/multiValueQueryStringParameters", Kind.STRING_LIST_MAP),
			optional("/pathParameters", Kind.STRING_MAP), optional("/stageVariables", Kind.STRING_MAP),
			optional("/requestContext", Kind.OBJECT), optional("/requestContext/identity", Kind.OBJECT),
			optional("/requestContext/authorizer", Kind.OBJECT), optional("/body", Kind.STRING),
			optional("/isBase64Encoded", Kind.BOOLEAN)));

	/** Application Load Balancer events (single- or multi-value). */
	static final HttpEventShape ALB = new HttpEventShape(List.of(required("/httpMethod", Kind.STRING),
			required("/path", Kind.STRING), optional("/headers", Kind.STRING_MAP),
			optional("/multiValueHeaders", Kind.STRING_LIST_MAP), optional("/queryStringParameters", Kind.STRING_MAP),
			optional("/multiValueQueryStringParameters", Kind.STRING_LIST_MAP),
			required("/requestContext", Kind.OBJECT), required("/requestContext/elb", Kind.OBJECT),
			optional("/body", Kind.STRING), optional("/isBase64Encoded", Kind.BOOLEAN)));

	/** HTTP API payload 2.0 and function URL events. */
	static final HttpEventShape HTTP_API_V2 = new HttpEventShape(List.of(required("/rawPath", Kind.STRING),
			optional("/rawQueryString", Kind.STRING), optional("/cookies", Kind.STRING_ARRAY),
			optional("/headers", Kind.STRING_MAP), optional("/queryStringParameters", Kind.STRING_MAP),
			optional("/pathParameters", Kind.STRING_MAP), optional("/stageVariables", Kind.STRING_MAP),
			required("/requestContext", Kind.OBJECT), required("/requestContext/http", Kind.OBJECT),
			required("/requestContext/http/method", Kind.STRING), optional("/requestContext/http/path", Kind.STRING),
			optional("/requestContext/http/sourceIp", Kind.STRING),
			optional("/requestContext/authorizer", Kind.OBJECT), optional("/body", Kind.STRING),
			optional("/isBase64Encoded", Kind.BOOLEAN)));

	private final List<Rule> rules;

	private HttpEventShape(List<Rule> rules) {
		this.rules = rules;
	}

	/** What is wrong with the event, naming the field, or {@code null} when its shape is right. */
	String problem(JsonNode event) {
		if (!event.isObject()) {
			return "the event must be a JSON object, not " + describe(event);
		}
		for (Rule rule : this.rules) {
			JsonNode value = event.at(rule.pointer());
			if (value.isMissingNode() || value.isNull()) {
				if (rule.required()) {
					return "'" + rule.field() + "' is " + (value.isNull() ? "null" : "missing");
				}
				continue;
			}
			String problem = rule.kind().problem(rule.field(), value);
			if (problem != null) {
				return problem;
			}
		}
		JsonNode body = event.path("body");
		if (event.path("isBase64Encoded").asBoolean(false) && body.isString() && !isBase64(body.asString())) {
			return "'body' is not valid base64, but 'isBase64Encoded' is true";
		}
		return null;
	}

	/** {@code 'field' has the wrong type (an array)}: a value upstream's model cannot hold. */
	static String wrongType(String field, JsonNode value) {
		return "'" + field + "' has the wrong type" + (value.isMissingNode() ? "" : " (" + describe(value) + ")");
	}

	private static boolean isBase64(String text) {
		try {
			Base64.getDecoder().decode(text);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static String field(String pointer) {
		return pointer.substring(1).replace('/', '.');
	}

	private static String describe(JsonNode value) {
		return switch (value.getNodeType()) {
			case ARRAY -> "an array";
			case OBJECT -> "an object";
			case STRING -> "a string";
			case NUMBER -> "a number";
			case BOOLEAN -> "a boolean";
			case NULL -> "null";
			default -> value.getNodeType().name().toLowerCase();
		};
	}

	private static Rule required(String pointer, Kind kind) {
		return new Rule(JsonPointer.compile(pointer), field(pointer), kind, true);
	}

	private static Rule optional(String pointer, Kind kind) {
		return new Rule(JsonPointer.compile(pointer), field(pointer), kind, false);
	}

	/** Pointer and field name prepared once: every HTTP event is checked against every rule. */
	private record Rule(JsonPointer pointer, String field, Kind kind, boolean required) {
	}

	private enum Kind {

		STRING("a string"), BOOLEAN("true or false"), OBJECT("an object"),
		STRING_MAP("an object of strings"), STRING_LIST_MAP("an object of string arrays"),
		STRING_ARRAY("an array of strings");

		private final String description;

		Kind(String description) {
			this.description = description;
		}

		/** What is wrong with {@code value} at {@code field}, naming the entry at fault; {@code null} when right. */
		String problem(String field, JsonNode value) {
			return switch (this) {
				case STRING -> value.isString() ? null : wrongType(field, value);
				case BOOLEAN -> value.isBoolean() ? null : wrongType(field, value);
				case OBJECT -> value.isObject() ? null : wrongType(field, value);
				case STRING_MAP -> value.isObject() ? firstNonString(field, value, false) : wrongType(field, value);
				case STRING_LIST_MAP -> value.isObject() ? firstNonStringArray(field, value) : wrongType(field, value);
				case STRING_ARRAY -> value.isArray() ? firstNonString(field, value, true) : wrongType(field, value);
			};
		}

		private String wrongType(String field, JsonNode value) {
			return "'" + field + "' must be " + this.description + ", not " + describe(value);
		}

		private static String firstNonStringArray(String field, JsonNode map) {
			for (Map.Entry<String, JsonNode> entry : map.properties()) {
				JsonNode list = entry.getValue();
				if (!list.isArray()) {
					return "'" + field + "." + entry.getKey() + "' must be an array of strings, not " + describe(list);
				}
				for (int i = 0; i < list.size(); i++) {
					if (!isString(list.get(i))) {
						return "'" + field + "." + entry.getKey() + "[" + i + "]' must be a string, not "
								+ describe(list.get(i));
					}
				}
			}
			return null;
		}

		/** Front ends send strings, never null; numbers and booleans bind as their text, so they pass. */
		private static String firstNonString(String field, JsonNode container, boolean indexed) {
			// Names are built only for the entry at fault: the check runs on every event.
			if (indexed) {
				for (int i = 0; i < container.size(); i++) {
					if (!isString(container.get(i))) {
						return "'" + field + "[" + i + "]' must be a string, not " + describe(container.get(i));
					}
				}
				return null;
			}
			for (Map.Entry<String, JsonNode> entry : container.properties()) {
				if (!isString(entry.getValue())) {
					return "'" + field + "." + entry.getKey() + "' must be a string, not " + describe(entry.getValue());
				}
			}
			return null;
		}

		private static boolean isString(JsonNode element) {
			return element.isValueNode() && !element.isNull();
		}

	}

	/** A field whose value does not fit upstream's model; the message is the 400 answer's. */
	static final class WrongTypeException extends IllegalArgumentException {

		WrongTypeException(String field, JsonNode value) {
			super(wrongType(field, value));
		}

	}

}
