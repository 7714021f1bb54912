package io.serverlessspring.local.iam;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import io.serverlessspring.local.server.AwsException;
import io.serverlessspring.local.server.AwsRequest;
import io.serverlessspring.local.server.AwsResponse;
import io.serverlessspring.local.server.AwsService;
import io.serverlessspring.local.server.Json;
import io.serverlessspring.local.server.LocalContext;
import io.serverlessspring.local.server.Persistent;
import io.serverlessspring.local.server.Protocol;
import io.serverlessspring.local.server.QueryParameters;
import io.serverlessspring.local.server.Xml;

/**
 * IAM (awsQuery): roles, their trust policy, inline policies, attached managed policies and tags;
 * what a function's execution role needs. Lambda asks {@link #roleExists} when a function is created.
 */
public final class IamService implements AwsService, Persistent {

	private static final String NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";

	/** The model: roles by name. */
	public static final class Role {

		public String name;

		public String id;

		public String arn;

		public String path = "/";

		public String created;

		public String assumeRolePolicy;

		public String description;

		public int maxSessionDuration = 3600;

		public Map<String, String> tags = new LinkedHashMap<>();

		public Map<String, String> inlinePolicies = new TreeMap<>();

		public Map<String, String> attachedPolicies = new TreeMap<>();

	}

	private final Map<String, Role> roles = new TreeMap<>();

	private LocalContext context;

	@Override
	public String signingName() {
		return "iam";
	}

	@Override
	public Protocol protocol() {
		return Protocol.QUERY;
	}

	@Override
	public void start(LocalContext context) {
		this.context = context;
	}

	/** Whether {@code roleArn} names an existing role (by its name, the last path segment). */
	public synchronized boolean roleExists(String roleArn) {
		if (roleArn == null) {
			return false;
		}
		String name = roleArn.substring(roleArn.lastIndexOf('/') + 1);
		Role role = this.roles.get(name);
		return role != null && role.arn.equals(roleArn);
	}

	@Override
	public synchronized AwsResponse handle(AwsRequest request) {
		Map<String, String> form = request.form();
		String action = request.action();
		if (action == null) {
			throw AwsException.badRequest("MissingAction", "The request must contain the parameter Action");
		}
		Xml.Writer xml = Xml.queryResponse(action, NAMESPACE, request.requestId());
		switch (action) {
			case "CreateRole" -> {
				String name = QueryParameters.required(form, "RoleName");
				String document = QueryParameters.required(form, "AssumeRolePolicyDocument");
				validatePolicy(document, "assumeRolePolicyDocument");
				if (this.roles.containsKey(name)) {
					throw new AwsException(409, "EntityAlreadyExists", "Role with name " + name + " already exists.");
				}
				Role role = new Role();
				role.name = name;
				role.path = form.getOrDefault("Path", "/");
				role.id = "AROA" + UUID.randomUUID().toString().replace("-", "").substring(0, 17).toUpperCase();
				role.arn = "arn:aws:iam::" + this.context.accountId() + ":role" + role.path + name;
				role.created = Instant.now().toString();
				role.assumeRolePolicy = document;
				role.description = form.get("Description");
				if (form.containsKey("MaxSessionDuration")) {
					role.maxSessionDuration = Integer.parseInt(form.get("MaxSessionDuration"));
				}
				role.tags.putAll(QueryParameters.keyValues(form, "Tags.member", "Key", "Value"));
				this.roles.put(name, role);
				writeRole(xml.start("Role"), role).end();
			}
			case "GetRole" -> writeRole(xml.start("Role"), role(form)).end();
			case "ListRoles" -> {
				String prefix = form.getOrDefault("PathPrefix", "/");
				xml.start("Roles");
				this.roles.values().stream().filter((r) -> r.path.startsWith(prefix))
					.forEach((r) -> writeRole(xml.start("member"), r).end());
				xml.end().element("IsTruncated", false);
			}
			case "DeleteRole" -> {
				Role role = role(form);
				if (!role.inlinePolicies.isEmpty() || !role.attachedPolicies.isEmpty()) {
					throw new AwsException(409, "DeleteConflict", "Cannot delete entity, must "
							+ (role.inlinePolicies.isEmpty() ? "detach all policies" : "delete policies") + " first.");
				}
				this.roles.remove(role.name);
			}
			case "UpdateAssumeRolePolicy" -> {
				Role role = role(form);
				String document = QueryParameters.required(form, "PolicyDocument");
				validatePolicy(document, "policyDocument");
				role.assumeRolePolicy = document;
			}
			case "UpdateRole" -> {
				Role role = role(form);
				if (form.containsKey("Description")) {
					role.description = form.get("Description");
				}
				if (form.containsKey("MaxSessionDuration")) {
					role.maxSessionDuration = Integer.parseInt(form.get("MaxSessionDuration"));
				}
			}
			case "PutRolePolicy" -> {
				Role role = role(form);
				String policyName = QueryParameters.required(form, "PolicyName");
				String document = QueryParameters.required(form, "PolicyDocument");
				validatePolicy(document, "policyDocument");
				role.inlinePolicies.put(policyName, document);
			}
			case "GetRolePolicy" -> {
				Role role = role(form);
				String policyName = QueryParameters.required(form, "PolicyName");
				String document = role.inlinePolicies.get(policyName);
				if (document == null) {
					throw noSuchEntity("The role policy with name " + policyName + " cannot be found.");
				}
				xml.element("RoleName", role.name).element("PolicyName", policyName)
					.element("PolicyDocument", urlEncode(document));
			}
			case "DeleteRolePolicy" -> {
				Role role = role(form);
				String policyName = QueryParameters.required(form, "PolicyName");
				if (role.inlinePolicies.remove(policyName) == null) {
					throw noSuchEntity("The role policy with name " + policyName + " cannot be found.");
				}
			}
			case "ListRolePolicies" -> {
				Role role = role(form);
				xml.start("PolicyNames");
				role.inlinePolicies.keySet().forEach((n) -> xml.element("member", n));
				xml.end().element("IsTruncated", false);
			}
			case "AttachRolePolicy" -> {
				Role role = role(form);
				String arn = QueryParameters.required(form, "PolicyArn");
				if (!arn.startsWith("arn:aws:iam::")) {
					throw AwsException.badRequest("InvalidInput", "ARN " + arn + " is not valid.");
				}
				role.attachedPolicies.put(arn, arn.substring(arn.lastIndexOf('/') + 1));
			}
			case "DetachRolePolicy" -> {
				Role role = role(form);
				String arn = QueryParameters.required(form, "PolicyArn");
				if (role.attachedPolicies.remove(arn) == null) {
					throw noSuchEntity("Policy " + arn + " was not found.");
				}
			}
			case "ListAttachedRolePolicies" -> {
				Role role = role(form);
				xml.start("AttachedPolicies");
				role.attachedPolicies.forEach((arn, name) -> xml.start("member").element("PolicyName", name)
					.element("PolicyArn", arn).end());
				xml.end().element("IsTruncated", false);
			}
			case "TagRole" -> role(form).tags.putAll(QueryParameters.keyValues(form, "Tags.member", "Key", "Value"));
			case "UntagRole" -> {
				Role role = role(form);
				QueryParameters.list(form, "TagKeys.member").forEach(role.tags::remove);
			}
			case "ListRoleTags" -> {
				Role role = role(form);
				xml.start("Tags");
				role.tags.forEach((k, v) -> xml.start("member").element("Key", k).element("Value", v).end());
				xml.end().element("IsTruncated", false);
			}
			default -> throw AwsException.badRequest("InvalidAction",
					"Could not find operation " + action + " for version 2010-05-08");
		}
		return AwsResponse.xml(200, xml.toString());
	}

	private Role role(Map<String, String> form) {
		String name = QueryParameters.required(form, "RoleName");
		Role role = this.roles.get(name);
		if (role == null) {
			throw noSuchEntity("The role with name " + name + " cannot be found.");
		}
		return role;
	}

	private static AwsException noSuchEntity(String message) {
		return new AwsException(404, "NoSuchEntity", message);
	}

	private static void validatePolicy(String document, String parameter) {
		try {
			JsonNode policy = Json.parse(document);
			if (!policy.isObject() || policy.get("Statement") == null) {
				throw new IllegalArgumentException();
			}
		}
		catch (RuntimeException ex) {
			throw AwsException.badRequest("MalformedPolicyDocument",
					"The policy in " + parameter + " is not valid JSON with a Statement");
		}
	}

	private static Xml.Writer writeRole(Xml.Writer xml, Role role) {
		xml.element("Path", role.path)
			.element("RoleName", role.name)
			.element("RoleId", role.id)
			.element("Arn", role.arn)
			.element("CreateDate", role.created)
			.element("AssumeRolePolicyDocument", urlEncode(role.assumeRolePolicy))
			.element("Description", role.description)
			.element("MaxSessionDuration", role.maxSessionDuration)
			.raw("<RoleLastUsed/>");
		if (!role.tags.isEmpty()) {
			xml.start("Tags");
			role.tags.forEach((k, v) -> xml.start("member").element("Key", k).element("Value", v).end());
			xml.end();
		}
		return xml;
	}

	/** IAM returns policy documents URL-encoded, as AWS does. */
	private static String urlEncode(String document) {
		return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
	}

	@Override
	public synchronized JsonNode saveState() {
		return Json.tree(List.copyOf(this.roles.values()));
	}

	@Override
	public synchronized void loadState(JsonNode state) {
		this.roles.clear();
		for (JsonNode node : state) {
			Role role = Json.mapper().treeToValue(node, Role.class);
			this.roles.put(role.name, role);
		}
	}

}
