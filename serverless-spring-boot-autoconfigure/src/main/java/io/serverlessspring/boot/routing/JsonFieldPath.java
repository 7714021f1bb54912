package io.serverlessspring.boot.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;

/**
 * Where in an event a binding failure happened, as a user reads it ({@code Records[1].dynamodb.Keys}),
 * so that a malformed event's error names the field at fault instead of quoting a library's message.
 *
 * @param segments property names, and array indexes as digits
 */
public record JsonFieldPath(List<String> segments) {

	/** {@code ["name"]} or {@code [3]} in a Jackson 2 "reference chain" message (the Lambda serialisation library's). */
	private static final Pattern CHAIN_STEP = Pattern.compile("\\[\"([^\"]*)\"\\]|\\[(\\d+)\\]");

	/** The path of a Jackson 3 binding failure. */
	public static JsonFieldPath of(JacksonException ex) {
		List<String> segments = new ArrayList<>();
		for (JacksonException.Reference reference : ex.getPath()) {
			segments.add((reference.getPropertyName() != null) ? reference.getPropertyName()
					: Integer.toString(reference.getIndex()));
		}
		return new JsonFieldPath(List.copyOf(segments));
	}

	/**
	 * The path named by a message that ends in {@code (through reference chain: A["records"]->java.util.ArrayList[1]->…)},
	 * as the shaded Jackson 2 inside {@code aws-lambda-java-serialization} writes them; empty when there is none.
	 */
	public static JsonFieldPath fromReferenceChain(String message) {
		int chain = (message != null) ? message.lastIndexOf("through reference chain:") : -1;
		if (chain < 0) {
			return new JsonFieldPath(List.of());
		}
		List<String> segments = new ArrayList<>();
		Matcher step = CHAIN_STEP.matcher(message.substring(chain));
		while (step.find()) {
			segments.add((step.group(1) != null) ? step.group(1) : step.group(2));
		}
		return new JsonFieldPath(List.copyOf(segments));
	}

	public boolean isEmpty() {
		return this.segments.isEmpty();
	}

	/** The JSON pointer of the field, e.g. {@code /Records/1/dynamodb}. */
	public String pointer() {
		StringBuilder pointer = new StringBuilder();
		this.segments.forEach((segment) -> pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1")));
		return pointer.toString();
	}

	/** {@code Records[1].dynamodb.Keys}. */
	@Override
	public String toString() {
		StringBuilder text = new StringBuilder();
		for (String segment : this.segments) {
			if (!segment.isEmpty() && segment.chars().allMatch(Character::isDigit)) {
				text.append('[').append(segment).append(']');
			}
			else {
				text.append(text.isEmpty() ? "" : ".").append(segment);
			}
		}
		return text.toString();
	}

}
