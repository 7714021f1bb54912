package io.serverlessspring.boot.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.amazonaws.serverless.proxy.model.AlbContext;
import io.serverlessspring.boot.routing.JsonFieldPath;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * Reads the fields of an HTTP event's JSON tree as Jackson's binding into upstream's model would
 * (scalars as their text, objects of strings as maps, unknown fields ignored), naming the field
 * ({@link HttpEventShape.WrongTypeException}) where Jackson would have failed. Shared by the request
 * mappers: the router has parsed the event into a tree already, and binding that tree through the
 * bean deserializer again was the largest part of the warm overhead over raw (issue 12).
 */
final class EventTreeFields {

	/** Readers for the nested parts, each made when first needed: many functions never see one. */
	private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {

		@Override
		protected ObjectReader computeValue(Class<?> type) {
			return HttpEventRoute.JSON.readerFor(type);
		}

	};

	private EventTreeFields() {
	}

	/** A scalar as its text, as Jackson binds a {@code String} (numbers and booleans included). */
	static String text(JsonNode node, String name, String parent) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isValueNode()) {
			throw new HttpEventShape.WrongTypeException(field(parent, name), value);
		}
		return value.asString();
	}

	/** A {@code long}: a number, or a string holding one; absent is 0; null is refused, as Jackson does for a primitive. */
	static long number(JsonNode node, String name, String parent) {
		JsonNode value = node.get(name);
		if (value == null) {
			return 0L;
		}
		if (value.isNumber()) {
			return value.asLong();
		}
		if (value.isString()) {
			try {
				return Long.parseLong(value.asString().trim());
			}
			catch (NumberFormatException ex) {
				// Not a number: reported below, like any other wrong type.
			}
		}
		throw new HttpEventShape.WrongTypeException(field(parent, name), value);
	}

	/** {@code true} only for JSON {@code true} (the shape check refuses anything but a boolean). */
	static boolean flag(JsonNode node, String name) {
		JsonNode value = node.get(name);
		return value != null && value.asBoolean(false);
	}

	/** An object of scalars as a map made by {@code factory}, or {@code null} when absent. */
	static <M extends Map<String, String>> M stringMap(JsonNode node, String name, Supplier<M> factory) {
		return entries(node, name, factory, EventTreeFields::scalarEntry);
	}

	static Map<String, String> stringMap(JsonNode node, String name) {
		return stringMap(node, name, LinkedHashMap::new);
	}

	/** An object of arrays of scalars as a multi-value map made by {@code factory}, or {@code null}. */
	static <M extends Map<String, List<String>>> M stringListMap(JsonNode node, String name, Supplier<M> factory) {
		return entries(node, name, factory, (list, map, key) -> list.isNull() ? null : scalars(list, map, key));
	}

	/** An array of scalars, or {@code null} when absent. */
	static List<String> stringList(JsonNode node, String name) {
		JsonNode value = node.get(name);
		return (value == null || value.isNull()) ? null : scalars(value, name, null);
	}

	/** The object at {@code name}, or {@code null} when absent or null. */
	static JsonNode object(JsonNode node, String name, String parent) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		requireObject(value, field(parent, name));
		return value;
	}

	/** The ALB context ({@code requestContext.elb}) upstream's request models share, or {@code null}. */
	static AlbContext albContext(JsonNode requestContext, String parent) {
		JsonNode elb = object(requestContext, "elb", parent);
		if (elb == null) {
			return null;
		}
		AlbContext alb = new AlbContext();
		alb.setTargetGroupArn(text(elb, "targetGroupArn", parent + ".elb"));
		return alb;
	}

	/**
	 * A nested part with its own deserializer (an authorizer), bound by Jackson with a reader made on
	 * first use; {@code null} when absent. A failure names the field from the event's root.
	 */
	static <T> T bound(JsonNode node, String name, String parent, Class<T> type) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		try {
			return READERS.get(type).readValue(value);
		}
		catch (JacksonException ex) {
			String field = field(parent, name);
			JsonFieldPath path = JsonFieldPath.of(ex);
			if (path.isEmpty()) {
				throw new HttpEventShape.WrongTypeException(field, value);
			}
			throw new HttpEventShape.WrongTypeException(field + "." + path, value.at(path.pointer()));
		}
	}

	private static <V, M extends Map<String, V>> M entries(JsonNode node, String name, Supplier<M> factory,
			EntryReader<V> reader) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		requireObject(value, name);
		M map = factory.get();
		for (Map.Entry<String, JsonNode> entry : value.properties()) {
			map.put(entry.getKey(), reader.read(entry.getValue(), name, entry.getKey()));
		}
		return map;
	}

	/** The elements of an array of scalars; {@code key} names the map entry it is, if any. */
	private static List<String> scalars(JsonNode value, String name, String key) {
		if (!value.isArray()) {
			throw new HttpEventShape.WrongTypeException(field(name, key), value);
		}
		List<String> list = new ArrayList<>(value.size());
		for (int i = 0; i < value.size(); i++) {
			JsonNode element = value.get(i);
			if (!element.isValueNode()) {
				throw new HttpEventShape.WrongTypeException(field(name, key) + "[" + i + "]", element);
			}
			list.add(element.isNull() ? null : element.asString());
		}
		return list;
	}

	private static String scalarEntry(JsonNode value, String map, String key) {
		if (!value.isValueNode()) {
			throw new HttpEventShape.WrongTypeException(map + "." + key, value);
		}
		return value.isNull() ? null : value.asString();
	}

	private static void requireObject(JsonNode value, String field) {
		if (!value.isObject()) {
			throw new HttpEventShape.WrongTypeException(field, value);
		}
	}

	private static String field(String parent, String name) {
		if (parent == null) {
			return name;
		}
		return (name != null) ? parent + "." + name : parent;
	}

	/**
	 * Reads one entry of a map field; field names for an error are built only on an error (every
	 * header of every event goes through here).
	 */
	@FunctionalInterface
	private interface EntryReader<V> {

		V read(JsonNode value, String map, String key);

	}

}
