package io.serverlessspring.boot.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.serverlessspring.boot.handler.ServerlessHandler;
import io.serverlessspring.boot.http.testapp.HttpTestApplication;
import io.serverlessspring.boot.testapp.RuntimeTestApplication;
import io.serverlessspring.boot.testsupport.Fixtures;
import io.serverlessspring.boot.testsupport.Routing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ContainerNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hundreds of malformed events, made from every real-format fixture the router knows by removing,
 * nulling and retyping fields, truncating the JSON and lying about base64, go through the real
 * entry point. Each must be answered with an error that names what is wrong (or served, when the
 * change was harmless); none may crash the handler or surface a raw library exception, and valid
 * requests are still served afterwards.
 */
class MalformedEventFuzzTest {

	private static final long SEED = 20261204L;

	private static final int MUTATIONS_PER_FIXTURE = 24;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Texts that mean a library's or the JVM's own message reached the caller instead of ours. */
	private static final List<String> RAW_MESSAGES = List.of("tools.jackson", "com.fasterxml", "com.amazonaws.serverless",
			"Cannot invoke \"", "because \"", "NullPointerException", "ClassCastException", "out of bounds",
			"class java.", "Cannot deserialize", "Cannot construct");

	private static final List<Class<? extends Throwable>> CRASHES = List.of(NullPointerException.class,
			ClassCastException.class, IndexOutOfBoundsException.class, StackOverflowError.class,
			UnsupportedOperationException.class);

	private static ServerlessHandler http;

	private static ServerlessHandler runtime;

	@BeforeAll
	static void startBothApps() {
		http = new ServerlessHandler(HttpTestApplication.class);
		runtime = new ServerlessHandler(RuntimeTestApplication.class);
	}

	@Test
	void everyMalformedEventGetsANamedErrorAndTheHandlerKeepsServing() {
		Random random = new Random(SEED);
		List<String> failures = new ArrayList<>();
		Map<String, Integer> outcomes = new TreeMap<>();
		int count = 0;
		for (String fixture : fixtures()) {
			ObjectNode original = (ObjectNode) JSON.readTree(Fixtures.event(fixture));
			for (int i = 0; i < MUTATIONS_PER_FIXTURE; i++) {
				Mutation mutation = mutate(original, fixture, random);
				count++;
				String outcome = check(handlerFor(fixture), mutation, failures);
				outcomes.merge(outcome, 1, Integer::sum);
			}
		}
		for (String body : List.of("", " ", "[]", "42", "\"text\"", "null", "{", "[".repeat(5000) + "]".repeat(5000))) {
			count++;
			outcomes.merge(check(runtime, new Mutation("raw", "payload " + abbreviate(body), body), failures),
					1, Integer::sum);
		}

		assertThat(count).as("malformed events generated").isGreaterThanOrEqualTo(500);
		assertThat(failures).as("events not answered with a named error (%s)", outcomes).isEmpty();
		assertThat(status(invoke(http, Fixtures.event("http-api-v2/get-pet.json")))).isEqualTo(200);
		assertThat(status(invoke(http, Fixtures.event("apigw-rest-v1/get-pet.json")))).isEqualTo(200);
		assertThat(invoke(runtime, Fixtures.event("keep-warm/envelope.json"))).contains("\"ok\":true");
	}

	/** What happened to one event: {@code served}, {@code http <status>}, or the error's class. */
	private static String check(ServerlessHandler handler, Mutation mutation, List<String> failures) {
		try {
			String response = handler.invoke(mutation.json(), Routing.LIVE);
			JsonNode answer = parseQuietly(response);
			if (answer != null && answer.has("statusCode")) {
				int status = answer.path("statusCode").asInt();
				if (status >= 500) {
					failures.add(mutation + " -> HTTP " + status + " " + abbreviate(answer.path("body").asString()));
				}
				if (status == 400 && answer.path("body").asString().contains("Malformed")
						&& !answer.path("body").asString().contains("'")) {
					failures.add(mutation + " -> 400 without the field named: " + answer.path("body").asString());
				}
				return "http " + status;
			}
			return "served";
		}
		catch (Throwable ex) {
			String message = String.valueOf(ex.getMessage());
			boolean crash = CRASHES.stream().anyMatch((type) -> type.isInstance(ex));
			boolean raw = message.isBlank() || "null".equals(message)
					|| RAW_MESSAGES.stream().anyMatch(message::contains);
			if (crash || raw) {
				failures.add(mutation + " -> " + ex.getClass().getName() + ": " + abbreviate(message));
			}
			return ex.getClass().getSimpleName();
		}
	}

	private static Mutation mutate(ObjectNode original, String fixture, Random random) {
		ObjectNode event = original.deepCopy();
		List<String> pointers = new ArrayList<>();
		collect(event, "", pointers);
		String pointer = pointers.get(random.nextInt(pointers.size()));
		int kind = random.nextInt(7);
		String what;
		switch (kind) {
			case 0 -> what = "remove " + pointer + remove(event, pointer);
			case 1 -> what = "null " + pointer + replace(event, pointer, JSON.nullNode());
			case 2 -> what = "array at " + pointer + replace(event, pointer, JSON.createArrayNode().add("x"));
			case 3 -> what = "number at " + pointer + replace(event, pointer, JSON.getNodeFactory().numberNode(42));
			case 4 -> what = "object at " + pointer + replace(event, pointer, JSON.createObjectNode().put("x", "y"));
			case 5 -> {
				String text = event.toString();
				int cut = 1 + random.nextInt(Math.max(1, text.length() - 2));
				return new Mutation(fixture, "truncated at " + cut, text.substring(0, cut));
			}
			default -> {
				event.put("isBase64Encoded", true).put("body", "%%% not base64 %%%");
				what = "body not base64";
			}
		}
		return new Mutation(fixture, what, event.toString());
	}

	/** Every field's JSON pointer, containers included. */
	private static void collect(JsonNode node, String pointer, List<String> into) {
		if (node instanceof ObjectNode object) {
			for (String name : object.propertyNames()) {
				String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
				into.add(child);
				collect(object.get(name), child, into);
			}
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				into.add(pointer + "/" + i);
				collect(array.get(i), pointer + "/" + i, into);
			}
		}
	}

	private static String remove(ObjectNode event, String pointer) {
		ContainerNode<?> parent = parent(event, pointer);
		String last = last(pointer);
		if (parent instanceof ObjectNode object) {
			object.remove(last);
		}
		else if (parent instanceof ArrayNode array) {
			array.remove(Integer.parseInt(last));
		}
		return "";
	}

	private static String replace(ObjectNode event, String pointer, JsonNode value) {
		ContainerNode<?> parent = parent(event, pointer);
		String last = last(pointer);
		if (parent instanceof ObjectNode object) {
			object.set(last, value);
		}
		else if (parent instanceof ArrayNode array) {
			array.set(Integer.parseInt(last), value);
		}
		return "";
	}

	private static ContainerNode<?> parent(ObjectNode event, String pointer) {
		String parentPointer = pointer.substring(0, pointer.lastIndexOf('/'));
		return (ContainerNode<?>) (parentPointer.isEmpty() ? event : event.at(parentPointer));
	}

	private static String last(String pointer) {
		return pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
	}

	private static ServerlessHandler handlerFor(String fixture) {
		return Stream.of("apigw-rest-v1/", "http-api-v2/", "function-url/", "alb/").anyMatch(fixture::startsWith)
				? http : runtime;
	}

	/** Every fixture under {@code events/}, e.g. {@code sqs/adoptions-batch.json}. */
	private static List<String> fixtures() {
		try {
			Path root = Path.of(MalformedEventFuzzTest.class.getResource("/events").toURI());
			try (Stream<Path> files = Files.walk(root)) {
				return files.filter((file) -> file.toString().endsWith(".json"))
					.map((file) -> root.relativize(file).toString().replace('\\', '/'))
					.sorted()
					.toList();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String invoke(ServerlessHandler handler, String json) {
		try {
			return handler.invoke(json, Routing.LIVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int status(String response) {
		return JSON.readTree(response).path("statusCode").asInt();
	}

	private static JsonNode parseQuietly(String json) {
		try {
			return JSON.readTree(json);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String abbreviate(String text) {
		return (text.length() <= 160) ? text : text.substring(0, 160) + "…";
	}

	private record Mutation(String fixture, String what, String json) {

		@Override
		public String toString() {
			return this.fixture + " [" + this.what + "]";
		}

	}

}
