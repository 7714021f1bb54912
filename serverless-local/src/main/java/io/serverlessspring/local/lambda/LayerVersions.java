package io.serverlessspring.local.lambda;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.server.Json;
import io.serverlessspring.local.server.LocalContext;

/**
 * Lambda layers: numbered, immutable versions of a zip that functions name in {@code Layers} and find
 * unpacked under {@code /opt} (here: their {@code java/lib/*.jar} join the function's classpath).
 * As in Lambda, a deleted version cannot be added to a function any more, but the functions that
 * already use it keep its content. Callers hold the function registry's monitor, except
 * {@link #unpacked} (invokers), which reads only the concurrent map of code keys.
 */
final class LayerVersions {

	private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9-_]{1,140}");

	private static final Pattern ARN = Pattern.compile("arn:aws:lambda:[a-z0-9-]+:\\d{12}:layer:([a-zA-Z0-9-_]+)(?::(\\d+))?");

	private static final int MAX_LAYERS = 5;

	/** Saved state: layers by name, and the code of every version ever published by version ARN. */
	public static final class State {

		/** {@code GetLayerVersion} documents (without {@code Content.Location}) by layer name, then version. */
		public Map<String, TreeMap<Integer, ObjectNode>> layers = new LinkedHashMap<>();

		/** Next version number by layer name (numbers are never reused, even after deletes). */
		public Map<String, Integer> nextVersions = new LinkedHashMap<>();

		/** Code key by layer version ARN, deleted versions included while a function uses them (read by invokers unlocked). */
		public java.util.concurrent.ConcurrentHashMap<String, String> codeKeys = new java.util.concurrent.ConcurrentHashMap<>();

	}

	private State state = new State();

	private LocalContext context;

	private CodeStore code;

	void start(LocalContext context, CodeStore code) {
		this.context = context;
		this.code = code;
	}

	/** PublishLayerVersion: the zip from {@code Content} (base64 or an S3 object) as the next version. */
	ObjectNode publish(String layerName, ObjectNode in) {
		String name = name(layerName);
		JsonNode content = in.get("Content");
		byte[] zip = FunctionValidation.code(this.context, content, "Content");
		String key = this.code.put(zip);
		int number = this.state.nextVersions.merge(name, 1, Integer::sum);
		String arn = layerArn(name) + ":" + number;
		ObjectNode version = Json.object();
		ObjectNode described = version.putObject("Content");
		described.put("CodeSha256", CodeStore.codeSha256(zip));
		described.put("CodeSize", zip.length);
		version.put("LayerArn", layerArn(name));
		version.put("LayerVersionArn", arn);
		version.put("Description", in.path("Description").asString(""));
		version.put("CreatedDate", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")));
		version.put("Version", number);
		for (String list : List.of("CompatibleRuntimes", "CompatibleArchitectures")) {
			if (in.has(list)) {
				version.set(list, in.get(list).deepCopy());
			}
		}
		if (in.hasNonNull("LicenseInfo")) {
			version.put("LicenseInfo", Json.string(in, "LicenseInfo"));
		}
		this.state.layers.computeIfAbsent(name, (n) -> new TreeMap<>()).put(number, version);
		this.state.codeKeys.put(arn, key);
		return withLocation(version, key);
	}

	/** ListLayerVersions: newest first, without the content. */
	ObjectNode list(String layerName) {
		ObjectNode out = Json.object();
		ArrayNode list = out.putArray("LayerVersions");
		this.state.layers.getOrDefault(name(layerName), new TreeMap<>()).descendingMap().values().forEach((v) -> {
			ObjectNode item = v.deepCopy();
			item.remove("Content");
			item.remove("LayerArn");
			list.add(item);
		});
		return out;
	}

	/** ListLayers: each layer with its latest version. */
	ObjectNode listLayers() {
		ObjectNode out = Json.object();
		ArrayNode list = out.putArray("Layers");
		this.state.layers.forEach((name, versions) -> {
			if (!versions.isEmpty()) {
				ObjectNode item = list.addObject();
				item.put("LayerName", name);
				item.put("LayerArn", layerArn(name));
				ObjectNode latest = versions.lastEntry().getValue().deepCopy();
				latest.remove("Content");
				latest.remove("LayerArn");
				item.set("LatestMatchingVersion", latest);
			}
		});
		return out;
	}

	/** GetLayerVersion. */
	ObjectNode get(String layerName, String number) {
		String name = name(layerName);
		ObjectNode version = version(name, number);
		return withLocation(version, this.state.codeKeys.get(layerArn(name) + ":" + number));
	}

	/** GetLayerVersionByArn. */
	ObjectNode getByArn(String arn) {
		Matcher matcher = ARN.matcher((arn != null) ? arn : "");
		if (!matcher.matches() || matcher.group(2) == null) {
			throw LambdaErrors.invalid("1 validation error detected: Value '" + arn
					+ "' at 'arn' failed to satisfy constraint: Member must satisfy regular expression pattern: "
					+ "arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+");
		}
		return get(matcher.group(1), matcher.group(2));
	}

	/** DeleteLayerVersion: succeeds when the version is already gone, as in Lambda. */
	void delete(String layerName, String number, Set<String> arnsInUse) {
		String name = name(layerName);
		TreeMap<Integer, ObjectNode> versions = this.state.layers.get(name);
		try {
			if (versions != null) {
				versions.remove(Integer.parseInt(number));
				if (versions.isEmpty()) {
					this.state.layers.remove(name);
				}
			}
		}
		catch (NumberFormatException ex) {
			throw LambdaErrors.invalid("1 validation error detected: Value '" + number
					+ "' at 'versionNumber' failed to satisfy constraint: Member must be a number");
		}
		forgetUnused(arnsInUse);
	}

	/**
	 * A function's {@code Layers} member as Lambda returns it ({@code Arn}, {@code CodeSize}), each
	 * version existing (or already used by the function: {@code current}).
	 */
	ArrayNode references(JsonNode requested, JsonNode current) {
		Set<String> kept = new HashSet<>();
		for (JsonNode layer : current) {
			kept.add(layer.path("Arn").asString());
		}
		List<String> arns = new ArrayList<>();
		if (requested != null) {
			requested.forEach((arn) -> arns.add(arn.asString()));
		}
		if (arns.size() > MAX_LAYERS) {
			throw LambdaErrors.invalid("Cannot reference more than " + MAX_LAYERS + " layers.");
		}
		ArrayNode layers = Json.array();
		for (String arn : arns) {
			Matcher matcher = ARN.matcher(arn);
			ObjectNode version = null;
			if (matcher.matches() && matcher.group(2) != null) {
				TreeMap<Integer, ObjectNode> versions = this.state.layers.get(matcher.group(1));
				version = (versions != null) ? versions.get(Integer.parseInt(matcher.group(2))) : null;
			}
			if (version == null && !(kept.contains(arn) && this.state.codeKeys.containsKey(arn))) {
				throw LambdaErrors.invalid("Layer version " + arn + " does not exist.");
			}
			ObjectNode reference = layers.addObject();
			reference.put("Arn", arn);
			reference.put("CodeSize", this.code.size(this.state.codeKeys.get(arn)));
		}
		return layers;
	}

	/** The unpacked layers of a configuration, in its order (later layers win, as they overwrite {@code /opt}). */
	List<java.nio.file.Path> unpacked(JsonNode configuration) {
		List<java.nio.file.Path> directories = new ArrayList<>();
		for (JsonNode layer : configuration.path("Layers")) {
			String key = this.state.codeKeys.get(layer.path("Arn").asString());
			if (key != null) {
				directories.add(this.code.unpacked(key));
			}
		}
		return directories;
	}

	/** Code keys of live versions and of deleted ones still in use. */
	Set<String> codeKeys() {
		return new HashSet<>(this.state.codeKeys.values());
	}

	/** Drops the code of deleted versions no function uses any more. */
	void forgetUnused(Set<String> arnsInUse) {
		this.state.codeKeys.keySet().removeIf((arn) -> !arnsInUse.contains(arn) && !exists(arn));
	}

	State saveState() {
		return this.state;
	}

	void loadState(JsonNode saved) {
		this.state = (saved == null || saved.isMissingNode() || saved.isNull()) ? new State()
				: Json.mapper().treeToValue(saved, State.class);
	}

	private boolean exists(String arn) {
		Matcher matcher = ARN.matcher(arn);
		if (!matcher.matches() || matcher.group(2) == null) {
			return false;
		}
		TreeMap<Integer, ObjectNode> versions = this.state.layers.get(matcher.group(1));
		return versions != null && versions.containsKey(Integer.parseInt(matcher.group(2)));
	}

	private ObjectNode version(String name, String number) {
		TreeMap<Integer, ObjectNode> versions = this.state.layers.get(name);
		ObjectNode version = null;
		try {
			version = (versions != null) ? versions.get(Integer.parseInt(number)) : null;
		}
		catch (NumberFormatException ex) {
			// not a number: not found below
		}
		if (version == null) {
			throw LambdaErrors.notFound("The resource you requested does not exist.");
		}
		return version;
	}

	private ObjectNode withLocation(ObjectNode version, String key) {
		ObjectNode out = version.deepCopy();
		((ObjectNode) out.get("Content")).put("Location", CodeDownloads.location(this.context, key));
		return out;
	}

	private String layerArn(String name) {
		return this.context.arn("lambda", "layer:" + name);
	}

	/** A layer name, or the name in a layer ARN. */
	private static String name(String layerName) {
		Matcher arn = ARN.matcher(layerName);
		if (arn.matches() && arn.group(2) == null) {
			return arn.group(1);
		}
		if (!NAME.matcher(layerName).matches()) {
			throw LambdaErrors.invalid("1 validation error detected: Value '" + layerName
					+ "' at 'layerName' failed to satisfy constraint: Member must satisfy regular expression pattern: "
					+ "(arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+)|[a-zA-Z0-9-_]+");
		}
		return layerName;
	}

}
