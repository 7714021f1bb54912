package io.serverlessspring.shell.template;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.serverlessspring.boot.manifest.DeploymentManifest;
import io.serverlessspring.boot.settings.ServerlessProperties;
import io.serverlessspring.shell.model.DesiredStage;

import static io.serverlessspring.shell.template.Cfn.map;
import static io.serverlessspring.shell.template.Cfn.ref;

/**
 * A template being written: what it is made from (desired stage, settings, manifest, dialect) and
 * its sections, with what the resource writers share (the live alias as an invoke target, invoke
 * permissions, tags).
 */
final class TemplateDocument {

	private final DesiredStage desired;

	private final ServerlessProperties settings;

	private final DeploymentManifest manifest;

	private final TemplateFormat format;

	private final Map<String, Object> parameters = new LinkedHashMap<>();

	private final Map<String, Object> conditions = new LinkedHashMap<>();

	private final Map<String, Object> resources = new LinkedHashMap<>();

	private final Map<String, Object> outputs = new LinkedHashMap<>();

	TemplateDocument(DesiredStage desired, ServerlessProperties settings, DeploymentManifest manifest,
			TemplateFormat format) {
		this.desired = desired;
		this.settings = settings;
		this.manifest = manifest;
		this.format = format;
	}

	DesiredStage desired() {
		return this.desired;
	}

	ServerlessProperties settings() {
		return this.settings;
	}

	DeploymentManifest manifest() {
		return this.manifest;
	}

	boolean sam() {
		return this.format == TemplateFormat.SAM;
	}

	String functionName() {
		return this.desired.functionName();
	}

	Map<String, Object> parameters() {
		return this.parameters;
	}

	Map<String, Object> conditions() {
		return this.conditions;
	}

	Map<String, Object> resources() {
		return this.resources;
	}

	Map<String, Object> outputs() {
		return this.outputs;
	}

	/** Adds a resource; returns it so {@code DependsOn} can be set. */
	Map<String, Object> resource(String logicalId, String type, Map<String, Object> properties) {
		Map<String, Object> resource = new LinkedHashMap<>();
		resource.put("Type", type);
		resource.put("Properties", properties);
		this.resources.put(logicalId, resource);
		return resource;
	}

	/**
	 * Adds a resource that acts on the live alias. With SAM the alias is made by the function
	 * resource, so it waits for the function first.
	 */
	Map<String, Object> onAlias(String logicalId, String type, Map<String, Object> properties) {
		Map<String, Object> resource = resource(logicalId, type, properties);
		if (sam()) {
			resource.put("DependsOn", List.of("Function"));
		}
		return resource;
	}

	void output(String name, Object value) {
		this.outputs.put(name, map("Value", value));
	}

	/** What invokes the live alias: the alias resource (CloudFormation) or its ARN (SAM creates the alias). */
	Object alias() {
		return sam() ? this.desired.aliasArn() : ref("LiveAlias");
	}

	/** The live alias inside an {@code Fn::Sub} string. */
	String aliasInSub() {
		return sam() ? this.desired.aliasArn() : "${LiveAlias}";
	}

	/** Lets {@code principal} invoke the live alias, from {@code sourceArn} when given. */
	void permission(String logicalId, String principal, Object sourceArn) {
		Map<String, Object> properties = map("FunctionName", alias(), "Action", "lambda:InvokeFunction", "Principal",
				principal);
		if (sourceArn != null) {
			properties.put("SourceArn", sourceArn);
		}
		onAlias(logicalId, "AWS::Lambda::Permission", properties);
	}

	List<Map<String, Object>> tagList() {
		return Cfn.tagList(this.desired.tags());
	}

	Map<String, String> tagsWithPackage() {
		Map<String, String> tags = new LinkedHashMap<>(this.desired.tags());
		tags.putAll(this.desired.code().packageTags());
		return tags;
	}

	/** A short hash of {@code text}: logical ids that change with the desired state (versions, deployments). */
	static String hash(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest).substring(0, 10).toUpperCase(Locale.ROOT);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String require(String value, String setting) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(setting + " is required for this authorization type.");
		}
		return value;
	}

}
