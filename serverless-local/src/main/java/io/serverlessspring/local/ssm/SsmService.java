package io.serverlessspring.local.ssm;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.server.AwsException;
import io.serverlessspring.local.server.AwsRequest;
import io.serverlessspring.local.server.AwsResponse;
import io.serverlessspring.local.server.AwsService;
import io.serverlessspring.local.server.Json;
import io.serverlessspring.local.server.LocalContext;
import io.serverlessspring.local.server.Page;
import io.serverlessspring.local.server.Persistent;
import io.serverlessspring.local.server.Protocol;

/**
 * SSM Parameter Store (awsJson1.1, {@code AmazonSSM.*}): PutParameter (String, StringList,
 * SecureString; versions, overwrite, tiers, allowed patterns, tags), GetParameter (also
 * {@code name:version}), GetParameters, GetParametersByPath (what Spring Cloud AWS's
 * {@code aws-parameterstore:} import walks: recursive, paged), DeleteParameter(s),
 * DescribeParameters (never values), GetParameterHistory, and tags. SecureString values are kept as
 * given (there is no KMS here): without {@code WithDecryption} readers get a base64 blob in their
 * place, as AWS answers with the ciphertext. Values are never logged.
 */
public final class SsmService implements AwsService, Persistent {

	static final String DEFAULT_KEY = "alias/aws/ssm";

	private static final int BY_PATH_MAX_RESULTS = 10;

	private static final int DESCRIBE_MAX_RESULTS = 50;

	private static final int HISTORY_MAX_RESULTS = 50;

	private static final int GET_PARAMETERS_MAX_NAMES = 10;

	private static final Set<String> TYPES = Set.of("String", "StringList", "SecureString");

	private static final Set<String> DATA_TYPES = Set.of("text", "aws:ec2:image", "aws:ssm:integration");

	private static final Map<String, Integer> TIER_LIMITS = Map.of("Standard", 4096, "Advanced", 8192);

	private final ParameterStore store = new ParameterStore();

	private final SecureRandom random = new SecureRandom();

	private LocalContext context;

	@Override
	public String signingName() {
		return "ssm";
	}

	@Override
	public Protocol protocol() {
		return Protocol.JSON;
	}

	@Override
	public Set<String> targetPrefixes() {
		return Set.of("AmazonSSM");
	}

	@Override
	public void start(LocalContext context) {
		this.context = context;
	}

	@Override
	public synchronized AwsResponse handle(AwsRequest request) {
		ObjectNode input = request.json();
		ObjectNode output = switch (String.valueOf(request.targetOperation())) {
			case "PutParameter" -> putParameter(input);
			case "GetParameter" -> Json.object().set("Parameter", parameter(existing(input), input, true));
			case "GetParameters" -> getParameters(input);
			case "GetParametersByPath" -> getParametersByPath(input);
			case "DeleteParameter" -> {
				String name = Json.required(input, "Name");
				if (!this.store.delete(name)) {
					throw notFound(name);
				}
				yield Json.object();
			}
			case "DeleteParameters" -> deleteParameters(input);
			case "DescribeParameters" -> describeParameters(input);
			case "GetParameterHistory" -> getParameterHistory(input);
			case "AddTagsToResource" -> {
				Map<String, String> tags = taggedParameter(input);
				readTags(input).forEach(tags::put);
				yield Json.object();
			}
			case "RemoveTagsFromResource" -> {
				Map<String, String> tags = taggedParameter(input);
				Json.stringList(input, "TagKeys").forEach(tags::remove);
				yield Json.object();
			}
			case "ListTagsForResource" -> {
				ObjectNode result = Json.object();
				ArrayNode list = result.putArray("TagList");
				taggedParameter(input).forEach((k, v) -> list.addObject().put("Key", k).put("Value", v));
				yield result;
			}
			default -> throw AwsException.badRequest("UnknownOperationException",
					"Unknown operation: " + request.targetOperation());
		};
		return AwsResponse.amzJson(output);
	}

	// ---- writing ------------------------------------------------------------------------------------

	private ObjectNode putParameter(JsonNode input) {
		String name = Json.required(input, "Name");
		String value = Json.string(input, "Value");
		if (value == null || value.isEmpty()) {
			throw AwsException.validation("1 validation error detected: Value '' at 'value' failed to satisfy constraint: "
					+ "Member must have length greater than or equal to 1.");
		}
		ParameterNames.validate(name);
		boolean overwrite = input.path("Overwrite").asBoolean(false);
		Map<String, String> tags = readTags(input);
		if (overwrite && !tags.isEmpty()) {
			throw AwsException.validation("Invalid request: tags and overwrite can't be used together. To create a "
					+ "parameter with tags, please remove overwrite flag. To update tags for an existing parameter, "
					+ "please use AddTagsToResource or RemoveTagsFromResource.");
		}
		ParameterVersion previous = this.store.current(name);
		if (previous != null && !overwrite) {
			throw AwsException.badRequest("ParameterAlreadyExists",
					"The parameter already exists. To overwrite this value, set the overwrite option in the request to true.");
		}
		String type = Json.string(input, "Type");
		if (type == null) {
			if (previous == null) {
				throw AwsException.validation("A parameter type is required when you create a parameter.");
			}
			type = previous.type();
		}
		if (!TYPES.contains(type)) {
			throw AwsException.validation("1 validation error detected: Value '" + type + "' at 'type' failed to satisfy "
					+ "constraint: Member must satisfy enum value set: [SecureString, StringList, String]");
		}
		String keyId = Json.string(input, "KeyId");
		if (keyId != null && !"SecureString".equals(type)) {
			throw AwsException.validation("KeyId is required for SecureString type parameter only.");
		}
		if ("SecureString".equals(type) && keyId == null) {
			keyId = (previous != null && previous.keyId() != null) ? previous.keyId() : DEFAULT_KEY;
		}
		String description = inherit(Json.string(input, "Description"), previous, ParameterVersion::description);
		if (description != null && description.length() > 1024) {
			throw AwsException.validation("1 validation error detected: Value at 'description' failed to satisfy "
					+ "constraint: Member must have length less than or equal to 1024");
		}
		String allowedPattern = inherit(Json.string(input, "AllowedPattern"), previous, ParameterVersion::allowedPattern);
		if (allowedPattern != null && !matches(allowedPattern, value)) {
			throw AwsException.badRequest("ParameterPatternMismatchException",
					"Parameter value, cannot be validated against allowedPattern: " + allowedPattern);
		}
		String dataType = inherit(Json.string(input, "DataType"), previous, ParameterVersion::dataType);
		dataType = (dataType != null) ? dataType : "text";
		if (!DATA_TYPES.contains(dataType)) {
			throw AwsException.validation("The following data type is not supported: " + dataType
					+ " (Data type names are all lowercase.)");
		}
		String tier = tier(Json.string(input, "Tier"), previous, value);
		long version = (previous != null) ? previous.version() + 1 : 1;
		this.store.put(new ParameterVersion(name, type, value, "SecureString".equals(type) ? ciphertext() : null,
				"SecureString".equals(type) ? keyId : null, description, allowedPattern, dataType, tier, version,
				this.context.clock().millis()));
		if (previous == null) {
			this.store.tags(name).putAll(tags);
		}
		return Json.object().put("Version", version).put("Tier", tier);
	}

	/** Standard unless asked (or needed, with Intelligent-Tiering); an overwrite keeps the tier. */
	private static String tier(String asked, ParameterVersion previous, String value) {
		String tier;
		if (asked == null) {
			tier = (previous != null) ? previous.tier() : "Standard";
		}
		else if ("Intelligent-Tiering".equals(asked)) {
			tier = (value.length() > TIER_LIMITS.get("Standard")) ? "Advanced" : "Standard";
		}
		else if (TIER_LIMITS.containsKey(asked)) {
			tier = asked;
		}
		else {
			throw AwsException.validation("1 validation error detected: Value '" + asked + "' at 'tier' failed to satisfy "
					+ "constraint: Member must satisfy enum value set: [Advanced, Intelligent-Tiering, Standard]");
		}
		if (value.length() > TIER_LIMITS.get("Advanced")) {
			throw AwsException.validation("1 validation error detected: Value at 'value' failed to satisfy constraint: "
					+ "Member must have length less than or equal to 8192");
		}
		if (value.length() > TIER_LIMITS.get(tier)) {
			throw AwsException.validation("Standard tier parameters support a maximum parameter value of 4096 characters. "
					+ "To create a larger parameter value, upgrade the parameter to use the advanced-parameter tier.");
		}
		return tier;
	}

	private static String inherit(String given, ParameterVersion previous,
			java.util.function.Function<ParameterVersion, String> member) {
		return (given != null || previous == null) ? given : member.apply(previous);
	}

	private static boolean matches(String pattern, String value) {
		try {
			return Pattern.compile(pattern).matcher(value).matches();
		}
		catch (PatternSyntaxException ex) {
			throw AwsException.badRequest("InvalidAllowedPatternException",
					"The allowedPattern is not a valid regular expression: " + pattern);
		}
	}

	/** Stands in for KMS ciphertext: a base64 blob of KMS's envelope header and random bytes, no clue to the value. */
	private String ciphertext() {
		byte[] blob = new byte[184];
		this.random.nextBytes(blob);
		System.arraycopy(new byte[] { 1, 2, 2, 0, 0x78 }, 0, blob, 0, 5);
		return Base64.getEncoder().encodeToString(blob);
	}

	private ObjectNode deleteParameters(JsonNode input) {
		List<String> names = names(input);
		ObjectNode result = Json.object();
		ArrayNode deleted = result.putArray("DeletedParameters");
		ArrayNode invalid = result.putArray("InvalidParameters");
		for (String name : names) {
			(this.store.delete(name) ? deleted : invalid).add(name);
		}
		return result;
	}

	// ---- reading ------------------------------------------------------------------------------------

	/** The version a {@code Name} (or ARN, optionally {@code :version}) points at; ParameterNotFound if none. */
	private ParameterVersion existing(JsonNode input) {
		return find(Json.required(input, "Name"), true);
	}

	private ParameterVersion find(String reference, boolean failIfMissing) {
		String name = ParameterNames.fromNameOrArn(reference);
		String selector = null;
		int colon = name.lastIndexOf(':');
		if (colon > 0) {
			selector = name.substring(colon + 1);
			name = name.substring(0, colon);
		}
		ParameterVersion current = this.store.current(name);
		if (current == null) {
			if (failIfMissing) {
				throw notFound(reference);
			}
			return null;
		}
		if (selector == null) {
			return current;
		}
		if (selector.matches("[0-9]{1,19}")) {
			long wanted = Long.parseLong(selector);
			for (ParameterVersion version : this.store.history(name)) {
				if (version.version() == wanted) {
					return version;
				}
			}
		}
		if (!failIfMissing) {
			return null;
		}
		// labels are not kept here, so a label selector never matches
		throw AwsException.badRequest("ParameterVersionNotFound", "Systems Manager could not find version " + selector
				+ " of " + name + ". Verify the version and try again.");
	}

	private static AwsException notFound(String name) {
		return AwsException.badRequest("ParameterNotFound", "Parameter " + name + " not found.");
	}

	private ObjectNode getParameters(JsonNode input) {
		List<String> names = names(input);
		boolean decrypt = input.path("WithDecryption").asBoolean(false);
		ObjectNode result = Json.object();
		ArrayNode found = result.putArray("Parameters");
		ArrayNode invalid = result.putArray("InvalidParameters");
		for (String name : new java.util.LinkedHashSet<>(names)) {
			ParameterVersion version = find(name, false);
			if (version == null) {
				invalid.add(name);
			}
			else {
				found.add(parameter(version, decrypt));
			}
		}
		return result;
	}

	private static List<String> names(JsonNode input) {
		List<String> names = Json.stringList(input, "Names");
		if (names.isEmpty() || names.size() > GET_PARAMETERS_MAX_NAMES) {
			throw AwsException.validation("1 validation error detected: Value at 'names' failed to satisfy constraint: "
					+ "Member must have length " + (names.isEmpty() ? "greater than or equal to 1" : "less than or equal to 10"));
		}
		return names;
	}

	private ObjectNode getParametersByPath(JsonNode input) {
		String path = ParameterNames.validatePath(Json.required(input, "Path"));
		boolean recursive = input.path("Recursive").asBoolean(false);
		boolean decrypt = input.path("WithDecryption").asBoolean(false);
		int maxResults = maxResults(input, BY_PATH_MAX_RESULTS, BY_PATH_MAX_RESULTS);
		List<ParameterFilter> filters = ParameterFilter.read(input.path("ParameterFilters"), Set.of("Type", "KeyId", "Label"));
		List<ParameterVersion> matching = new ArrayList<>();
		for (ParameterVersion version : this.store.all()) {
			if (ParameterNames.isUnder(version.name(), path, recursive) && ParameterFilter.matchAll(filters, version, this.store)) {
				matching.add(version);
			}
		}
		Page<ParameterVersion> page = Page.of(matching, (v) -> ParameterNames.key(v.name()), Json.string(input, "NextToken"),
				maxResults, "InvalidNextToken");
		ObjectNode result = Json.object();
		ArrayNode list = result.putArray("Parameters");
		page.items().forEach((version) -> list.add(parameter(version, decrypt)));
		if (page.nextToken() != null) {
			result.put("NextToken", page.nextToken());
		}
		return result;
	}

	private ObjectNode describeParameters(JsonNode input) {
		if (!input.path("Filters").isEmpty() && !input.path("ParameterFilters").isEmpty()) {
			throw AwsException.validation("You can use either Filters or ParameterFilters in a single request.");
		}
		int maxResults = maxResults(input, DESCRIBE_MAX_RESULTS, 10);
		List<ParameterFilter> filters = new ArrayList<>(ParameterFilter.read(input.path("ParameterFilters"),
				Set.of("Name", "Path", "Type", "KeyId", "Tier", "DataType")));
		filters.addAll(ParameterFilter.readLegacy(input.path("Filters")));
		List<ParameterVersion> matching = this.store.all().stream()
			.filter((version) -> ParameterFilter.matchAll(filters, version, this.store))
			.toList();
		Page<ParameterVersion> page = Page.of(matching, (v) -> ParameterNames.key(v.name()), Json.string(input, "NextToken"),
				maxResults, "InvalidNextToken");
		ObjectNode result = Json.object();
		ArrayNode list = result.putArray("Parameters");
		for (ParameterVersion version : page.items()) {
			ObjectNode metadata = list.addObject();
			metadata.put("Name", version.name());
			metadata.put("ARN", arn(version.name()));
			metadata.put("Type", version.type());
			describe(metadata, version);
		}
		if (page.nextToken() != null) {
			result.put("NextToken", page.nextToken());
		}
		return result;
	}

	private ObjectNode getParameterHistory(JsonNode input) {
		String name = ParameterNames.fromNameOrArn(Json.required(input, "Name"));
		List<ParameterVersion> history = this.store.history(name);
		if (history.isEmpty()) {
			throw notFound(name);
		}
		boolean decrypt = input.path("WithDecryption").asBoolean(false);
		int maxResults = maxResults(input, HISTORY_MAX_RESULTS, HISTORY_MAX_RESULTS);
		// versions sort as text by a fixed-width key
		Page<ParameterVersion> page = Page.of(history, (v) -> String.format(Locale.ROOT, "%019d", v.version()),
				Json.string(input, "NextToken"), maxResults, "InvalidNextToken");
		ObjectNode result = Json.object();
		ArrayNode list = result.putArray("Parameters");
		for (ParameterVersion version : page.items()) {
			ObjectNode item = list.addObject();
			item.put("Name", version.name());
			item.put("Type", version.type());
			item.put("Value", version.visibleValue(decrypt));
			describe(item, version);
			item.putArray("Labels");
		}
		if (page.nextToken() != null) {
			result.put("NextToken", page.nextToken());
		}
		return result;
	}

	/** The members DescribeParameters and GetParameterHistory share (never the value). */
	private void describe(ObjectNode node, ParameterVersion version) {
		if (version.keyId() != null) {
			node.put("KeyId", version.keyId());
		}
		node.set("LastModifiedDate", Json.epochSeconds(version.modifiedMillis()));
		node.put("LastModifiedUser", "arn:aws:iam::" + this.context.accountId() + ":root");
		if (version.description() != null) {
			node.put("Description", version.description());
		}
		if (version.allowedPattern() != null) {
			node.put("AllowedPattern", version.allowedPattern());
		}
		node.put("Version", version.version());
		node.put("Tier", version.tier());
		node.putArray("Policies");
		node.put("DataType", version.dataType());
	}

	private static int maxResults(JsonNode input, int max, int byDefault) {
		int maxResults = Json.integer(input, "MaxResults", byDefault);
		if (maxResults < 1 || maxResults > max) {
			throw AwsException.validation("1 validation error detected: Value '" + maxResults + "' at 'maxResults' failed "
					+ "to satisfy constraint: Member must have value " + ((maxResults < 1) ? "greater than or equal to 1"
							: "less than or equal to " + max));
		}
		return maxResults;
	}

	/** A parameter as GetParameter(s) and GetParametersByPath answer it. */
	private ObjectNode parameter(ParameterVersion version, JsonNode input, boolean selectorAware) {
		ObjectNode node = parameter(version, input.path("WithDecryption").asBoolean(false));
		String name = Json.string(input, "Name");
		if (selectorAware && name != null && ParameterNames.fromNameOrArn(name).lastIndexOf(':') > 0) {
			node.put("Selector", name.substring(name.lastIndexOf(':')));
		}
		return node;
	}

	private ObjectNode parameter(ParameterVersion version, boolean decrypt) {
		ObjectNode node = Json.object();
		node.put("Name", version.name());
		node.put("Type", version.type());
		node.put("Value", version.visibleValue(decrypt));
		node.put("Version", version.version());
		node.set("LastModifiedDate", Json.epochSeconds(version.modifiedMillis()));
		node.put("ARN", arn(version.name()));
		node.put("DataType", version.dataType());
		return node;
	}

	private String arn(String name) {
		return ParameterNames.arn(this.context.region(), this.context.accountId(), name);
	}

	// ---- tags ---------------------------------------------------------------------------------------

	private Map<String, String> taggedParameter(JsonNode input) {
		String type = Json.required(input, "ResourceType");
		if (!"Parameter".equals(type)) {
			throw AwsException.badRequest("InvalidResourceType",
					"The resource type is not valid: this local cloud tags only Parameter resources.");
		}
		String name = ParameterNames.fromNameOrArn(Json.required(input, "ResourceId"));
		if (this.store.current(name) == null) {
			throw AwsException.badRequest("InvalidResourceId", "The resource ID is not valid. Verify the ID and try again.");
		}
		return this.store.tags(name);
	}

	private static Map<String, String> readTags(JsonNode input) {
		Map<String, String> tags = new LinkedHashMap<>();
		Set<String> seen = new HashSet<>();
		for (JsonNode tag : input.path("Tags")) {
			String key = Json.required(tag, "Key");
			if (!seen.add(key)) {
				throw AwsException.validation("Duplicate tag key: " + key);
			}
			tags.put(key, tag.path("Value").asString(""));
		}
		return tags;
	}

	// ---- persistence ----------------------------------------------------------------------------------

	@Override
	public synchronized JsonNode saveState() {
		return this.store.save();
	}

	@Override
	public synchronized void loadState(JsonNode state) {
		this.store.load(state);
	}

}
