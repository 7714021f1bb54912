package io.serverlessspring.shell.plan;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.serverlessspring.boot.naming.Arns;
import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.boot.settings.HttpSettings;
import io.serverlessspring.shell.model.CodeSpec;
import io.serverlessspring.shell.model.DesiredStage;
import io.serverlessspring.shell.model.FunctionSpec;
import io.serverlessspring.shell.model.HttpFrontSpec;
import io.serverlessspring.shell.model.LogGroupSpec;
import io.serverlessspring.shell.model.StageTags;
import io.serverlessspring.shell.model.RoleSpec;
import io.serverlessspring.shell.model.ScheduleSpec;
import io.serverlessspring.shell.state.ActualStage.ActualFunction;
import io.serverlessspring.shell.state.ActualStage.ActualHttpApi;
import io.serverlessspring.shell.state.ActualStage.ActualLogGroup;
import io.serverlessspring.shell.state.ActualStage.ActualRole;
import io.serverlessspring.shell.state.ActualStage.ActualSchedule;
import io.serverlessspring.shell.state.ActualStage.ActualVersion;
import io.serverlessspring.shell.state.ActualStage;
import io.serverlessspring.shell.state.StageNames;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Plans computed from hand-made states: no AWS. */
class PlannerTest {

	private static final String ACCOUNT = "123456789012";

	private static final String REGION = "eu-west-1";

	@Test
	void firstDeployCreatesEverythingInDependencyOrder() {
		Plan plan = Planner.plan(desired(1024, 10), ActualStage.empty());
		assertThat(plan.changes()).extracting(ResourceChange::describe)
			.extracting(line -> line.split(" \\(")[0])
			.containsExactly("create role shop-dev-role", "update role policy shop-dev-role/serverless-least-privilege",
					"create role shop-dev-scheduler", "update role policy shop-dev-scheduler/serverless-least-privilege",
					"create bucket serverless-spring-123456789012-eu-west-1",
					"upload package s3://serverless-spring-123456789012-eu-west-1/shop-dev/" + "a".repeat(64) + ".zip",
					"create log group /aws/lambda/shop-dev", "create function shop-dev", "publish version of shop-dev",
					"create alias shop-dev:live", "create HTTP API shop-dev", "create permission serverless-http",
					"create schedule group shop-dev", "create schedule shop-dev-keep-warm");
	}

	@Test
	void upToDateStageHasNoSteps() {
		DesiredStage desired = desired(1024, 10);
		Plan plan = Planner.plan(desired, deployed(desired, desired.function()));
		assertThat(plan.changes()).isEmpty();
		assertThat(plan.unchanged()).contains("function shop-dev", "alias live -> version 3");
	}

	@Test
	void changedMemoryUpdatesConfigurationPublishesAndMovesTheAlias() {
		DesiredStage before = desired(512, 10);
		DesiredStage after = desired(1024, 10);
		Plan plan = Planner.plan(after, deployed(after, before.function()));
		assertThat(plan.changes()).extracting(ResourceChange::describe)
			.containsExactly("update function configuration shop-dev (memory 512 -> 1024)",
					"publish version of shop-dev (" + after.versionDescription() + ")",
					"update alias shop-dev:live (3 -> new version)");
	}

	@Test
	void aChangedTagIsNamedByItsKeyNotItsValue() {
		DesiredStage desired = desired(1024, 10);
		Plan plan = Planner.plan(desired,
				deployed(desired, desired.function(), Map.of(StageTags.PACKAGE_HASH, "bbbbbbbbbbbb")));
		assertThat(plan.changes()).extracting(ResourceChange::describe)
			.contains("update function tags shop-dev (tag serverless:package-hash)")
			.noneMatch(line -> line.contains("bbbbbbbbbbbb"));
	}

	@Test
	void interruptedDeployReusesThePublishedVersionInsteadOfPublishingAgain() {
		DesiredStage desired = desired(1024, 10);
		ActualStage deployed = deployed(desired, desired.function());
		// Version 4 was published with this exact state, but the deploy stopped before moving the alias.
		List<ActualVersion> versions = List.of(new ActualVersion("3", "serverless-spring old/old", "old"),
				new ActualVersion("4", desired.versionDescription(), desired.code().codeSha256()));
		ActualStage interrupted = new ActualStage(deployed.role(), deployed.schedulerRole(), true, true,
				deployed.function(), versions, Map.of(ResourceNames.ALIAS, "3"), deployed.logGroup(), deployed.httpApi(), null, null,
				deployed.permissions(), true, deployed.schedules(), Map.of(), Set.of(), ActualStage.ActualTasks.NONE);
		Plan plan = Planner.plan(desired, interrupted);
		assertThat(plan.changes()).extracting(ResourceChange::describe).containsExactly("update alias shop-dev:live (3 -> 4)");
	}

	@Test
	void pruningKeepsRetainedVersionsAndNeverAnAliasedOne() {
		DesiredStage desired = desired(2048, 2);
		ActualStage deployed = deployed(desired, desired(1024, 2).function());
		List<ActualVersion> versions = List.of(new ActualVersion("1", "", "x"), new ActualVersion("2", "", "x"),
				new ActualVersion("3", "", "x"));
		Map<String, String> aliases = Map.of(ResourceNames.ALIAS, "3", "canary", "1");
		ActualStage many = new ActualStage(deployed.role(), deployed.schedulerRole(), true, true, deployed.function(),
				versions, aliases, deployed.logGroup(), deployed.httpApi(), null, null, deployed.permissions(), true,
				deployed.schedules(), Map.of(), Set.of(), ActualStage.ActualTasks.NONE);
		Plan plan = Planner.plan(desired, many);
		assertThat(plan.changes()).extracting(ResourceChange::describe).last().isEqualTo("delete old versions 2 of shop-dev (keeping 2)");
	}

	@Test
	void switchingToAFunctionUrlRemovesTheApiAndItsPermission() {
		DesiredStage api = desired(1024, 10);
		ActualStage deployed = deployed(api, api.function());
		DesiredStage url = new DesiredStage(api.app(), api.stage(), api.region(), api.account(), api.tags(), api.role(),
				api.roleArn(), api.schedulerRole(), api.bucket(), api.code(), api.function(), api.versionDescription(),
				api.retainedVersions(), new HttpFrontSpec(HttpSettings.Type.FUNCTION_URL, "shop-dev", "NONE"),
				api.logGroup(), api.schedules(), "/", List.of(), List.of(), io.serverlessspring.shell.model.TaskResourcesSpec.NONE);
		Plan plan = Planner.plan(url, deployed);
		assertThat(plan.changes()).extracting(ResourceChange::describe)
			.containsExactly("delete HTTP API shop-dev (api1) (serverless.http.type is now function-url)",
					"delete permission serverless-http", "create function URL shop-dev:live (auth NONE)",
					"create permission serverless-url (anyone may call the URL)");
	}

	@Test
	void eventSourcesAreMappedToTheLiveAliasUnlessTheSourceIsMissing() {
		DesiredStage base = desired(1024, 10);
		io.serverlessspring.shell.model.EventSourceSpec orders = new io.serverlessspring.shell.model.EventSourceSpec(
				"orders#on", "sqs", "arn:aws:sqs:eu-west-1:123456789012:orders", 10, 0, null, true, true);
		io.serverlessspring.shell.model.EventSourceSpec missing = new io.serverlessspring.shell.model.EventSourceSpec(
				"refunds#on", "sqs", "arn:aws:sqs:eu-west-1:123456789012:refunds", 10, 0, null, true, true);
		DesiredStage desired = new DesiredStage(base.app(), base.stage(), base.region(), base.account(), base.tags(),
				base.role(), base.roleArn(), base.schedulerRole(), base.bucket(), base.code(), base.function(),
				base.versionDescription(), base.retainedVersions(), base.http(), base.logGroup(), base.schedules(), "/",
				List.of(orders, missing), List.of(), io.serverlessspring.shell.model.TaskResourcesSpec.NONE);
		ActualStage deployed = deployed(desired, desired.function());
		ActualStage withOldMapping = new ActualStage(deployed.role(), deployed.schedulerRole(), true, true,
				deployed.function(), deployed.versions(), deployed.aliases(), deployed.logGroup(), deployed.httpApi(), null,
				null, deployed.permissions(), true, deployed.schedules(),
				Map.of("arn:aws:sqs:eu-west-1:123456789012:old", new ActualStage.ActualMapping("u1",
						"arn:aws:sqs:eu-west-1:123456789012:old", 10, 0, true, true)),
				Set.of("arn:aws:sqs:eu-west-1:123456789012:refunds"), ActualStage.ActualTasks.NONE);
		Plan plan = Planner.plan(desired, withOldMapping);
		assertThat(plan.changes()).extracting(ResourceChange::describe)
			.containsExactly("create event source mapping arn:aws:sqs:eu-west-1:123456789012:orders (orders#on)",
					"delete event source mapping arn:aws:sqs:eu-west-1:123456789012:old (no longer declared)");
		assertThat(plan.unchanged()).anyMatch(line -> line.contains("refunds NOT CONNECTED: it does not exist"));
	}

	@Test
	void taskResourcesAreCreatedBeforeTheQueueIsMappedAndTheTopicSubscribed() {
		DesiredStage base = desired(1024, 10);
		io.serverlessspring.shell.model.TaskResourcesSpec tasks = new io.serverlessspring.shell.model.TaskResourcesSpec(
				"shop-dev-tasks", "shop-dev-tasks", "shop-dev-tasks");
		io.serverlessspring.shell.model.EventSourceSpec queue = new io.serverlessspring.shell.model.EventSourceSpec(
				"tasks", "sqs", "arn:aws:sqs:eu-west-1:123456789012:shop-dev-tasks", 10, 0, null, true, true);
		DesiredStage desired = new DesiredStage(base.app(), base.stage(), base.region(), base.account(), base.tags(),
				base.role(), base.roleArn(), base.schedulerRole(), base.bucket(), base.code(), base.function(),
				base.versionDescription(), base.retainedVersions(), base.http(), base.logGroup(), base.schedules(), "/",
				List.of(queue), List.of(), tasks);
		assertThat(StageNames.of(desired).sourceArns()).as("the task queue is created, not looked for").isEmpty();
		Plan plan = Planner.plan(desired, deployed(desired, desired.function()));
		assertThat(plan.changes()).extracting(ResourceChange::describe)
			.containsExactly("create task table shop-dev-tasks (captured responses, TTL expiresAt)",
					"create task topic shop-dev-tasks", "update permission serverless-tasks-sns (the task topic may invoke live)",
					"create subscription shop-dev-tasks -> live",
					"create task queue shop-dev-tasks",
					"create event source mapping arn:aws:sqs:eu-west-1:123456789012:shop-dev-tasks (tasks)");
	}

	@Test
	void aPlanIsDataEqualForEqualInputsWithFieldDiffsAndSymbolicReferences() {
		DesiredStage desired = desired(1024, 10);
		Plan plan = Planner.plan(desired, ActualStage.empty());
		assertThat(plan).isEqualTo(Planner.plan(desired, ActualStage.empty()));
		FunctionChanges.Function function = plan.changes().stream()
			.filter(FunctionChanges.Function.class::isInstance).map(FunctionChanges.Function.class::cast).findFirst().orElseThrow();
		assertThat(function.action()).isEqualTo(Action.CREATE);
		assertThat(function.fields()).contains(FieldChange.of("memory", null, 1024));
		FunctionChanges.Alias alias = plan.changes().stream()
			.filter(FunctionChanges.Alias.class::isInstance).map(FunctionChanges.Alias.class::cast).findFirst().orElseThrow();
		assertThat(alias.version()).isEqualTo(Value.ref(Value.VERSION));
		HttpChanges.Permission permission = plan.changes().stream()
			.filter(HttpChanges.Permission.class::isInstance).map(HttpChanges.Permission.class::cast).findFirst().orElseThrow();
		assertThat(permission.sourceArn().resolve(Map.of(Value.HTTP_API_ID, "api9")))
			.isEqualTo("arn:aws:execute-api:eu-west-1:123456789012:api9/*");
	}

	@Test
	void provisionedConcurrencyIsChangedAndRemovedOnTheLiveAliasWithoutANewVersion() {
		DesiredStage base = desired(1024, 10);
		ActualStage twoProvisioned = deployed(base, base.function().withProvisionedConcurrency(2));

		Plan changed = Planner.plan(withFunction(base, base.function().withProvisionedConcurrency(3)), twoProvisioned);
		assertThat(changed.changes()).extracting(ResourceChange::describe)
			.containsExactly("update provisioned concurrency shop-dev:live (3)");
		assertThat(changed.changes().get(0).fields()).containsExactly(FieldChange.of("provisioned", 2, 3));

		Plan removed = Planner.plan(base, twoProvisioned);
		assertThat(removed.changes()).extracting(ResourceChange::describe)
			.containsExactly("delete provisioned concurrency shop-dev:live (none)");

		Plan same = Planner.plan(withFunction(base, base.function().withProvisionedConcurrency(2)), twoProvisioned);
		assertThat(same.changes()).isEmpty();
	}

	private static DesiredStage withFunction(DesiredStage before, FunctionSpec function) {
		return new DesiredStage(before.app(), before.stage(), before.region(), before.account(), before.tags(),
				before.role(), before.roleArn(), before.schedulerRole(), before.bucket(), before.code(), function,
				before.versionDescription(), before.retainedVersions(), before.http(), before.logGroup(), before.schedules(),
				"/", List.of(), List.of(), io.serverlessspring.shell.model.TaskResourcesSpec.NONE);
	}

	@Test
	void secretEnvironmentValuesAreMaskedInTheChange() {
		DesiredStage before = desired(1024, 10);
		Map<String, String> environment = new LinkedHashMap<>(before.function().environment());
		environment.put("DB_PASSWORD", "hunter2");
		environment.put("GREETING", "hello");
		FunctionSpec f = before.function();
		FunctionSpec withSecret = new FunctionSpec(f.name(), f.description(), f.runtime(), f.handler(), f.architecture(),
				f.memory(), f.timeout(), f.ephemeralStorage(), environment, f.layers(), f.tracing(), f.kmsKeyArn(),
				f.deadLetterTarget(), f.subnetIds(), f.securityGroupIds(), f.snapStart(), f.reservedConcurrency(),
				f.provisionedConcurrency());
		DesiredStage after = new DesiredStage(before.app(), before.stage(), before.region(), before.account(), before.tags(),
				before.role(), before.roleArn(), before.schedulerRole(), before.bucket(), before.code(), withSecret,
				before.versionDescription(), before.retainedVersions(), before.http(), before.logGroup(), before.schedules(),
				"/", List.of(), List.of(), io.serverlessspring.shell.model.TaskResourcesSpec.NONE);
		Plan plan = Planner.plan(after, deployed(after, before.function()));
		FunctionChanges.Configuration configuration = (FunctionChanges.Configuration) plan.changes().get(0);
		assertThat(configuration.fields()).contains(FieldChange.of("environment.DB_PASSWORD", null, FieldChange.MASK),
				FieldChange.of("environment.GREETING", null, "hello"));
		assertThat(io.serverlessspring.shell.render.PlanJson.of(plan).toString()).doesNotContain("hunter2");
		assertThat(configuration.describe()).contains("environment").doesNotContain("hunter2");
	}

	private static DesiredStage desired(int memory, int retained) {
		Map<String, String> tags = new LinkedHashMap<>();
		tags.put(StageTags.APP, "shop");
		tags.put(StageTags.STAGE, "dev");
		tags.put(StageTags.FUNCTION, "shop-dev");
		tags.put(StageTags.MANAGED_BY, StageTags.MANAGER);
		FunctionSpec function = new FunctionSpec("shop-dev", "", "java21",
				"io.serverlessspring.boot.handler.ServerlessHandler::handleRequest", "x86_64", memory, 30, 512,
				Map.of("SERVERLESS_STAGE", "dev"), List.of(), "PassThrough", null, null, List.of(), List.of(), false, null, 0);
		String aliasArn = Arns.alias(REGION, ACCOUNT, "shop-dev");
		RoleSpec role = new RoleSpec("shop-dev-role", "lambda.amazonaws.com", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Logs\",\"Effect\":\"Allow\",\"Action\":[\"logs:PutLogEvents\"],\"Resource\":[\"x\"]}]}", List.of(), null);
		RoleSpec scheduler = new RoleSpec("shop-dev-scheduler", "scheduler.amazonaws.com", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"InvokeLive\",\"Effect\":\"Allow\",\"Action\":[\"lambda:InvokeFunction\"],\"Resource\":[\"" + aliasArn + "\"]}]}", List.of(), null);
		CodeSpec code = new CodeSpec(Path.of("shop-dev.zip"), ResourceNames.codeKey("shop-dev", "a".repeat(64)), "sha",
				"a".repeat(64), Map.of(StageTags.PACKAGE_HASH, "aaaaaaaaaaaa"));
		return new DesiredStage("shop", "dev", REGION, ACCOUNT, tags, role, Arns.role(ACCOUNT, "shop-dev-role"),
				scheduler, ResourceNames.defaultBucket(ACCOUNT, REGION), code, function,
				StageTags.VERSION_MARKER + "aaaaaaaaaaaa/" + function.configurationDigest(), retained,
				new HttpFrontSpec(HttpSettings.Type.HTTP_API, "shop-dev", "NONE"), new LogGroupSpec("/aws/lambda/shop-dev", 30),
				List.of(new ScheduleSpec("shop-dev-keep-warm", "rate(4 minutes)", null, true, "{\"serverless\":{\"kind\":\"keep-warm\"}}")),
				"/", List.of(), List.of(), io.serverlessspring.shell.model.TaskResourcesSpec.NONE);
	}

	/** What AWS holds after {@code desired} was deployed with configuration {@code running}, as version 3. */
	/** The configuration Lambda reports for a function deploy wrote: its environment lists deploy's own keys. */
	private static FunctionSpec asDeployed(FunctionSpec spec) {
		return new FunctionSpec(spec.name(), spec.description(), spec.runtime(), spec.handler(), spec.architecture(),
				spec.memory(), spec.timeout(), spec.ephemeralStorage(),
				io.serverlessspring.shell.model.ManagedEnvironment.merge(spec.environment(), Map.of()), spec.layers(),
				spec.tracing(), spec.kmsKeyArn(), spec.deadLetterTarget(), spec.subnetIds(), spec.securityGroupIds(),
				spec.snapStart(), spec.reservedConcurrency(), spec.provisionedConcurrency());
	}

	private static ActualStage deployed(DesiredStage desired, FunctionSpec running) {
		return deployed(desired, running, Map.of());
	}

	/** As {@link #deployed(DesiredStage, FunctionSpec)}, with some of the function's tags as given. */
	private static ActualStage deployed(DesiredStage desired, FunctionSpec running, Map<String, String> otherTags) {
		Map<String, String> tags = new LinkedHashMap<>(desired.tags());
		tags.putAll(desired.code().packageTags());
		tags.putAll(otherTags);
		ActualRole role = new ActualRole("shop-dev-role", desired.roleArn(), desired.role().trustDocument(),
				Map.of(ResourceNames.POLICY_NAME, desired.role().policyDocument()), List.of(), desired.tags());
		ActualRole scheduler = new ActualRole("shop-dev-scheduler", "arn", desired.schedulerRole().trustDocument(),
				Map.of(ResourceNames.POLICY_NAME, desired.schedulerRole().policyDocument()), List.of(), desired.tags());
		String description = StageTags.VERSION_MARKER + "aaaaaaaaaaaa/" + running.configurationDigest();
		ActualHttpApi api = new ActualHttpApi("api1", "https://api1.execute-api.eu-west-1.amazonaws.com", desired.tags(),
				Map.of("int1", desired.aliasArn()), Map.of("$default", "integrations/int1"), Set.of("$default"));
		ScheduleSpec warm = desired.schedules().get(0);
		return new ActualStage(role, scheduler, true, true,
				new ActualFunction(asDeployed(running), "sha", desired.roleArn(), tags),
				List.of(new ActualVersion("3", description, "sha")), Map.of(ResourceNames.ALIAS, "3"),
				new ActualLogGroup("/aws/lambda/shop-dev", 30), api, null, null,
				Map.of(Planner.HTTP_PERMISSION, "{\"SourceArn\":\"arn:aws:execute-api:eu-west-1:123456789012:api1/*\"}"), true,
				Map.of(warm.name(), new ActualSchedule(warm.name(), warm.expression(), null, true, desired.aliasArn(),
						Arns.role(ACCOUNT, "shop-dev-scheduler"), warm.input())), Map.of(), Set.of(), ActualStage.ActualTasks.NONE);
	}

}
