package io.serverlessspring.shell.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.shell.model.DesiredStage;
import io.serverlessspring.shell.model.FunctionSpec;
import io.serverlessspring.shell.model.ManagedEnvironment;
import io.serverlessspring.shell.model.RoleSpec;
import io.serverlessspring.shell.state.ActualStage;
import io.serverlessspring.shell.state.ActualStage.ActualVersion;

/**
 * Diffs a {@link DesiredStage} against an {@link ActualStage} into the ordered changes that converge
 * it. Pure: no AWS calls, every decision taken here, so a plan can be printed, serialised and
 * unit-tested, and is empty when the stage is up to date. Fronts are planned by {@link HttpPlanner},
 * schedules, event sources and task resources by {@link EventPlanner}; undeploy by {@link TeardownPlanner}.
 */
public final class Planner {

	/** Statement id of the permission letting API Gateway invoke the live alias. */
	public static final String HTTP_PERMISSION = "serverless-http";

	/** Statement id of the permission making a public function URL invocable. */
	public static final String URL_PERMISSION = "serverless-url";

	private Planner() {
	}

	public static Plan plan(DesiredStage stage, ActualStage actual) {
		List<ResourceChange> changes = new ArrayList<>();
		List<String> unchanged = new ArrayList<>();
		String function = stage.functionName();

		// The function's configuration names the dependency layer's version (published below when new).
		DesiredStage desired = LayerPlanner.withLayer(stage, actual);
		role(desired.role(), actual.role(), desired, changes, unchanged);
		if (desired.schedulerRole() != null) {
			role(desired.schedulerRole(), actual.schedulerRole(), desired, changes, unchanged);
		}
		if (!actual.bucketExists()) {
			changes.add(new StageChanges.Bucket(Action.CREATE, desired.bucket(), desired.region(), "holds the packages",
					List.of(FieldChange.of("region", null, desired.region()))));
		}
		if (!actual.codeUploaded()) {
			changes.add(new StageChanges.PackageObject(Action.CREATE, desired.bucket(),
					ResourceNames.codePrefix(function), List.of(desired.code().key()), desired.code().zip(),
					String.format("%.1f MB", desired.code().zip().toFile().length() / 1048576.0),
					List.of(FieldChange.of("content", null, desired.code().contentHash().substring(0, 12)))));
		}
		else {
			unchanged.add("package " + desired.code().contentHash().substring(0, 12));
		}
		LayerPlanner.publish(desired, actual, changes, unchanged);
		logGroup(desired, actual, changes, unchanged);

		boolean codeOrConfigChanged = function(desired, actual, changes, unchanged);
		Integer reserved = (actual.function() != null) ? actual.function().configuration().reservedConcurrency() : null;
		if (!Objects.equals(reserved, desired.function().reservedConcurrency())) {
			Integer wanted = desired.function().reservedConcurrency();
			changes.add(new FunctionChanges.Concurrency(Action.UPDATE, function, null, wanted,
					wanted == null ? "none" : wanted.toString(), List.of(FieldChange.of("reserved", reserved, wanted))));
		}

		// The version the live alias should point at: an existing one with this exact desired state, or a new one.
		String aliasVersion = actual.aliases().get(ResourceNames.ALIAS);
		ActualVersion matching = codeOrConfigChanged ? null
				: actual.versions()
					.stream()
					.filter(v -> desired.versionDescription().equals(v.description())
							&& Objects.equals(v.codeSha256(), desired.code().codeSha256()))
					.max(Comparator.comparingInt(ActualVersion::number))
					.orElse(null);
		boolean publish = matching == null;
		if (publish) {
			changes.add(new FunctionChanges.Version(Action.CREATE, function, desired.code().codeSha256(),
					desired.versionDescription(), desired.function().snapStart(), List.of(), desired.versionDescription(),
					List.of(FieldChange.of("description", null, desired.versionDescription()))));
		}
		String targetVersion = publish ? null : matching.version();
		Value version = publish ? Value.ref(Value.VERSION) : Value.known(targetVersion);
		if (aliasVersion == null) {
			changes.add(new FunctionChanges.Alias(Action.CREATE, function, ResourceNames.ALIAS, version,
					publish ? "-> new version" : "-> version " + targetVersion,
					List.of(FieldChange.of("version", null, version.toString()))));
		}
		else if (publish || !aliasVersion.equals(targetVersion)) {
			changes.add(new FunctionChanges.Alias(Action.UPDATE, function, ResourceNames.ALIAS, version,
					aliasVersion + " -> " + (publish ? "new version" : targetVersion),
					List.of(FieldChange.of("version", aliasVersion, version.toString()))));
		}
		else {
			unchanged.add("alias " + ResourceNames.ALIAS + " -> version " + aliasVersion);
		}
		int provisioned = desired.function().provisionedConcurrency();
		int provisionedNow = (actual.function() != null) ? actual.function().configuration().provisionedConcurrency() : 0;
		if (provisioned > 0 && (publish || aliasVersion == null || !aliasVersion.equals(targetVersion)
				|| provisioned != provisionedNow)) {
			changes.add(new FunctionChanges.Concurrency(Action.UPDATE, function, ResourceNames.ALIAS, provisioned,
					Integer.toString(provisioned),
					List.of(FieldChange.of("provisioned", (provisionedNow > 0) ? provisionedNow : null, provisioned))));
		}
		else if (provisioned == 0 && provisionedNow > 0) {
			// Setting removed: the alias's configuration goes, or its environments would stay paid for.
			changes.add(new FunctionChanges.Concurrency(Action.DELETE, function, ResourceNames.ALIAS, null, "none",
					List.of(FieldChange.of("provisioned", provisionedNow, null))));
		}

		EventPlanner.tasks(desired, actual, changes, unchanged);
		HttpPlanner.plan(desired, actual, changes, unchanged);
		WebSocketPlanner.plan(desired, actual, changes, unchanged);
		EventPlanner.schedules(desired, actual, changes, unchanged);
		EventPlanner.eventSources(desired, actual, changes, unchanged);
		prune(desired, actual, publish, targetVersion, changes);
		LayerPlanner.prune(desired, actual, changes);
		return new Plan(desired.stage(), function, changes, unchanged, desired.notes());
	}

	private static void role(RoleSpec role, ActualStage.ActualRole actual, DesiredStage desired,
			List<ResourceChange> changes, List<String> unchanged) {
		if (role == null) {
			return;
		}
		String description = "Managed by serverless-spring for " + desired.functionName();
		if (actual == null) {
			changes.add(new StageChanges.Role(Action.CREATE, role.name(), role.trustDocument(), role.permissionsBoundary(),
					desired.tags(), description, List.of(), List.of(), "trusted by " + role.trustedService(),
					List.of(FieldChange.of("trusted by", null, role.trustedService()))));
			changes.add(policy(role, null));
			if (!role.attachedPolicies().isEmpty()) {
				changes.add(new StageChanges.RoleAttachments(Action.UPDATE, role.name(), role.attachedPolicies(), List.of(),
						String.join(", ", role.attachedPolicies()),
						List.of(FieldChange.of("attached", null, role.attachedPolicies()))));
			}
			return;
		}
		boolean same = true;
		if (!Diff.sameJson(actual.trustDocument(), role.trustDocument())) {
			changes.add(new StageChanges.Role(Action.UPDATE, role.name(), role.trustDocument(), role.permissionsBoundary(),
					desired.tags(), description, List.of(), List.of(), "trusted by " + role.trustedService(),
					List.of(FieldChange.of("trust policy", actual.trustDocument(), role.trustDocument()))));
			same = false;
		}
		String current = actual.inlinePolicies().get(ResourceNames.POLICY_NAME);
		if (!Diff.sameJson(current, role.policyDocument())) {
			changes.add(policy(role, current));
			same = false;
		}
		if (!new LinkedHashSet<>(actual.attachedPolicies()).equals(new LinkedHashSet<>(role.attachedPolicies()))) {
			List<String> attach = role.attachedPolicies().stream().filter(p -> !actual.attachedPolicies().contains(p)).toList();
			List<String> detach = actual.attachedPolicies().stream().filter(p -> !role.attachedPolicies().contains(p)).toList();
			changes.add(new StageChanges.RoleAttachments(Action.UPDATE, role.name(), attach, detach,
					role.attachedPolicies().isEmpty() ? "none" : String.join(", ", role.attachedPolicies()),
					List.of(FieldChange.of("attached", actual.attachedPolicies(), role.attachedPolicies()))));
			same = false;
		}
		if (same) {
			unchanged.add("role " + role.name());
		}
	}

	private static StageChanges.RolePolicy policy(RoleSpec role, String current) {
		return new StageChanges.RolePolicy(Action.UPDATE, role.name(), ResourceNames.POLICY_NAME, role.policyDocument(),
				"least privilege: " + Diff.actionsOf(role.policyDocument()),
				List.of(FieldChange.of("document", current, role.policyDocument())));
	}

	private static void logGroup(DesiredStage desired, ActualStage actual, List<ResourceChange> changes,
			List<String> unchanged) {
		String name = desired.logGroup().name();
		int days = desired.logGroup().retentionDays();
		if (actual.logGroup() == null) {
			changes.add(new StageChanges.LogGroup(Action.CREATE, name, days, desired.tags(), retention(days),
					List.of(FieldChange.of("retention days", null, days))));
			return;
		}
		int current = (actual.logGroup().retentionDays() == null) ? 0 : actual.logGroup().retentionDays();
		if (current != days) {
			changes.add(new StageChanges.LogGroup(Action.UPDATE, name, days, desired.tags(),
					retention(current) + " -> " + retention(days), List.of(FieldChange.of("retention days", current, days))));
		}
		else {
			unchanged.add("log group " + name);
		}
	}

	/** Creates or updates the function; whether its code or configuration changes (a new version is due). */
	private static boolean function(DesiredStage desired, ActualStage actual, List<ResourceChange> changes,
			List<String> unchanged) {
		String function = desired.functionName();
		Map<String, String> wantedTags = new LinkedHashMap<>(desired.tags());
		wantedTags.putAll(desired.code().packageTags());
		if (actual.function() == null) {
			FunctionSpec spec = desired.function();
			changes.add(new FunctionChanges.Function(Action.CREATE, function, spec, desired.roleArn(), desired.bucket(),
					desired.code().key(), wantedTags, spec.runtime() + ", " + spec.memory() + " MB",
					configurationFields(null, spec, desired.roleArn(), null)));
			return true;
		}
		List<FieldChange> differences = configurationFields(actual.function().configuration(), desired.function(),
				desired.roleArn(), actual.function().roleArn());
		boolean architectureChanged = differences.removeIf(f -> f.name().equals("architecture"));
		if (!differences.isEmpty()) {
			changes.add(new FunctionChanges.Configuration(Action.UPDATE, desired.function(), desired.roleArn(),
					describeConfiguration(differences), differences));
		}
		boolean codeChanged = !Objects.equals(actual.function().codeSha256(), desired.code().codeSha256());
		if (codeChanged || architectureChanged) {
			changes.add(new FunctionChanges.Code(Action.UPDATE, function, desired.bucket(), desired.code().key(),
					desired.function().architecture(),
					architectureChanged ? "architecture " + desired.function().architecture()
							: "package " + desired.code().contentHash().substring(0, 12),
					List.of(FieldChange.of("code sha256", actual.function().codeSha256(), desired.code().codeSha256()))));
		}
		Diff tags = new Diff();
		wantedTags.forEach((key, value) -> tags.field("tag " + key, actual.function().tags().get(key), value));
		if (!tags.isEmpty()) {
			// The keys only: a tag's value may be anything the user put there.
			List<String> keys = tags.fields().stream().map(field -> field.name().substring("tag ".length())).toList();
			changes.add(new FunctionChanges.Tags(Action.UPDATE, function, desired.functionArn(), wantedTags,
					Counts.noun(keys.size(), "tag") + " " + String.join(", ", keys), tags.fields()));
		}
		if (differences.isEmpty() && !codeChanged && !architectureChanged && tags.isEmpty()) {
			unchanged.add("function " + function);
		}
		return !differences.isEmpty() || codeChanged || architectureChanged;
	}

	/** {@code memory 512 -> 1024, environment GREETING, DB_PASSWORD}: variables by name only. */
	private static String describeConfiguration(List<FieldChange> fields) {
		List<String> parts = new ArrayList<>();
		List<String> variables = new ArrayList<>();
		for (FieldChange field : fields) {
			if (field.name().startsWith("environment.")) {
				variables.add(field.name().substring("environment.".length()));
			}
			else if (field.name().equals("role")) {
				parts.add("role");
			}
			else {
				parts.add(field.describe());
			}
		}
		if (!variables.isEmpty()) {
			parts.add(Math.min(parts.size(), indexOfEnvironment(fields)), "environment " + String.join(", ", variables));
		}
		return String.join(", ", parts);
	}

	private static int indexOfEnvironment(List<FieldChange> fields) {
		int index = 0;
		for (FieldChange field : fields) {
			if (field.name().startsWith("environment.")) {
				return index;
			}
			if (!field.name().equals("role")) {
				index++;
			}
		}
		return index;
	}

	/**
	 * Configuration fields that differ ({@code actual} {@code null}: every field of a new function);
	 * environment values of secrets masked.
	 */
	static List<FieldChange> configurationFields(FunctionSpec actual, FunctionSpec desired, String roleArn,
			String actualRoleArn) {
		FunctionSpec before = (actual != null) ? actual
				: new FunctionSpec(desired.name(), null, null, null, null, 0, 0, 0, Map.of(), List.of(), null, null, null,
						List.of(), List.of(), false, null, 0, List.of());
		Diff diff = new Diff();
		diff.field("description", before.description(), desired.description())
			.field("runtime", before.runtime(), desired.runtime())
			.field("handler", before.handler(), desired.handler())
			.field("memory", actual != null ? before.memory() : null, desired.memory())
			.field("timeout", actual != null ? before.timeout() : null, desired.timeout())
			.field("ephemeral storage", actual != null ? before.ephemeralStorage() : null, desired.ephemeralStorage());
		// Variables set outside the tool stay: compare with what deploy would write.
		Map<String, String> wanted = ManagedEnvironment.merge(desired.environment(), before.environment());
		Set<String> keys = new LinkedHashSet<>(wanted.keySet());
		keys.addAll(before.environment().keySet());
		for (String key : keys) {
			if (!Objects.equals(before.environment().get(key), wanted.get(key))) {
				diff.add(FieldChange.environment(key, before.environment().get(key), wanted.get(key)));
			}
		}
		diff.field("layers", before.layers(), desired.layers())
			.field("tracing", before.tracing(), desired.tracing())
			.field("kms key", before.kmsKeyArn(), desired.kmsKeyArn())
			.field("dead-letter target", before.deadLetterTarget(), desired.deadLetterTarget())
			.field("subnets", before.subnetIds(), desired.subnetIds())
			.field("security groups", before.securityGroupIds(), desired.securityGroupIds())
			.field("snap start", actual != null ? before.snapStart() : null, desired.snapStart())
			.field("file systems", before.fileSystems(), desired.fileSystems())
			.field("architecture", before.architecture(), desired.architecture());
		if (actual != null) {
			diff.field("role", actualRoleArn, roleArn);
		}
		return new ArrayList<>(diff.fields());
	}

	private static void prune(DesiredStage desired, ActualStage actual, boolean publish, String targetVersion,
			List<ResourceChange> changes) {
		// Never a version an alias points at (now, or after this deploy): that is what rollback needs.
		Set<String> protectedVersions = new LinkedHashSet<>(actual.aliases().values());
		if (targetVersion != null) {
			protectedVersions.add(targetVersion);
		}
		List<ActualVersion> versions = new ArrayList<>(actual.versions());
		versions.sort(Comparator.comparingInt(ActualVersion::number));
		int excess = versions.size() + (publish ? 1 : 0) - desired.retainedVersions();
		List<String> delete = new ArrayList<>();
		for (ActualVersion version : versions) {
			if (excess <= 0) {
				break;
			}
			if (!protectedVersions.contains(version.version())) {
				delete.add(version.version());
				excess--;
			}
		}
		if (!delete.isEmpty()) {
			changes.add(new FunctionChanges.Version(Action.DELETE, desired.functionName(), null, null, false,
					List.copyOf(delete), "keeping " + desired.retainedVersions(), List.of()));
		}
	}

	static String retention(int days) {
		return (days == 0) ? "kept forever" : "kept " + days + " days";
	}

}
