package io.serverlessspring.local.secretsmanager;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

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
 * Secrets Manager (awsJson1.1, {@code secretsmanager.*}): CreateSecret, GetSecretValue (by name, ARN
 * or partial ARN; by version id or staging label), PutSecretValue, UpdateSecret, DescribeSecret,
 * ListSecrets (filters, pages), ListSecretVersionIds, DeleteSecret (a recovery window, during which
 * the secret refuses reads and writes with {@code InvalidRequestException} until RestoreSecret, or at
 * once), RestoreSecret, TagResource and UntagResource. ARNs end with {@code -} and six random
 * characters, as AWS's do. Values are kept as given (no KMS here) and never logged.
 */
public final class SecretsManagerService implements AwsService, Persistent {

	private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9/_+=.@-]{1,512}");

	private static final int MAX_VALUE_LENGTH = 65536;

	private static final String SUFFIX_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private static final Set<String> FILTER_KEYS = Set.of("description", "name", "tag-key", "tag-value",
			"primary-region", "owning-service", "all");

	/** By name: listings come sorted, and pages follow each other. */
	private final TreeMap<String, Secret> secrets = new TreeMap<>();

	private final SecureRandom random = new SecureRandom();

	private LocalContext context;

	@Override
	public String signingName() {
		return "secretsmanager";
	}

	@Override
	public Protocol protocol() {
		return Protocol.JSON;
	}

	@Override
	public Set<String> targetPrefixes() {
		return Set.of("secretsmanager");
	}

	@Override
	public void start(LocalContext context) {
		this.context = context;
	}

	@Override
	public synchronized AwsResponse handle(AwsRequest request) {
		purgeDeleted();
		ObjectNode input = request.json();
		ObjectNode output = switch (String.valueOf(request.targetOperation())) {
			case "CreateSecret" -> createSecret(input);
			case "GetSecretValue" -> getSecretValue(input);
			case "PutSecretValue" -> putSecretValue(input);
			case "UpdateSecret" -> updateSecret(input);
			case "DescribeSecret" -> describe(secret(input), true);
			case "ListSecrets" -> listSecrets(input);
			case "ListSecretVersionIds" -> listSecretVersionIds(input);
			case "DeleteSecret" -> deleteSecret(input);
			case "RestoreSecret" -> {
				Secret secret = secret(input);
				secret.deletionMillis = null;
				yield identity(secret);
			}
			case "TagResource" -> {
				Secret secret = alive(secret(input));
				secret.tags.putAll(readTags(input));
				yield Json.object();
			}
			case "UntagResource" -> {
				Secret secret = alive(secret(input));
				Json.stringList(input, "TagKeys").forEach(secret.tags::remove);
				yield Json.object();
			}
			default -> throw AwsException.badRequest("UnknownOperationException",
					"Unknown operation: " + request.targetOperation());
		};
		return AwsResponse.amzJson(output);
	}

	// ---- writing ------------------------------------------------------------------------------------

	private ObjectNode createSecret(JsonNode input) {
		String name = Json.required(input, "Name", "InvalidParameterException");
		if (!NAME.matcher(name).matches()) {
			throw AwsException.badRequest("InvalidParameterException", "Invalid name. Must be a valid name containing "
					+ "alphanumeric characters, or any of the following: -/_+=.@!");
		}
		String string = Json.string(input, "SecretString");
		String binary = Json.string(input, "SecretBinary");
		checkValue(string, binary, false);
		String token = token(input);
		Secret existing = this.secrets.get(name);
		if (existing != null) {
			if (existing.isDeleted()) {
				throw AwsException.badRequest("InvalidRequestException",
						"You can't create this secret because a secret with this name is already scheduled for deletion.");
			}
			SecretVersion same = existing.versions.get(token);
			if (same != null && same.sameValue(string, binary)) {
				// a retry of the call that created it
				return identity(existing).put("VersionId", token);
			}
			throw AwsException.badRequest("ResourceExistsException",
					"The operation failed because the secret " + name + " already exists.");
		}
		long now = now();
		Secret secret = new Secret(name, arn(name), now);
		secret.description = Json.string(input, "Description");
		secret.kmsKeyId = Json.string(input, "KmsKeyId");
		secret.tags.putAll(readTags(input));
		ObjectNode result = identity(secret);
		if (string != null || binary != null) {
			secret.addVersion(new SecretVersion(token, string, binary, List.of(Secret.CURRENT), now));
			result.put("VersionId", token);
		}
		this.secrets.put(name, secret);
		return result;
	}

	private ObjectNode putSecretValue(JsonNode input) {
		Secret secret = alive(secret(input));
		String string = Json.string(input, "SecretString");
		String binary = Json.string(input, "SecretBinary");
		checkValue(string, binary, true);
		List<String> stages = input.has("VersionStages") ? Json.stringList(input, "VersionStages") : List.of(Secret.CURRENT);
		SecretVersion version = newVersion(secret, token(input), string, binary, stages);
		ObjectNode result = identity(secret).put("VersionId", version.versionId());
		result.set("VersionStages", Json.tree(secret.versions.get(version.versionId()).stages()));
		return result;
	}

	private ObjectNode updateSecret(JsonNode input) {
		Secret secret = alive(secret(input));
		String string = Json.string(input, "SecretString");
		String binary = Json.string(input, "SecretBinary");
		checkValue(string, binary, false);
		String description = Json.string(input, "Description");
		String kmsKeyId = Json.string(input, "KmsKeyId");
		ObjectNode result = identity(secret);
		if (string != null || binary != null) {
			// first, as it may refuse the call (a token in use): then nothing changes
			result.put("VersionId", newVersion(secret, token(input), string, binary, List.of(Secret.CURRENT)).versionId());
		}
		if (input.has("Description")) {
			secret.description = description;
		}
		if (input.has("KmsKeyId")) {
			secret.kmsKeyId = kmsKeyId;
		}
		secret.lastChangedMillis = now();
		return result;
	}

	/** Adds a version, or finds the one an identical retry already wrote (same token, same value). */
	private SecretVersion newVersion(Secret secret, String token, String string, String binary, List<String> stages) {
		SecretVersion existing = secret.versions.get(token);
		if (existing != null) {
			if (existing.sameValue(string, binary)) {
				return existing;
			}
			throw AwsException.badRequest("ResourceExistsException", "You can't use ClientRequestToken " + token
					+ " because that value is already in use for a version of secret " + secret.arn + ".");
		}
		List<String> labels = new ArrayList<>(stages);
		if (secret.versions.isEmpty() && !labels.contains(Secret.CURRENT)) {
			// the first value is always the current one
			labels.add(Secret.CURRENT);
		}
		SecretVersion version = new SecretVersion(token, string, binary, labels, now());
		secret.addVersion(version);
		secret.lastChangedMillis = version.createdMillis();
		return version;
	}

	/** Tags read whole before any is applied: a bad one changes nothing. */
	private static Map<String, String> readTags(JsonNode input) {
		Map<String, String> tags = new LinkedHashMap<>();
		for (JsonNode tag : input.path("Tags")) {
			String value = Json.string(tag, "Value");
			tags.put(Json.required(tag, "Key", "InvalidParameterException"), (value != null) ? value : "");
		}
		return tags;
	}

	private static void checkValue(String string, String binary, boolean required) {
		if (string != null && binary != null) {
			throw AwsException.badRequest("InvalidParameterException",
					"You can't specify both a binary secret value and a string secret value in the same secret.");
		}
		if (required && string == null && binary == null) {
			throw AwsException.badRequest("InvalidRequestException", "You must provide either SecretString or SecretBinary.");
		}
		if ((string != null && string.length() > MAX_VALUE_LENGTH) || (binary != null && binary.length() > MAX_VALUE_LENGTH * 4 / 3 + 4)) {
			throw AwsException.validation("1 validation error detected: Value at '" + ((string != null) ? "secretString" : "secretBinary")
					+ "' failed to satisfy constraint: Member must have length less than or equal to " + MAX_VALUE_LENGTH);
		}
	}

	/** The client request token (the SDKs always send one), or a fresh one; it becomes the version id. */
	private static String token(JsonNode input) {
		String token = Json.string(input, "ClientRequestToken");
		if (token == null) {
			return UUID.randomUUID().toString();
		}
		if (token.length() < 32 || token.length() > 64) {
			throw AwsException.badRequest("InvalidParameterException", "ClientRequestToken must be 32-64 characters long.");
		}
		return token;
	}

	private ObjectNode deleteSecret(JsonNode input) {
		boolean force = input.path("ForceDeleteWithoutRecovery").asBoolean(false);
		boolean windowGiven = input.hasNonNull("RecoveryWindowInDays");
		int window = Json.integer(input, "RecoveryWindowInDays", 30);
		if (force && windowGiven) {
			throw AwsException.badRequest("InvalidParameterException",
					"You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
		}
		if (window < 7 || window > 30) {
			throw AwsException.badRequest("InvalidParameterException",
					"The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).");
		}
		Secret secret = secret(input);
		if (secret.isDeleted() && !force) {
			throw markedForDeletion();
		}
		long deletion;
		if (force) {
			deletion = now();
			this.secrets.remove(secret.name);
		}
		else {
			deletion = now() + Duration.ofDays(window).toMillis();
			secret.deletionMillis = deletion;
		}
		ObjectNode result = identity(secret);
		result.set("DeletionDate", Json.epochSeconds(deletion));
		return result;
	}

	/** Deletions whose recovery window has passed become final. */
	private void purgeDeleted() {
		long now = now();
		this.secrets.values().removeIf((secret) -> secret.isDeleted() && secret.deletionMillis <= now);
	}

	// ---- reading ------------------------------------------------------------------------------------

	private ObjectNode getSecretValue(JsonNode input) {
		Secret secret = secret(input);
		if (secret.isDeleted()) {
			throw markedForDeletion();
		}
		String versionId = Json.string(input, "VersionId");
		String stage = Json.string(input, "VersionStage");
		SecretVersion version;
		if (versionId != null) {
			version = secret.versions.get(versionId);
			if (version == null) {
				throw AwsException.badRequest("ResourceNotFoundException",
						"Secrets Manager can't find the specified secret value for VersionId: " + versionId);
			}
			if (stage != null && !version.stages().contains(stage)) {
				throw AwsException.badRequest("InvalidRequestException",
						"You provided a VersionStage that is not associated to the provided VersionId.");
			}
		}
		else {
			String label = (stage != null) ? stage : Secret.CURRENT;
			version = secret.versionWithStage(label);
			if (version == null) {
				throw AwsException.badRequest("ResourceNotFoundException",
						"Secrets Manager can't find the specified secret value for staging label: " + label);
			}
		}
		// AWS records the day of the last read, not the moment
		secret.lastAccessedMillis = Instant.ofEpochMilli(now()).truncatedTo(ChronoUnit.DAYS).toEpochMilli();
		ObjectNode result = identity(secret);
		result.put("VersionId", version.versionId());
		if (version.secretString() != null) {
			result.put("SecretString", version.secretString());
		}
		if (version.secretBinary() != null) {
			result.put("SecretBinary", version.secretBinary());
		}
		result.set("VersionStages", Json.tree(version.stages()));
		result.set("CreatedDate", Json.epochSeconds(version.createdMillis()));
		return result;
	}

	/** DescribeSecret's answer, or a ListSecrets entry (the same members; the version map named differently). */
	private ObjectNode describe(Secret secret, boolean forDescribe) {
		ObjectNode result = identity(secret);
		if (secret.description != null) {
			result.put("Description", secret.description);
		}
		if (secret.kmsKeyId != null) {
			result.put("KmsKeyId", secret.kmsKeyId);
		}
		result.set("LastChangedDate", Json.epochSeconds(secret.lastChangedMillis));
		if (secret.lastAccessedMillis != null) {
			result.set("LastAccessedDate", Json.epochSeconds(secret.lastAccessedMillis));
		}
		if (secret.deletionMillis != null) {
			result.set("DeletedDate", Json.epochSeconds(secret.deletionMillis));
		}
		if (!secret.tags.isEmpty()) {
			ArrayNode tags = result.putArray("Tags");
			secret.tags.forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
		}
		result.set(forDescribe ? "VersionIdsToStages" : "SecretVersionsToStages", secret.versionsToStages());
		result.set("CreatedDate", Json.epochSeconds(secret.createdMillis));
		return result;
	}

	private ObjectNode listSecrets(JsonNode input) {
		int maxResults = Json.integer(input, "MaxResults", 100);
		if (maxResults < 1 || maxResults > 100) {
			throw AwsException.validation("1 validation error detected: Value '" + maxResults + "' at 'maxResults' failed to "
					+ "satisfy constraint: Member must have value " + ((maxResults < 1) ? "greater than or equal to 1"
							: "less than or equal to 100"));
		}
		List<SecretFilter> filters = new ArrayList<>();
		int index = 0;
		for (JsonNode filter : input.path("Filters")) {
			index++;
			String key = Json.string(filter, "Key");
			if (key == null || !FILTER_KEYS.contains(key)) {
				throw AwsException.validation("1 validation error detected: Value '" + key + "' at 'filters." + index
						+ ".member.key' failed to satisfy constraint: Member must satisfy enum value set: "
						+ "[all, name, tag-key, description, tag-value, primary-region, owning-service]");
			}
			List<String> values = Json.stringList(filter, "Values");
			if (values.isEmpty()) {
				throw AwsException.badRequest("InvalidParameterException", "Invalid filter values for key: " + key);
			}
			filters.add(new SecretFilter(key, values));
		}
		boolean includeDeleted = input.path("IncludePlannedDeletion").asBoolean(false);
		List<Secret> matching = this.secrets.values().stream()
			.filter((secret) -> includeDeleted || !secret.isDeleted())
			.filter((secret) -> filters.stream().allMatch((filter) -> filter.matches(secret)))
			.toList();
		Page<Secret> page = Page.of(matching, (secret) -> secret.name, Json.string(input, "NextToken"), maxResults,
				"InvalidNextTokenException");
		ObjectNode result = Json.object();
		ArrayNode list = result.putArray("SecretList");
		page.items().forEach((secret) -> list.add(describe(secret, false)));
		if (page.nextToken() != null) {
			result.put("NextToken", page.nextToken());
		}
		return result;
	}

	private ObjectNode listSecretVersionIds(JsonNode input) {
		Secret secret = secret(input);
		boolean deprecated = input.path("IncludeDeprecated").asBoolean(false);
		ObjectNode result = identity(secret);
		ArrayNode list = result.putArray("Versions");
		for (SecretVersion version : secret.versions.values()) {
			if (deprecated || !version.stages().isEmpty()) {
				ObjectNode item = list.addObject();
				item.put("VersionId", version.versionId());
				item.set("VersionStages", Json.tree(version.stages()));
				item.set("CreatedDate", Json.epochSeconds(version.createdMillis()));
			}
		}
		return result;
	}

	// ---- lookup -------------------------------------------------------------------------------------

	/** The secret {@code SecretId} names: its name, its ARN, or its ARN without the random suffix. */
	private Secret secret(JsonNode input) {
		String id = Json.required(input, "SecretId", "InvalidParameterException");
		Secret secret = this.secrets.get(id);
		if (secret == null && id.startsWith("arn:")) {
			for (Secret candidate : this.secrets.values()) {
				if (candidate.arn.equals(id) || candidate.arn.equals(id + candidate.arn.substring(candidate.arn.length() - 7))) {
					secret = candidate;
					break;
				}
			}
		}
		if (secret == null) {
			throw AwsException.badRequest("ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
		}
		return secret;
	}

	private static Secret alive(Secret secret) {
		if (secret.isDeleted()) {
			throw markedForDeletion();
		}
		return secret;
	}

	private static AwsException markedForDeletion() {
		return AwsException.badRequest("InvalidRequestException",
				"You can't perform this operation on the secret because it was marked for deletion.");
	}

	private static ObjectNode identity(Secret secret) {
		return Json.object().put("ARN", secret.arn).put("Name", secret.name);
	}

	private String arn(String name) {
		StringBuilder suffix = new StringBuilder(6);
		for (int i = 0; i < 6; i++) {
			suffix.append(SUFFIX_CHARACTERS.charAt(this.random.nextInt(SUFFIX_CHARACTERS.length())));
		}
		return this.context.arn("secretsmanager", "secret:" + name + "-" + suffix);
	}

	private long now() {
		return this.context.clock().millis();
	}

	/** A ListSecrets filter: prefix matches ({@code !} negates), any value of one filter, every filter. */
	private record SecretFilter(String key, List<String> values) {

		boolean matches(Secret secret) {
			List<String> candidates = switch (this.key) {
				case "name" -> List.of(secret.name);
				case "description" -> (secret.description != null) ? List.of(secret.description) : List.of();
				case "tag-key" -> List.copyOf(secret.tags.keySet());
				case "tag-value" -> List.copyOf(secret.tags.values());
				case "all" -> {
					List<String> all = new ArrayList<>(List.of(secret.name));
					if (secret.description != null) {
						all.add(secret.description);
					}
					all.addAll(secret.tags.keySet());
					all.addAll(secret.tags.values());
					yield all;
				}
				// no replicas nor owning services here
				default -> List.of();
			};
			boolean caseSensitive = !Set.of("description", "all").contains(this.key);
			return this.values.stream().anyMatch((value) -> {
				boolean negated = value.startsWith("!");
				String prefix = negated ? value.substring(1) : value;
				boolean found = candidates.stream().anyMatch((candidate) -> caseSensitive ? candidate.startsWith(prefix)
						: candidate.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT)));
				return negated != found;
			});
		}

	}

	// ---- persistence ----------------------------------------------------------------------------------

	@Override
	public synchronized JsonNode saveState() {
		ObjectNode state = Json.object();
		ArrayNode list = state.putArray("secrets");
		this.secrets.values().forEach((secret) -> list.add(secret.save()));
		return state;
	}

	@Override
	public synchronized void loadState(JsonNode state) {
		this.secrets.clear();
		for (JsonNode node : state.path("secrets")) {
			Secret secret = Secret.load(node);
			this.secrets.put(secret.name, secret);
		}
	}

}
