package io.serverlessspring.local.dynamodb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.server.AwsException;
import io.serverlessspring.local.server.Json;

/**
 * DynamoDB's expression language, the parts tables of task responses and simple apps use: condition
 * and filter expressions (comparisons, {@code BETWEEN}, {@code IN}, {@code AND}/{@code OR}/{@code NOT},
 * {@code attribute_exists}, {@code attribute_not_exists}, {@code attribute_type}, {@code begins_with},
 * {@code contains}, {@code size}), update expressions ({@code SET} with {@code +}/{@code -},
 * {@code if_not_exists}, {@code list_append}; {@code REMOVE}; {@code ADD}; {@code DELETE}), key
 * conditions and projections. One instance per request: it resolves {@code #names} and
 * {@code :values} and reports those left unused, as DynamoDB does.
 */
final class Expressions {

	/** A document path: map keys (String) and list indexes (Integer). */
	record Path(List<Object> segments) {

		String top() {
			return (String) this.segments.get(0);
		}

		@Override
		public String toString() {
			StringBuilder text = new StringBuilder();
			for (Object segment : this.segments) {
				if (segment instanceof Integer index) {
					text.append('[').append(index).append(']');
				}
				else {
					text.append((text.length() > 0) ? "." : "").append(segment);
				}
			}
			return text.toString();
		}

	}

	/** One key condition: the attribute, the operator and its operands. */
	record KeyCondition(String attribute, String operator, List<JsonNode> operands) {
	}

	private final Map<String, String> names;

	private final Map<String, JsonNode> values;

	private final Set<String> usedNames = new HashSet<>();

	private final Set<String> usedValues = new HashSet<>();

	Expressions(JsonNode request) {
		this.names = Json.stringMap(request, "ExpressionAttributeNames");
		this.values = new LinkedHashMap<>();
		JsonNode values = request.get("ExpressionAttributeValues");
		if (values != null && values.isObject()) {
			for (Map.Entry<String, JsonNode> entry : values.properties()) {
				AttributeValues.validate(entry.getValue());
				this.values.put(entry.getKey(), entry.getValue());
			}
		}
	}

	/** After parsing every expression of a request: names or values that no expression used are an error. */
	void checkAllUsed() {
		Set<String> unusedValues = new TreeSet<>(this.values.keySet());
		unusedValues.removeAll(this.usedValues);
		if (!unusedValues.isEmpty()) {
			throw AwsException.validation(
					"Value provided in ExpressionAttributeValues unused in expressions: keys: {" + String.join(", ", unusedValues) + "}");
		}
		Set<String> unusedNames = new TreeSet<>(this.names.keySet());
		unusedNames.removeAll(this.usedNames);
		if (!unusedNames.isEmpty()) {
			throw AwsException.validation(
					"Value provided in ExpressionAttributeNames unused in expressions: keys: {" + String.join(", ", unusedNames) + "}");
		}
	}

	// ---- entry points ---------------------------------------------------------------------------

	/** A condition or filter expression, as a test of an item (null item = no item). */
	Predicate<ObjectNode> condition(String expression, String kind) {
		Parser parser = new Parser(expression, kind);
		Predicate<ObjectNode> condition = parser.orCondition();
		parser.expectEnd();
		return condition;
	}

	/** An update expression, as an action on a mutable copy of the item. */
	java.util.function.Consumer<ObjectNode> update(String expression, Set<String> keyAttributes) {
		Parser parser = new Parser(expression, "UpdateExpression");
		List<java.util.function.Consumer<ObjectNode>> actions = parser.updateActions(keyAttributes);
		parser.expectEnd();
		return (item) -> actions.forEach((action) -> action.accept(item));
	}

	/** A key condition: {@code hash = :v [AND range <op> :v | begins_with | BETWEEN]}. */
	List<KeyCondition> keyConditions(String expression) {
		Parser parser = new Parser(expression, "KeyConditionExpression");
		List<KeyCondition> conditions = new ArrayList<>();
		do {
			conditions.add(parser.keyCondition());
		}
		while (parser.acceptKeyword("AND"));
		parser.expectEnd();
		return conditions;
	}

	/** A projection: the top-level attributes to return (nested paths return their top attribute). */
	List<Path> projection(String expression) {
		Parser parser = new Parser(expression, "ProjectionExpression");
		List<Path> paths = new ArrayList<>();
		do {
			paths.add(parser.path());
		}
		while (parser.accept(","));
		parser.expectEnd();
		return paths;
	}

	// ---- document paths on items ------------------------------------------------------------------

	static JsonNode get(ObjectNode item, Path path) {
		if (item == null) {
			return null;
		}
		JsonNode current = item.get(path.top());
		for (int i = 1; i < path.segments().size() && current != null; i++) {
			Object segment = path.segments().get(i);
			if (segment instanceof Integer index) {
				JsonNode list = current.get("L");
				current = (list != null && index < list.size()) ? list.get(index) : null;
			}
			else {
				JsonNode map = current.get("M");
				current = (map != null) ? map.get((String) segment) : null;
			}
		}
		return current;
	}

	private static void set(ObjectNode item, Path path, JsonNode value) {
		if (path.segments().size() == 1) {
			item.set(path.top(), value);
			return;
		}
		JsonNode parent = get(item, new Path(path.segments().subList(0, path.segments().size() - 1)));
		Object last = path.segments().get(path.segments().size() - 1);
		if (last instanceof Integer index && parent != null && parent.get("L") instanceof ArrayNode list) {
			if (index < list.size()) {
				list.set(index, value);
			}
			else {
				list.add(value);
			}
			return;
		}
		if (last instanceof String key && parent != null && parent.get("M") instanceof ObjectNode map) {
			map.set(key, value);
			return;
		}
		throw AwsException.validation("The document path provided in the update expression is invalid for update");
	}

	private static void remove(ObjectNode item, Path path) {
		if (path.segments().size() == 1) {
			item.remove(path.top());
			return;
		}
		JsonNode parent = get(item, new Path(path.segments().subList(0, path.segments().size() - 1)));
		Object last = path.segments().get(path.segments().size() - 1);
		if (last instanceof Integer index && parent != null && parent.get("L") instanceof ArrayNode list) {
			if (index < list.size()) {
				list.remove((int) index);
			}
		}
		else if (last instanceof String key && parent != null && parent.get("M") instanceof ObjectNode map) {
			map.remove(key);
		}
	}

	// ---- the parser -------------------------------------------------------------------------------------

	private final class Parser {

		private final String text;

		private final String kind;

		private final List<String> tokens = new ArrayList<>();

		private int position;

		Parser(String text, String kind) {
			this.text = text;
			this.kind = kind;
			if (text == null || text.isBlank()) {
				throw AwsException.validation("Invalid " + kind + ": The expression can not be empty;");
			}
			tokenize();
		}

		private void tokenize() {
			int i = 0;
			while (i < this.text.length()) {
				char c = this.text.charAt(i);
				if (Character.isWhitespace(c)) {
					i++;
				}
				else if ("(),[]=+-.".indexOf(c) >= 0) {
					this.tokens.add(String.valueOf(c));
					i++;
				}
				else if (c == '<' || c == '>') {
					if (i + 1 < this.text.length() && (this.text.charAt(i + 1) == '=' || (c == '<' && this.text.charAt(i + 1) == '>'))) {
						this.tokens.add(this.text.substring(i, i + 2));
						i += 2;
					}
					else {
						this.tokens.add(String.valueOf(c));
						i++;
					}
				}
				else if (c == '#' || c == ':' || Character.isLetterOrDigit(c) || c == '_') {
					int start = i++;
					while (i < this.text.length() && (Character.isLetterOrDigit(this.text.charAt(i)) || this.text.charAt(i) == '_')) {
						i++;
					}
					this.tokens.add(this.text.substring(start, i));
				}
				else {
					throw syntax(String.valueOf(c));
				}
			}
		}

		private AwsException syntax(String token) {
			return AwsException.validation("Invalid " + this.kind + ": Syntax error; token: \"" + token + "\", near: \""
					+ this.text + "\"");
		}

		private String peek() {
			return (this.position < this.tokens.size()) ? this.tokens.get(this.position) : null;
		}

		private String peek(int ahead) {
			int index = this.position + ahead;
			return (index < this.tokens.size()) ? this.tokens.get(index) : null;
		}

		private String next() {
			String token = peek();
			if (token == null) {
				throw syntax("<EOF>");
			}
			this.position++;
			return token;
		}

		boolean accept(String token) {
			if (token.equals(peek())) {
				this.position++;
				return true;
			}
			return false;
		}

		boolean acceptKeyword(String keyword) {
			if (peek() != null && keyword.equalsIgnoreCase(peek())) {
				this.position++;
				return true;
			}
			return false;
		}

		private void expect(String token) {
			String actual = next();
			if (!token.equals(actual)) {
				throw syntax(actual);
			}
		}

		void expectEnd() {
			if (peek() != null) {
				throw syntax(peek());
			}
		}

		// conditions

		Predicate<ObjectNode> orCondition() {
			Predicate<ObjectNode> left = andCondition();
			while (acceptKeyword("OR")) {
				left = left.or(andCondition());
			}
			return left;
		}

		private Predicate<ObjectNode> andCondition() {
			Predicate<ObjectNode> left = notCondition();
			while (acceptKeyword("AND")) {
				left = left.and(notCondition());
			}
			return left;
		}

		private Predicate<ObjectNode> notCondition() {
			if (acceptKeyword("NOT")) {
				return notCondition().negate();
			}
			return primaryCondition();
		}

		private Predicate<ObjectNode> primaryCondition() {
			if (accept("(")) {
				Predicate<ObjectNode> inner = orCondition();
				expect(")");
				return inner;
			}
			String token = peek();
			if (token != null && "(".equals(peek(1))) {
				String function = token.toLowerCase(Locale.ROOT);
				switch (function) {
					case "attribute_exists", "attribute_not_exists" -> {
						next();
						expect("(");
						Path path = path();
						expect(")");
						boolean exists = "attribute_exists".equals(function);
						return (item) -> (get(item, path) != null) == exists;
					}
					case "attribute_type" -> {
						next();
						expect("(");
						Path path = path();
						expect(",");
						Function<ObjectNode, JsonNode> type = operand();
						expect(")");
						return (item) -> {
							JsonNode value = get(item, path);
							JsonNode wanted = type.apply(item);
							return value != null && wanted != null && wanted.has("S")
									&& AttributeValues.type(value).equals(wanted.get("S").asString());
						};
					}
					case "begins_with" -> {
						next();
						expect("(");
						Function<ObjectNode, JsonNode> subject = operand();
						expect(",");
						Function<ObjectNode, JsonNode> prefix = operand();
						expect(")");
						return (item) -> beginsWith(subject.apply(item), prefix.apply(item));
					}
					case "contains" -> {
						next();
						expect("(");
						Function<ObjectNode, JsonNode> subject = operand();
						expect(",");
						Function<ObjectNode, JsonNode> member = operand();
						expect(")");
						return (item) -> contains(subject.apply(item), member.apply(item));
					}
					default -> {
						// size(...) is an operand: fall through to a comparison
					}
				}
			}
			Function<ObjectNode, JsonNode> left = operand();
			if (acceptKeyword("BETWEEN")) {
				Function<ObjectNode, JsonNode> low = operand();
				if (!acceptKeyword("AND")) {
					throw syntax(String.valueOf(peek()));
				}
				Function<ObjectNode, JsonNode> high = operand();
				return (item) -> {
					JsonNode value = left.apply(item);
					Integer lower = AttributeValues.compare(value, low.apply(item));
					Integer upper = AttributeValues.compare(value, high.apply(item));
					return lower != null && upper != null && lower >= 0 && upper <= 0;
				};
			}
			if (acceptKeyword("IN")) {
				expect("(");
				List<Function<ObjectNode, JsonNode>> candidates = new ArrayList<>();
				do {
					candidates.add(operand());
				}
				while (accept(","));
				expect(")");
				return (item) -> {
					JsonNode value = left.apply(item);
					return candidates.stream().anyMatch((c) -> AttributeValues.equal(value, c.apply(item)));
				};
			}
			String operator = next();
			Function<ObjectNode, JsonNode> right = operand();
			return switch (operator) {
				case "=" -> (item) -> AttributeValues.equal(left.apply(item), right.apply(item));
				case "<>" -> (item) -> {
					JsonNode a = left.apply(item);
					JsonNode b = right.apply(item);
					return a != null && b != null && !AttributeValues.equal(a, b);
				};
				case "<", "<=", ">", ">=" -> (item) -> {
					Integer order = AttributeValues.compare(left.apply(item), right.apply(item));
					if (order == null) {
						return false;
					}
					return switch (operator) {
						case "<" -> order < 0;
						case "<=" -> order <= 0;
						case ">" -> order > 0;
						default -> order >= 0;
					};
				};
				default -> throw syntax(operator);
			};
		}

		/** A path, a :value, or size(path). */
		private Function<ObjectNode, JsonNode> operand() {
			String token = peek();
			if (token == null) {
				throw syntax("<EOF>");
			}
			if (token.startsWith(":")) {
				JsonNode value = value(next());
				return (item) -> value;
			}
			if ("size".equalsIgnoreCase(token) && "(".equals(peek(1))) {
				next();
				expect("(");
				Path path = path();
				expect(")");
				return (item) -> size(get(item, path));
			}
			Path path = path();
			return (item) -> get(item, path);
		}

		private JsonNode value(String placeholder) {
			JsonNode value = Expressions.this.values.get(placeholder);
			if (value == null) {
				throw AwsException.validation("Invalid " + this.kind
						+ ": An expression attribute value used in expression is not defined; attribute value: " + placeholder);
			}
			Expressions.this.usedValues.add(placeholder);
			return value;
		}

		private String name(String token) {
			if (token.startsWith("#")) {
				String name = Expressions.this.names.get(token);
				if (name == null) {
					throw AwsException.validation("Invalid " + this.kind
							+ ": An expression attribute name used in the document path is not defined; attribute name: " + token);
				}
				Expressions.this.usedNames.add(token);
				return name;
			}
			if (token.startsWith(":") || !Character.isLetter(token.charAt(0)) && token.charAt(0) != '_') {
				throw syntax(token);
			}
			if (Reserved.WORDS.contains(token.toUpperCase(Locale.ROOT))) {
				throw AwsException.validation("Invalid " + this.kind + ": Attribute name is a reserved keyword; reserved keyword: " + token);
			}
			return token;
		}

		Path path() {
			List<Object> segments = new ArrayList<>();
			segments.add(name(next()));
			while (true) {
				if (accept(".")) {
					segments.add(name(next()));
				}
				else if (accept("[")) {
					String index = next();
					try {
						segments.add(Integer.parseInt(index));
					}
					catch (NumberFormatException ex) {
						throw syntax(index);
					}
					expect("]");
				}
				else {
					return new Path(segments);
				}
			}
		}

		// updates

		List<java.util.function.Consumer<ObjectNode>> updateActions(Set<String> keyAttributes) {
			List<java.util.function.Consumer<ObjectNode>> actions = new ArrayList<>();
			Set<String> seenClauses = new HashSet<>();
			while (peek() != null) {
				String clause = next().toUpperCase(Locale.ROOT);
				if (!seenClauses.add(clause)) {
					throw AwsException.validation("Invalid UpdateExpression: The \"" + clause + "\" section can only be used once in an update expression;");
				}
				do {
					switch (clause) {
						case "SET" -> {
							Path path = keyChecked(path(), keyAttributes);
							expect("=");
							Function<ObjectNode, JsonNode> value = setValue();
							actions.add((item) -> set(item, path, requireValue(value.apply(item))));
						}
						case "REMOVE" -> {
							Path path = keyChecked(path(), keyAttributes);
							actions.add((item) -> remove(item, path));
						}
						case "ADD", "DELETE" -> {
							Path path = keyChecked(path(), keyAttributes);
							Function<ObjectNode, JsonNode> value = operand();
							boolean add = "ADD".equals(clause);
							actions.add((item) -> set(item, path, add ? add(get(item, path), value.apply(item))
									: delete(get(item, path), value.apply(item))));
						}
						default -> throw syntax(clause);
					}
				}
				while (accept(","));
			}
			return actions;
		}

		private Path keyChecked(Path path, Set<String> keyAttributes) {
			if (keyAttributes.contains(path.top())) {
				throw AwsException.validation("One or more parameter values were invalid: Cannot update attribute "
						+ path.top() + ". This attribute is part of the key");
			}
			return path;
		}

		private Function<ObjectNode, JsonNode> setValue() {
			Function<ObjectNode, JsonNode> left = setOperand();
			if (accept("+")) {
				Function<ObjectNode, JsonNode> right = setOperand();
				return (item) -> arithmetic(left.apply(item), right.apply(item), true);
			}
			if (accept("-")) {
				Function<ObjectNode, JsonNode> right = setOperand();
				return (item) -> arithmetic(left.apply(item), right.apply(item), false);
			}
			return left;
		}

		private Function<ObjectNode, JsonNode> setOperand() {
			String token = peek();
			if (token != null && "(".equals(peek(1))) {
				String function = token.toLowerCase(Locale.ROOT);
				if ("if_not_exists".equals(function)) {
					next();
					expect("(");
					Path path = path();
					expect(",");
					Function<ObjectNode, JsonNode> fallback = setOperand();
					expect(")");
					return (item) -> {
						JsonNode current = get(item, path);
						return (current != null) ? current : fallback.apply(item);
					};
				}
				if ("list_append".equals(function)) {
					next();
					expect("(");
					Function<ObjectNode, JsonNode> first = setOperand();
					expect(",");
					Function<ObjectNode, JsonNode> second = setOperand();
					expect(")");
					return (item) -> listAppend(first.apply(item), second.apply(item));
				}
			}
			return operand();
		}

		// key conditions

		KeyCondition keyCondition() {
			if (accept("(")) {
				KeyCondition inner = keyCondition();
				expect(")");
				return inner;
			}
			if (peek() != null && "begins_with".equalsIgnoreCase(peek()) && "(".equals(peek(1))) {
				next();
				expect("(");
				Path path = path();
				expect(",");
				JsonNode prefix = value(next());
				expect(")");
				return new KeyCondition(path.top(), "begins_with", List.of(prefix));
			}
			Path path = path();
			if (acceptKeyword("BETWEEN")) {
				JsonNode low = value(next());
				if (!acceptKeyword("AND")) {
					throw syntax(String.valueOf(peek()));
				}
				JsonNode high = value(next());
				return new KeyCondition(path.top(), "BETWEEN", List.of(low, high));
			}
			String operator = next();
			if (!Set.of("=", "<", "<=", ">", ">=").contains(operator)) {
				throw AwsException.validation("Invalid operator used in KeyConditionExpression: " + operator);
			}
			return new KeyCondition(path.top(), operator, List.of(value(next())));
		}

	}

	// ---- functions ----------------------------------------------------------------------------------

	private static JsonNode requireValue(JsonNode value) {
		if (value == null) {
			throw AwsException.validation(
					"The provided expression refers to an attribute that does not exist in the item");
		}
		return value;
	}

	private static boolean beginsWith(JsonNode subject, JsonNode prefix) {
		if (subject == null || prefix == null) {
			return false;
		}
		if (subject.has("S") && prefix.has("S")) {
			return subject.get("S").asString().startsWith(prefix.get("S").asString());
		}
		return false;
	}

	private static boolean contains(JsonNode subject, JsonNode member) {
		if (subject == null || member == null) {
			return false;
		}
		if (subject.has("S") && member.has("S")) {
			return subject.get("S").asString().contains(member.get("S").asString());
		}
		String type = AttributeValues.type(subject);
		if (type.equals("SS") || type.equals("NS") || type.equals("BS")) {
			String memberType = type.substring(0, 1);
			if (!member.has(memberType)) {
				return false;
			}
			for (JsonNode element : subject.get(type)) {
				ObjectNode candidate = Json.object();
				candidate.set(memberType, element);
				if (AttributeValues.equal(candidate, member)) {
					return true;
				}
			}
			return false;
		}
		if (type.equals("L")) {
			for (JsonNode element : subject.get("L")) {
				if (AttributeValues.equal(element, member)) {
					return true;
				}
			}
		}
		return false;
	}

	private static JsonNode size(JsonNode value) {
		if (value == null) {
			return null;
		}
		String type = AttributeValues.type(value);
		JsonNode inner = value.get(type);
		long size = switch (type) {
			case "S" -> inner.asString().codePointCount(0, inner.asString().length());
			case "B" -> AttributeValues.bytes(inner).length;
			case "M", "L", "SS", "NS", "BS" -> inner.size();
			default -> -1;
		};
		return (size < 0) ? null : AttributeValues.number(BigDecimal.valueOf(size));
	}

	private static JsonNode arithmetic(JsonNode a, JsonNode b, boolean plus) {
		if (a == null || b == null || !a.has("N") || !b.has("N")) {
			throw AwsException.validation(
					"An operand in the update expression has an incorrect data type");
		}
		BigDecimal x = AttributeValues.number(a.get("N").asString());
		BigDecimal y = AttributeValues.number(b.get("N").asString());
		return AttributeValues.number(plus ? x.add(y) : x.subtract(y));
	}

	private static JsonNode listAppend(JsonNode a, JsonNode b) {
		if (a == null || b == null || !a.has("L") || !b.has("L")) {
			throw AwsException.validation("An operand in the update expression has an incorrect data type");
		}
		ObjectNode result = Json.object();
		ArrayNode list = result.putArray("L");
		a.get("L").forEach((v) -> list.add(v.deepCopy()));
		b.get("L").forEach((v) -> list.add(v.deepCopy()));
		return result;
	}

	private static JsonNode add(JsonNode current, JsonNode value) {
		String type = AttributeValues.type(value);
		if (current == null) {
			return value.deepCopy();
		}
		if (type.equals("N") && current.has("N")) {
			return arithmetic(current, value, true);
		}
		if (current.has(type) && (type.equals("SS") || type.equals("NS") || type.equals("BS"))) {
			ObjectNode result = Json.object();
			ArrayNode set = result.putArray(type);
			Set<String> seen = new HashSet<>();
			for (JsonNode element : current.get(type)) {
				if (seen.add(element.asString())) {
					set.add(element);
				}
			}
			for (JsonNode element : value.get(type)) {
				if (seen.add(element.asString())) {
					set.add(element);
				}
			}
			return result;
		}
		throw AwsException.validation("An operand in the update expression has an incorrect data type");
	}

	private static JsonNode delete(JsonNode current, JsonNode value) {
		String type = AttributeValues.type(value);
		if (!(type.equals("SS") || type.equals("NS") || type.equals("BS"))) {
			throw AwsException.validation("An operand in the update expression has an incorrect data type");
		}
		if (current == null) {
			return null;
		}
		Set<String> removed = new HashSet<>();
		value.get(type).forEach((e) -> removed.add(e.asString()));
		ObjectNode result = Json.object();
		ArrayNode set = result.putArray(type);
		current.path(type).forEach((e) -> {
			if (!removed.contains(e.asString())) {
				set.add(e);
			}
		});
		return set.isEmpty() ? null : result;
	}

	/** DynamoDB's reserved words (its published list), which must be written as {@code #names}. */
	private static final class Reserved {

		static final Set<String> WORDS = load();

		private static Set<String> load() {
			try (var in = Expressions.class.getResourceAsStream("reserved-words.txt")) {
				Set<String> words = new HashSet<>();
				new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
					.map(String::trim).filter((w) -> !w.isEmpty()).forEach((w) -> words.add(w.toUpperCase(Locale.ROOT)));
				return words;
			}
			catch (java.io.IOException | NullPointerException ex) {
				throw new IllegalStateException("reserved-words.txt missing from the class path", ex);
			}
		}

	}

}
