package io.serverlessspring.shell.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.serverlessspring.boot.settings.HttpSettings;
import io.serverlessspring.shell.apply.CodeActions;
import io.serverlessspring.shell.apply.FunctionActions;
import io.serverlessspring.shell.apply.HttpActions;
import io.serverlessspring.shell.apply.LogActions;
import io.serverlessspring.shell.apply.RoleActions;
import io.serverlessspring.shell.apply.ScheduleActions;
import io.serverlessspring.shell.model.DesiredStage;
import io.serverlessspring.shell.model.FunctionSpec;
import io.serverlessspring.shell.model.Names;
import io.serverlessspring.shell.model.RoleSpec;
import io.serverlessspring.shell.model.ScheduleSpec;
import io.serverlessspring.shell.plan.ActualStage.ActualSchedule;
import io.serverlessspring.shell.plan.ActualStage.ActualVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Diffs a {@link DesiredStage} against an {@link ActualStage} into the ordered {@link Step}s that
 * converge it. Pure: no AWS calls here, so every plan can be printed and unit-tested.
 */
public final class Planner {

	/** Statement id of the permission letting API Gateway invoke the live alias. */
	public static final String HTTP_PERMISSION = "serverless-http";

	/** Statement id of the permission making a public function URL invocable. */
	public static final String URL_PERMISSION = "serverless-url";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Planner() {
	}

	public static Plan plan(DesiredStage desired, ActualStage actual) {
		List<Step> steps = new ArrayList<>();
		List<String> unchanged = new ArrayList<>();
		String function = desired.functionName();

		role(desired.role(), actual.role(), desired.tags(), steps, unchanged);
		if (desired.schedulerRole() != null) {
			role(desired.schedulerRole(), actual.schedulerRole(), desired.tags(), steps, unchanged);
		}

		if (!actual.bucketExists()) {
			steps.add(new Step("create", "bucket " + desired.bucket(), "holds the packages", CodeActions::createBucket));
		}
		if (!actual.codeUploaded()) {
			steps.add(new Step("upload", "package s3://" + desired.bucket() + "/" + desired.code().key(),
					String.format("%.1f MB", desired.code().zip().toFile().length() / 1048576.0), CodeActions::upload));
		}
		else {
			unchanged.add("package " + desired.code().contentHash().substring(0, 12));
		}

		if (actual.logGroup() == null) {
			steps.add(new Step("create", "log group " + desired.logGroup().name(),
					retention(desired.logGroup().retentionDays()), LogActions::create));
		}
		else if (!Objects.equals(normalizedRetention(actual.logGroup().retentionDays()),
				desired.logGroup().retentionDays())) {
			steps.add(new Step("update", "log group " + desired.logGroup().name(),
					retention(normalizedRetention(actual.logGroup().retentionDays())) + " -> "
							+ retention(desired.logGroup().retentionDays()),
					LogActions::setRetention));
		}
		else {
			unchanged.add("log group " + desired.logGroup().name());
		}

		boolean codeOrConfigChanged;
		if (actual.function() == null) {
			steps.add(new Step("create", "function " + function,
					desired.function().runtime() + ", " + desired.function().memory() + " MB",
					FunctionActions::create));
			codeOrConfigChanged = true;
		}
		else {
			List<String> differences = differences(actual.function().configuration(), desired.function());
			if (!Objects.equals(actual.function().roleArn(), desired.roleArn())) {
				differences.add("role");
			}
			boolean architectureChanged = !Objects.equals(actual.function().configuration().architecture(),
					desired.function().architecture());
			differences.remove("architecture");
			if (!differences.isEmpty()) {
				steps.add(new Step("update", "function configuration " + function, String.join(", ", differences),
						FunctionActions::updateConfiguration));
			}
			boolean codeChanged = !Objects.equals(actual.function().codeSha256(), desired.code().codeSha256());
			if (codeChanged || architectureChanged) {
				steps.add(new Step("update", "function code " + function,
						architectureChanged ? "architecture " + desired.function().architecture()
								: "package " + desired.code().contentHash().substring(0, 12),
						FunctionActions::updateCode));
			}
			codeOrConfigChanged = !differences.isEmpty() || codeChanged || architectureChanged;
			Map<String, String> wantedTags = new java.util.LinkedHashMap<>(desired.tags());
			wantedTags.putAll(desired.code().packageTags());
			boolean tagsDiffer = wantedTags.entrySet()
				.stream()
				.anyMatch(e -> !e.getValue().equals(actual.function().tags().get(e.getKey())));
			if (tagsDiffer) {
				steps.add(new Step("update", "function tags " + function, "", FunctionActions::tag));
			}
			if (differences.isEmpty() && !codeChanged && !architectureChanged && !tagsDiffer) {
				unchanged.add("function " + function);
			}
		}
		if (!Objects.equals(actual.function() != null ? actual.function().configuration().reservedConcurrency() : null,
				desired.function().reservedConcurrency())) {
			steps.add(new Step("update", "reserved concurrency " + function,
					desired.function().reservedConcurrency() == null ? "none"
							: desired.function().reservedConcurrency().toString(),
					FunctionActions::reservedConcurrency));
		}

		// The version the live alias should point at: an existing one with this exact desired state, or a new one.
		String aliasVersion = actual.aliases().get(Names.ALIAS);
		ActualVersion matching = codeOrConfigChanged ? null
				: actual.versions()
					.stream()
					.filter(v -> desired.versionDescription().equals(v.description())
							&& Objects.equals(v.codeSha256(), desired.code().codeSha256()))
					.max(Comparator.comparingInt(ActualVersion::number))
					.orElse(null);
		boolean publish = matching == null;
		if (publish) {
			steps.add(new Step("publish", "version of " + function, desired.versionDescription(),
					FunctionActions::publishVersion));
		}
		String targetVersion = publish ? null : matching.version();
		if (aliasVersion == null) {
			steps.add(new Step("create", "alias " + function + ":" + Names.ALIAS,
					publish ? "-> new version" : "-> version " + targetVersion, ctx -> {
						if (targetVersion != null) {
							ctx.setVersion(targetVersion);
						}
						FunctionActions.pointAlias(ctx);
					}));
		}
		else if (publish || !aliasVersion.equals(targetVersion)) {
			steps.add(new Step("update", "alias " + function + ":" + Names.ALIAS,
					aliasVersion + " -> " + (publish ? "new version" : targetVersion), ctx -> {
						if (targetVersion != null) {
							ctx.setVersion(targetVersion);
						}
						FunctionActions.pointAlias(ctx);
					}));
		}
		else {
			unchanged.add("alias " + Names.ALIAS + " -> version " + aliasVersion);
		}
		if (desired.function().provisionedConcurrency() > 0 && (publish || aliasVersion == null
				|| !aliasVersion.equals(targetVersion))) {
			steps.add(new Step("update", "provisioned concurrency " + function + ":" + Names.ALIAS,
					Integer.toString(desired.function().provisionedConcurrency()), FunctionActions::provisionedConcurrency));
		}

		tasks(desired, actual, steps, unchanged);
		http(desired, actual, steps, unchanged);
		schedules(desired, actual, steps, unchanged);
		eventSources(desired, actual, steps, unchanged);
		prune(desired, actual, publish, targetVersion, aliasVersion, steps);
		return new Plan(desired, actual, List.copyOf(steps), List.copyOf(unchanged));
	}

	private static void role(RoleSpec role, ActualStage.ActualRole actual, Map<String, String> tags, List<Step> steps,
			List<String> unchanged) {
		if (role == null) {
			return;
		}
		if (actual == null) {
			steps.add(new Step("create", "role " + role.name(), "trusted by " + role.trustedService(),
					ctx -> RoleActions.create(ctx, role)));
			steps.add(new Step("update", "role policy " + role.name() + "/" + Names.POLICY_NAME,
					"least privilege: " + actionsOf(role.policyDocument()), ctx -> RoleActions.putPolicy(ctx, role)));
			if (!role.attachedPolicies().isEmpty()) {
				steps.add(new Step("update", "role attachments " + role.name(), String.join(", ", role.attachedPolicies()),
						ctx -> RoleActions.attach(ctx, role, List.of())));
			}
			return;
		}
		boolean same = true;
		if (!sameJson(actual.trustDocument(), role.trustDocument())) {
			steps.add(new Step("update", "role trust " + role.name(), "trusted by " + role.trustedService(),
					ctx -> RoleActions.updateTrust(ctx, role)));
			same = false;
		}
		if (!sameJson(actual.inlinePolicies().get(Names.POLICY_NAME), role.policyDocument())) {
			steps.add(new Step("update", "role policy " + role.name() + "/" + Names.POLICY_NAME,
					"least privilege: " + actionsOf(role.policyDocument()), ctx -> RoleActions.putPolicy(ctx, role)));
			same = false;
		}
		if (!new LinkedHashSet<>(actual.attachedPolicies()).equals(new LinkedHashSet<>(role.attachedPolicies()))) {
			steps.add(new Step("update", "role attachments " + role.name(),
					role.attachedPolicies().isEmpty() ? "none" : String.join(", ", role.attachedPolicies()),
					ctx -> RoleActions.attach(ctx, role, actual.attachedPolicies())));
			same = false;
		}
		if (same) {
			unchanged.add("role " + role.name());
		}
	}

	private static void http(DesiredStage desired, ActualStage actual, List<Step> steps, List<String> unchanged) {
		HttpSettings.Type type = desired.http().type();
		String name = desired.http().name();
		// Remove fronts of another kind (the type setting changed).
		if (type != HttpSettings.Type.HTTP_API && actual.httpApi() != null) {
			String id = actual.httpApi().id();
			steps.add(new Step("delete", "HTTP API " + name + " (" + id + ")", "serverless.http.type is now "
					+ type.name().toLowerCase().replace('_', '-'), ctx -> HttpActions.deleteHttpApi(ctx, id)));
		}
		if (type != HttpSettings.Type.REST_API && actual.restApi() != null) {
			String id = actual.restApi().id();
			steps.add(new Step("delete", "REST API " + name + " (" + id + ")", "", ctx -> HttpActions.deleteRestApi(ctx, id)));
		}
		if (type != HttpSettings.Type.FUNCTION_URL && actual.functionUrl() != null) {
			steps.add(new Step("delete", "function URL " + actual.functionUrl().url(), "", HttpActions::deleteFunctionUrl));
		}
		boolean apiFront = type == HttpSettings.Type.HTTP_API || type == HttpSettings.Type.REST_API;
		if (!apiFront && actual.permissions().containsKey(HTTP_PERMISSION)) {
			steps.add(new Step("delete", "permission " + HTTP_PERMISSION, "", ctx -> HttpActions.removePermission(ctx, HTTP_PERMISSION)));
		}
		if (type != HttpSettings.Type.FUNCTION_URL && actual.permissions().containsKey(URL_PERMISSION)) {
			steps.add(new Step("delete", "permission " + URL_PERMISSION, "", ctx -> HttpActions.removePermission(ctx, URL_PERMISSION)));
		}

		switch (type) {
			case HTTP_API -> {
				ActualStage.ActualHttpApi api = actual.httpApi();
				if (api == null) {
					steps.add(new Step("create", "HTTP API " + name, "integration -> " + Names.ALIAS
							+ ", route $default, stage $default", HttpActions::createHttpApi));
				}
				else {
					String missing = HttpActions.missingHttpApiParts(api, desired.aliasArn());
					if (missing.isEmpty()) {
						unchanged.add("HTTP API " + name + " (" + api.id() + ")");
					}
					else {
						steps.add(new Step("update", "HTTP API " + name + " (" + api.id() + ")", missing,
								ctx -> HttpActions.completeHttpApi(ctx, api)));
					}
				}
				String apiId = (api != null) ? api.id() : null;
				String statement = actual.permissions().get(HTTP_PERMISSION);
				if (statement == null || apiId == null || !statement.contains(apiId)) {
					steps.add(new Step((statement == null) ? "create" : "update", "permission " + HTTP_PERMISSION,
							"API Gateway may invoke " + Names.ALIAS, ctx -> HttpActions.grantApiGateway(ctx, statement != null)));
				}
			}
			case REST_API -> {
				if (actual.restApi() == null) {
					steps.add(new Step("create", "REST API " + name, "{proxy+} and / -> " + Names.ALIAS + ", stage "
							+ desired.stage(), HttpActions::createRestApi));
				}
				else {
					steps.add(new Step("update", "REST API " + name + " (" + actual.restApi().id() + ")",
							"ensure integration and stage", ctx -> HttpActions.completeRestApi(ctx, actual.restApi().id())));
				}
				String statement = actual.permissions().get(HTTP_PERMISSION);
				String apiId = (actual.restApi() != null) ? actual.restApi().id() : null;
				if (statement == null || apiId == null || !statement.contains(apiId)) {
					steps.add(new Step((statement == null) ? "create" : "update", "permission " + HTTP_PERMISSION,
							"API Gateway may invoke " + Names.ALIAS, ctx -> HttpActions.grantApiGateway(ctx, statement != null)));
				}
			}
			case FUNCTION_URL -> {
				ActualStage.ActualFunctionUrl url = actual.functionUrl();
				String auth = desired.http().functionUrlAuth();
				if (url == null) {
					steps.add(new Step("create", "function URL " + desired.functionName() + ":" + Names.ALIAS,
							"auth " + auth, HttpActions::createFunctionUrl));
				}
				else if (!auth.equals(url.authType())) {
					steps.add(new Step("update", "function URL " + url.url(), "auth " + url.authType() + " -> " + auth,
							HttpActions::updateFunctionUrl));
				}
				else {
					unchanged.add("function URL " + url.url());
				}
				boolean publicUrl = "NONE".equals(auth);
				if (publicUrl && !actual.permissions().containsKey(URL_PERMISSION)) {
					steps.add(new Step("create", "permission " + URL_PERMISSION, "anyone may call the URL",
							HttpActions::grantPublicUrl));
				}
				else if (!publicUrl && actual.permissions().containsKey(URL_PERMISSION)) {
					steps.add(new Step("delete", "permission " + URL_PERMISSION, "URL needs signed requests",
							ctx -> HttpActions.removePermission(ctx, URL_PERMISSION)));
				}
			}
			case ALB -> steps.add(new Step("create", "application load balancer", "not supported yet",
					ctx -> {
						throw new UnsupportedOperationException("serverless.http.type=alb is not supported by this "
								+ "console yet: use http-api, rest-api or function-url");
					}));
			case NONE -> {
			}
		}
		httpSecurity(desired, steps);
	}

	/**
	 * {@code serverless.http.*} CORS, authorization, throttling, access log and REST settings: one step
	 * that reads each part and changes only what differs (planned whenever any is set).
	 */
	private static void httpSecurity(DesiredStage desired, List<Step> steps) {
		io.serverlessspring.shell.model.HttpSecuritySpec security = desired.http().security();
		if (security == null || security.isDefault()) {
			return;
		}
		switch (desired.http().type()) {
			case HTTP_API -> steps.add(new Step("update", "HTTP API settings " + desired.http().name(), security.describe(),
					io.serverlessspring.shell.apply.HttpSecurityActions::ensureHttpApi));
			case REST_API -> steps.add(new Step("update", "REST API settings " + desired.http().name(), security.describe(),
					io.serverlessspring.shell.apply.HttpSecurityActions::ensureRestApi));
			case FUNCTION_URL -> {
				if (security.cors() != null) {
					steps.add(new Step("update", "function URL settings " + desired.functionName(), security.describe(),
							io.serverlessspring.shell.apply.HttpSecurityActions::ensureFunctionUrl));
				}
			}
			default -> {
			}
		}
	}

	private static void schedules(DesiredStage desired, ActualStage actual, List<Step> steps, List<String> unchanged) {
		String group = Names.scheduleGroup(desired.functionName());
		if (desired.schedules().isEmpty()) {
			if (actual.scheduleGroupExists()) {
				steps.add(new Step("delete", "schedule group " + group, "no schedules left",
						ctx -> ScheduleActions.deleteGroup(ctx, group)));
			}
			return;
		}
		if (!actual.scheduleGroupExists()) {
			steps.add(new Step("create", "schedule group " + group, "", ScheduleActions::createGroup));
		}
		Set<String> wanted = new LinkedHashSet<>();
		for (ScheduleSpec schedule : desired.schedules()) {
			wanted.add(schedule.name());
			ActualSchedule existing = actual.schedules().get(schedule.name());
			String what = schedule.expression() + (schedule.timezone() != null ? " " + schedule.timezone() : "")
					+ (schedule.enabled() ? "" : ", disabled");
			if (existing == null) {
				steps.add(new Step("create", "schedule " + schedule.name(), what,
						ctx -> ScheduleActions.put(ctx, schedule, false)));
			}
			else if (!scheduleDifferences(existing, schedule, desired).isEmpty()) {
				steps.add(new Step("update", "schedule " + schedule.name(),
						String.join(", ", scheduleDifferences(existing, schedule, desired)),
						ctx -> ScheduleActions.put(ctx, schedule, true)));
			}
			else {
				unchanged.add("schedule " + schedule.name());
			}
		}
		for (String name : actual.schedules().keySet()) {
			if (!wanted.contains(name)) {
				steps.add(new Step("delete", "schedule " + name, "no longer declared",
						ctx -> ScheduleActions.delete(ctx, name)));
			}
		}
	}

	private static void tasks(DesiredStage desired, ActualStage actual, List<Step> steps, List<String> unchanged) {
		io.serverlessspring.shell.model.TaskResourcesSpec tasks = desired.tasks();
		if (tasks.table() != null) {
			if (actual.tasks().table() && actual.tasks().tableExpiry()) {
				unchanged.add("task table " + tasks.table());
			}
			else if (actual.tasks().table()) {
				// e.g. a deploy interrupted between CreateTable and UpdateTimeToLive
				steps.add(new Step("update", "task table " + tasks.table(), "TTL expiresAt enabled",
						io.serverlessspring.shell.apply.TaskActions::enableExpiry));
			}
			else {
				steps.add(new Step("create", "task table " + tasks.table(), "captured responses, TTL expiresAt",
						io.serverlessspring.shell.apply.TaskActions::createTable));
			}
		}
		if (tasks.topic() != null) {
			if (!actual.tasks().topic()) {
				steps.add(new Step("create", "task topic " + tasks.topic(), "", io.serverlessspring.shell.apply.TaskActions::createTopic));
			}
			if (!actual.tasks().subscribed()) {
				steps.add(new Step("create", "subscription " + tasks.topic() + " -> " + Names.ALIAS, "",
						io.serverlessspring.shell.apply.TaskActions::subscribeAlias));
			}
			else {
				unchanged.add("task topic " + tasks.topic());
			}
		}
		if (tasks.queue() != null) {
			if (actual.tasks().queue()) {
				unchanged.add("task queue " + tasks.queue());
			}
			else {
				steps.add(new Step("create", "task queue " + tasks.queue(), "", io.serverlessspring.shell.apply.TaskActions::createQueue));
			}
		}
	}

	private static void eventSources(DesiredStage desired, ActualStage actual, List<Step> steps, List<String> unchanged) {
		Set<String> wanted = new LinkedHashSet<>();
		for (io.serverlessspring.shell.model.EventSourceSpec source : desired.eventSources()) {
			wanted.add(source.sourceArn());
			String queue = source.sourceArn().substring(source.sourceArn().lastIndexOf(':') + 1);
			if (actual.missingSources().contains(source.sourceArn()) && "sqs".equals(source.type())
					&& desired.eventQueues().contains(queue)) {
				// serverless.events.create-queues: the stage's own queue, made before its mapping.
				steps.add(new Step("create", "event queue " + queue, source.id(),
						ctx -> ctx.clients().sqs().createQueue(b -> b.queueName(queue).tags(ctx.desired().tags()))));
				steps.add(new Step("create", "event source mapping " + source.sourceArn(), source.id(),
						ctx -> io.serverlessspring.shell.apply.EventSourceActions.create(ctx, source)));
				continue;
			}
			if (actual.missingSources().contains(source.sourceArn())) {
				unchanged.add("event source " + source.sourceArn() + " NOT CONNECTED: it does not exist (create it, then deploy again)");
				continue;
			}
			ActualStage.ActualMapping mapping = actual.mappings().get(source.sourceArn());
			if (mapping == null) {
				steps.add(new Step("create", "event source mapping " + source.sourceArn(), source.id(),
						ctx -> io.serverlessspring.shell.apply.EventSourceActions.create(ctx, source)));
				continue;
			}
			List<String> differences = new ArrayList<>();
			if (source.batchSize() != null) {
				diff(differences, "batch size", mapping.batchSize(), source.batchSize());
			}
			if (source.batchWindowSeconds() != null) {
				diff(differences, "batch window", normalizedWindow(mapping.batchWindowSeconds()), source.batchWindowSeconds());
			}
			diff(differences, "report batch item failures", mapping.reportBatchItemFailures(), source.reportBatchItemFailures());
			diff(differences, "enabled", mapping.enabled(), source.enabled());
			if (!sameFilter(mapping.filters(), source.filter())) {
				differences.add("filter " + (mapping.filters().isEmpty() ? "none" : String.join(" | ", mapping.filters()))
						+ " -> " + (source.filter() == null ? "none" : source.filter()));
			}
			if (source.startingPosition() != null && mapping.startingPosition() != null
					&& !source.startingPosition().equals(mapping.startingPosition())) {
				// Lambda fixes the starting position at creation: the mapping is made again.
				steps.add(new Step("replace", "event source mapping " + source.sourceArn(),
						"starting position " + mapping.startingPosition() + " -> " + source.startingPosition(), ctx -> {
							io.serverlessspring.shell.apply.EventSourceActions.delete(ctx, mapping.uuid());
							io.serverlessspring.shell.apply.EventSourceActions.create(ctx, source);
						}));
				continue;
			}
			if (differences.isEmpty()) {
				unchanged.add("event source " + source.sourceArn());
			}
			else {
				steps.add(new Step("update", "event source mapping " + source.sourceArn(), String.join(", ", differences),
						ctx -> io.serverlessspring.shell.apply.EventSourceActions.update(ctx, mapping.uuid(), source)));
			}
		}
		for (ActualStage.ActualMapping mapping : actual.mappings().values()) {
			if (!wanted.contains(mapping.sourceArn())) {
				steps.add(new Step("delete", "event source mapping " + mapping.sourceArn(), "no longer declared",
						ctx -> io.serverlessspring.shell.apply.EventSourceActions.delete(ctx, mapping.uuid())));
			}
		}
	}

	private static Integer normalizedWindow(Integer seconds) {
		return (seconds == null) ? 0 : seconds;
	}

	private static List<String> scheduleDifferences(ActualSchedule actual, ScheduleSpec desired, DesiredStage stage) {
		List<String> differences = new ArrayList<>();
		diff(differences, "expression", actual.expression(), desired.expression());
		diff(differences, "time zone", utcToNull(actual.timezone()), utcToNull(desired.timezone()));
		diff(differences, "enabled", actual.enabled(), desired.enabled());
		diff(differences, "target", actual.targetArn(), stage.aliasArn());
		diff(differences, "role", actual.roleArn(), Names.roleArn(stage.account(), stage.schedulerRole().name()));
		if (!sameJson(actual.input(), desired.input())) {
			differences.add("input");
		}
		return differences;
	}

	private static String utcToNull(String zone) {
		return (zone == null || zone.isEmpty() || zone.equals("UTC") || zone.equals("Etc/UTC")) ? null : zone;
	}

	private static void prune(DesiredStage desired, ActualStage actual, boolean publish, String targetVersion,
			String aliasVersion, List<Step> steps) {
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
			steps.add(new Step("delete", "old versions " + String.join(", ", delete) + " of " + desired.functionName(),
					"keeping " + desired.retainedVersions(), ctx -> FunctionActions.deleteVersions(ctx, delete)));
		}
	}

	/** Filter patterns compared as JSON (Lambda may return them re-spaced). */
	static boolean sameFilter(List<String> actual, String desired) {
		if (desired == null) {
			return actual == null || actual.isEmpty();
		}
		if (actual == null || actual.size() != 1) {
			return false;
		}
		tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
		try {
			return json.readTree(actual.get(0)).equals(json.readTree(desired));
		}
		catch (RuntimeException ex) {
			return actual.get(0).equals(desired);
		}
	}

	/** Configuration fields that differ, as {@code memory 512 -> 1024}. */
	static List<String> differences(FunctionSpec actual, FunctionSpec desired) {
		List<String> differences = new ArrayList<>();
		diff(differences, "description", actual.description(), desired.description());
		diff(differences, "runtime", actual.runtime(), desired.runtime());
		diff(differences, "handler", actual.handler(), desired.handler());
		diff(differences, "memory", actual.memory(), desired.memory());
		diff(differences, "timeout", actual.timeout(), desired.timeout());
		diff(differences, "ephemeral storage", actual.ephemeralStorage(), desired.ephemeralStorage());
		// Variables set outside the tool stay: compare with what deploy would write.
		Map<String, String> wanted = io.serverlessspring.shell.model.ManagedEnvironment.merge(desired.environment(),
				actual.environment());
		if (!actual.environment().equals(wanted)) {
			Set<String> keys = new LinkedHashSet<>(wanted.keySet());
			keys.addAll(actual.environment().keySet());
			List<String> changed = keys.stream()
				.filter(k -> !Objects.equals(actual.environment().get(k), wanted.get(k)))
				.toList();
			differences.add("environment " + String.join(", ", changed));
		}
		diff(differences, "layers", actual.layers(), desired.layers());
		diff(differences, "tracing", actual.tracing(), desired.tracing());
		diff(differences, "kms key", actual.kmsKeyArn(), desired.kmsKeyArn());
		diff(differences, "dead-letter target", actual.deadLetterTarget(), desired.deadLetterTarget());
		diff(differences, "subnets", actual.subnetIds(), desired.subnetIds());
		diff(differences, "security groups", actual.securityGroupIds(), desired.securityGroupIds());
		diff(differences, "snap start", actual.snapStart(), desired.snapStart());
		diff(differences, "architecture", actual.architecture(), desired.architecture());
		return differences;
	}

	private static void diff(List<String> differences, String name, Object actual, Object desired) {
		if (!Objects.equals(emptyToNull(actual), emptyToNull(desired))) {
			differences.add(name + " " + display(actual) + " -> " + display(desired));
		}
	}

	private static Object emptyToNull(Object value) {
		if (value instanceof String s && s.isEmpty()) {
			return null;
		}
		if (value instanceof java.util.Collection<?> c && c.isEmpty()) {
			return null;
		}
		return value;
	}

	private static String display(Object value) {
		Object normalized = emptyToNull(value);
		return (normalized == null) ? "none" : normalized.toString();
	}

	private static Integer normalizedRetention(Integer days) {
		return (days == null) ? 0 : days;
	}

	private static String retention(int days) {
		return (days == 0) ? "kept forever" : "kept " + days + " days";
	}

	static boolean sameJson(String a, String b) {
		if (a == null || b == null) {
			return a == b;
		}
		try {
			JsonNode left = JSON.readTree(a);
			JsonNode right = JSON.readTree(b);
			return normalize(left).equals(normalize(right));
		}
		catch (RuntimeException ex) {
			return a.equals(b);
		}
	}

	/** IAM returns single-element arrays as strings and vice versa; compare them as equal. */
	private static JsonNode normalize(JsonNode node) {
		if (node.isObject()) {
			tools.jackson.databind.node.ObjectNode copy = JSON.createObjectNode();
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				copy.set(entry.getKey(), normalize(entry.getValue()));
			}
			return copy;
		}
		if (node.isArray()) {
			if (node.size() == 1) {
				return normalize(node.get(0));
			}
			tools.jackson.databind.node.ArrayNode copy = JSON.createArrayNode();
			node.forEach(element -> copy.add(normalize(element)));
			return copy;
		}
		return node;
	}

	private static String actionsOf(String policy) {
		Set<String> actions = new LinkedHashSet<>();
		for (JsonNode statement : JSON.readTree(policy).path("Statement")) {
			statement.path("Action").forEach(action -> actions.add(action.asString()));
		}
		return String.join(", ", actions);
	}

}
