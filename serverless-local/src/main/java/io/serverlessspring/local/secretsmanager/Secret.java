package io.serverlessspring.local.secretsmanager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.server.Json;

/**
 * A secret: its identity, metadata, tags and versions with their staging labels. Not thread-safe:
 * {@link SecretsManagerService} serialises calls.
 */
final class Secret {

	static final String CURRENT = "AWSCURRENT";

	static final String PREVIOUS = "AWSPREVIOUS";

	/** AWS keeps about 100 versions; older ones without a label go first. */
	static final int MAX_VERSIONS = 100;

	final String name;

	final String arn;

	String description;

	String kmsKeyId;

	final Map<String, String> tags = new LinkedHashMap<>();

	final long createdMillis;

	long lastChangedMillis;

	Long lastAccessedMillis;

	/** When a pending deletion becomes final; null when the secret is not being deleted. */
	Long deletionMillis;

	/** Oldest first. */
	final Map<String, SecretVersion> versions = new LinkedHashMap<>();

	Secret(String name, String arn, long createdMillis) {
		this.name = name;
		this.arn = arn;
		this.createdMillis = createdMillis;
		this.lastChangedMillis = createdMillis;
	}

	boolean isDeleted() {
		return this.deletionMillis != null;
	}

	/** The version holding {@code stage}, or null. */
	SecretVersion versionWithStage(String stage) {
		return this.versions.values().stream().filter((v) -> v.stages().contains(stage)).findFirst().orElse(null);
	}

	/**
	 * Adds a version and moves the labels it takes from the versions that had them. When it takes
	 * {@code AWSCURRENT}, the version that had it becomes {@code AWSPREVIOUS}, as AWS does.
	 */
	void addVersion(SecretVersion version) {
		SecretVersion current = versionWithStage(CURRENT);
		boolean takesCurrent = version.stages().contains(CURRENT) && current != null
				&& !current.versionId().equals(version.versionId());
		for (SecretVersion other : List.copyOf(this.versions.values())) {
			List<String> stages = new ArrayList<>(other.stages());
			stages.removeAll(version.stages());
			if (takesCurrent) {
				stages.remove(PREVIOUS);
				if (other == current) {
					stages.add(PREVIOUS);
				}
			}
			this.versions.put(other.versionId(), other.withStages(stages));
		}
		this.versions.put(version.versionId(), version);
		if (this.versions.size() > MAX_VERSIONS) {
			this.versions.values().stream().filter((v) -> v.stages().isEmpty()).findFirst()
				.ifPresent((oldest) -> this.versions.remove(oldest.versionId()));
		}
	}

	/** {@code VersionIdsToStages} / {@code SecretVersionsToStages}. */
	ObjectNode versionsToStages() {
		ObjectNode node = Json.object();
		this.versions.values().stream().filter((v) -> !v.stages().isEmpty())
			.forEach((v) -> node.set(v.versionId(), Json.tree(v.stages())));
		return node;
	}

	/** Log-safe: never a value. */
	@Override
	public String toString() {
		return "Secret[" + this.arn + "]";
	}

	// ---- persistence ----------------------------------------------------------------------------------

	JsonNode save() {
		ObjectNode node = Json.object();
		node.put("name", this.name);
		node.put("arn", this.arn);
		node.put("description", this.description);
		node.put("kmsKeyId", this.kmsKeyId);
		node.set("tags", Json.tree(this.tags));
		node.put("createdMillis", this.createdMillis);
		node.put("lastChangedMillis", this.lastChangedMillis);
		node.put("lastAccessedMillis", this.lastAccessedMillis);
		node.put("deletionMillis", this.deletionMillis);
		node.set("versions", Json.tree(List.copyOf(this.versions.values())));
		return node;
	}

	static Secret load(JsonNode node) {
		Secret secret = new Secret(node.path("name").asString(), node.path("arn").asString(),
				node.path("createdMillis").asLong());
		secret.description = Json.string(node, "description");
		secret.kmsKeyId = Json.string(node, "kmsKeyId");
		secret.tags.putAll(Json.stringMap(node, "tags"));
		secret.lastChangedMillis = node.path("lastChangedMillis").asLong();
		secret.lastAccessedMillis = node.path("lastAccessedMillis").isNumber() ? node.path("lastAccessedMillis").asLong() : null;
		secret.deletionMillis = node.path("deletionMillis").isNumber() ? node.path("deletionMillis").asLong() : null;
		for (JsonNode version : node.path("versions")) {
			SecretVersion loaded = Json.mapper().treeToValue(version, SecretVersion.class);
			secret.versions.put(loaded.versionId(), loaded);
		}
		return secret;
	}

}
