package io.serverlessspring.shell.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.boot.settings.HttpSettings;
import io.serverlessspring.shell.model.CodeSpec;
import io.serverlessspring.shell.model.DesiredStage;
import io.serverlessspring.shell.model.FunctionSpec;
import io.serverlessspring.shell.model.HttpFrontSpec;
import io.serverlessspring.shell.model.LayerSpec;
import io.serverlessspring.shell.model.LogGroupSpec;
import io.serverlessspring.shell.model.TaskResourcesSpec;
import io.serverlessspring.shell.state.ActualLayers;
import io.serverlessspring.shell.state.ActualLayers.ActualLayerVersion;
import io.serverlessspring.shell.state.ActualStage;

import static org.assertj.core.api.Assertions.assertThat;

/** The dependency layer in plans: published once per dependency set, named by the function, pruned when unused. */
class LayerPlannerTest {

	private static final String LAYER = "arn:aws:lambda:eu-west-1:123456789012:layer:" + ResourceNames.DEPENDENCY_LAYER + ":";

	private static final String HASH = "d".repeat(64);

	@Test
	void publishesANewDependencySetAndNamesTheVersionThePlanPublishesFirstInTheFunctionsLayers() {
		DesiredStage desired = desired(HASH, List.of("arn:aws:lambda:eu-west-1:123456789012:layer:user:3"));
		ActualStage actual = withLayers(new ActualLayers(List.of(new ActualLayerVersion(LAYER + "1", 1, "e".repeat(64))), Map.of()));
		List<ResourceChange> changes = new ArrayList<>();

		DesiredStage planned = LayerPlanner.withLayer(desired, actual);
		LayerPlanner.publish(planned, actual, changes, new ArrayList<>());

		assertThat(changes).singleElement().isInstanceOfSatisfying(LayerChanges.LayerVersion.class, change -> {
			assertThat(change.action()).isEqualTo(Action.CREATE);
			assertThat(change.description()).isEqualTo("serverless-spring dependencies sha256:" + HASH);
			assertThat(change.key()).isEqualTo(ResourceNames.DEPENDENCY_LAYER + "/" + HASH + ".zip");
			assertThat(change.describe()).startsWith("publish dependency layer serverless-spring-dependencies");
		});
		assertThat(planned.function().layers()).containsExactly("ref(layerVersionArn)",
				"arn:aws:lambda:eu-west-1:123456789012:layer:user:3");
	}

	@Test
	void aVersionWithTheSameDependencySetIsUsedAsItIsWhoeverPublishedIt() {
		DesiredStage desired = desired(HASH, List.of());
		ActualStage actual = withLayers(new ActualLayers(List.of(new ActualLayerVersion(LAYER + "4", 4, HASH)),
				Map.of(LAYER + "4", Set.of("other-prod:$LATEST"))));
		List<ResourceChange> changes = new ArrayList<>();
		List<String> unchanged = new ArrayList<>();

		DesiredStage planned = LayerPlanner.withLayer(desired, actual);
		LayerPlanner.publish(planned, actual, changes, unchanged);
		LayerPlanner.prune(planned, actual, changes);

		assertThat(changes).isEmpty();
		assertThat(unchanged).contains("dependency layer serverless-spring-dependencies:4");
		assertThat(planned.function().layers()).containsExactly(LAYER + "4");
	}

	@Test
	void prunesOnlyVersionsThisFunctionUsedThatNoFunctionVersionUsesAfterThePlan() {
		DesiredStage desired = desired(HASH, List.of());
		ActualStage actual = withLayers(new ActualLayers(List.of(
				new ActualLayerVersion(LAYER + "1", 1, "1".repeat(64)), // only this function's $LATEST: goes
				new ActualLayerVersion(LAYER + "2", 2, "2".repeat(64)), // a retained version of this function: stays
				new ActualLayerVersion(LAYER + "3", 3, "3".repeat(64)), // another stage: stays
				new ActualLayerVersion(LAYER + "4", 4, "4".repeat(64)), // a version the plan deletes: goes
				new ActualLayerVersion(LAYER + "5", 5, "5".repeat(64)), // never used by this function: not ours to prune
				new ActualLayerVersion(LAYER + "6", 6, HASH)), // the wanted one
				Map.of(LAYER + "1", Set.of("shop-dev:$LATEST"), LAYER + "2", Set.of("shop-dev:7"),
						LAYER + "3", Set.of("shop-dev:$LATEST", "shop-prod:2"), LAYER + "4", Set.of("shop-dev:5"))));
		List<ResourceChange> changes = new ArrayList<>();
		changes.add(new FunctionChanges.Version(Action.DELETE, "shop-dev", null, null, false, List.of("5"), "", List.of()));

		LayerPlanner.prune(LayerPlanner.withLayer(desired, actual), actual, changes);

		assertThat(changes).last().isInstanceOfSatisfying(LayerChanges.LayerVersion.class, change -> {
			assertThat(change.action()).isEqualTo(Action.DELETE);
			assertThat(change.versions()).containsExactly(1L, 4L);
			assertThat(change.describe()).isEqualTo(
					"delete unused versions 1, 4 of serverless-spring-dependencies (no function uses them)");
		});
	}

	@Test
	void undeployRemovesTheVersionsNoOtherFunctionUses() {
		ActualLayers layers = new ActualLayers(List.of(new ActualLayerVersion(LAYER + "1", 1, "1".repeat(64)),
				new ActualLayerVersion(LAYER + "2", 2, "2".repeat(64)), new ActualLayerVersion(LAYER + "3", 3, "3".repeat(64))),
				Map.of(LAYER + "1", Set.of("shop-dev:$LATEST", "shop-dev:3"), LAYER + "2", Set.of("shop-dev:2", "shop-prod:$LATEST")));

		List<ResourceChange> changes = LayerPlanner.teardown("shop-dev", "bucket", layers);

		assertThat(changes).singleElement().isInstanceOfSatisfying(LayerChanges.LayerVersion.class, change -> {
			assertThat(change.versions()).as("version 2 is shop-prod's; 3 nobody's").containsExactly(1L, 3L);
			assertThat(change.keys()).as("their source zips in the bucket")
				.containsExactly(ResourceNames.layerKey("1".repeat(64)), ResourceNames.layerKey("3".repeat(64)));
		});
	}

	@Test
	void oneUnusedVersionIsNamedInTheSingular() {
		ActualLayers layers = new ActualLayers(List.of(new ActualLayerVersion(LAYER + "1", 1, "1".repeat(64))),
				Map.of(LAYER + "1", Set.of("shop-dev:$LATEST")));

		List<ResourceChange> changes = LayerPlanner.teardown("shop-dev", "bucket", layers);

		assertThat(changes).singleElement()
			.satisfies(change -> assertThat(change.describe()).startsWith("delete unused version 1 of serverless-spring-dependencies"));
	}

	private static ActualStage withLayers(ActualLayers layers) {
		ActualStage empty = ActualStage.empty();
		return new ActualStage(empty.role(), empty.schedulerRole(), empty.bucketExists(), empty.codeUploaded(),
				empty.function(), empty.versions(), empty.aliases(), empty.logGroup(), empty.httpApi(), empty.restApi(),
				empty.functionUrl(), empty.permissions(), empty.scheduleGroupExists(), empty.schedules(), empty.mappings(),
				empty.missingSources(), empty.tasks(), empty.events(), empty.security(), empty.packages(),
				empty.eventQueues(), empty.webSocketApi(), empty.alb(), layers);
	}

	private static DesiredStage desired(String layerHash, List<String> userLayers) {
		FunctionSpec function = new FunctionSpec("shop-dev", "", "java21", "handler", "x86_64", 512, 30, 512, Map.of(),
				userLayers, "PassThrough", null, null, List.of(), List.of(), false, null, 0);
		CodeSpec code = new CodeSpec(Path.of("shop-dev.zip"), ResourceNames.codeKey("shop-dev", "a".repeat(64)), "sha",
				"a".repeat(64), Map.of());
		return new DesiredStage("shop", "dev", "eu-west-1", "123456789012", Map.of(), null, "role", null, "bucket", code,
				function, "v", 3, new HttpFrontSpec(HttpSettings.Type.HTTP_API, "shop-dev", "NONE"),
				new LogGroupSpec("/aws/lambda/shop-dev", 30), List.of(), null, List.of(), List.of(), TaskResourcesSpec.NONE, null,
				new LayerSpec(ResourceNames.DEPENDENCY_LAYER, layerHash, Path.of("shop-dev-dependencies.zip"),
						ResourceNames.layerKey(layerHash), 1024));
	}

}
