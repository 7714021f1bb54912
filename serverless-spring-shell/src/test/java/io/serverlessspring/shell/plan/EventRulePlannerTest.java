package io.serverlessspring.shell.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.serverlessspring.shell.model.DesiredStage;
import io.serverlessspring.shell.model.EventSourceSpec;
import io.serverlessspring.shell.model.FunctionSpec;
import io.serverlessspring.shell.model.TaskResourcesSpec;
import io.serverlessspring.shell.state.ActualStage;
import io.serverlessspring.shell.state.ActualStage.ActualEvents;
import io.serverlessspring.shell.state.ActualStage.ActualRule;
import io.serverlessspring.shell.state.ActualStage.ActualTasks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** EventBridge rules planned from hand-made states: no AWS. */
class EventRulePlannerTest {

	private static final String PATTERN = "{\"source\":[\"shop.orders\"]}";

	private static final String DEFAULT_RULE = "arn:aws:events:eu-west-1:123456789012:rule/shop-dev-orders.on";

	private static final String SHELTER_RULE = "arn:aws:events:eu-west-1:123456789012:rule/shelter/shop-dev-orders.on";

	@Test
	void aNewHandlerGetsItsPermissionBeforeItsRule() {
		List<String> plan = plan(List.of(handler("default", PATTERN)), Map.of(), Map.of());
		assertThat(plan).containsExactly("create permission serverless-events-shop-dev-orders.on",
				"create event rule shop-dev-orders.on");
	}

	@Test
	void aDeployedRuleWithTheSamePatternWrittenDifferentlyIsUnchanged() {
		List<String> plan = plan(List.of(handler("default", PATTERN)),
				Map.of(DEFAULT_RULE, new ActualRule("shop-dev-orders.on", "default", "{ \"source\" : \"shop.orders\" }", true, null)),
				Map.of("serverless-events-shop-dev-orders.on", "{\"Condition\":{\"ArnLike\":{\"AWS:SourceArn\":\"" + DEFAULT_RULE + "\"}}}"));
		assertThat(plan).isEmpty();
	}

	@Test
	void aHandlerMovedToAnotherBusIsGrantedForTheNewRuleAndKeepsItsPermissionWhenTheOldRuleGoes() {
		List<String> plan = plan(List.of(handler("shelter", PATTERN)),
				Map.of(DEFAULT_RULE, new ActualRule("shop-dev-orders.on", "default", PATTERN, true, null)),
				Map.of("serverless-events-shop-dev-orders.on", "{\"Condition\":{\"ArnLike\":{\"AWS:SourceArn\":\"" + DEFAULT_RULE + "\"}}}"));
		assertThat(plan).containsExactly("update permission serverless-events-shop-dev-orders.on",
				"create event rule shelter/shop-dev-orders.on", "delete event rule shop-dev-orders.on");
	}

	@Test
	void aRemovedHandlerLosesItsRuleAndPermission() {
		List<String> plan = plan(List.of(),
				Map.of(SHELTER_RULE, new ActualRule("shop-dev-orders.on", "shelter", PATTERN, true, null)),
				Map.of("serverless-events-shop-dev-orders.on", "{}"));
		assertThat(plan).containsExactly("delete event rule shelter/shop-dev-orders.on",
				"delete permission serverless-events-shop-dev-orders.on");
	}

	private static EventSourceSpec handler(String bus, String pattern) {
		return new EventSourceSpec("orders#on", "eventbridge", "arn:aws:events:eu-west-1:123456789012:event-bus/" + bus,
				null, null, null, false, true, pattern, List.of(), null, null);
	}

	/** The plan's lines without their details. */
	private static List<String> plan(List<EventSourceSpec> sources, Map<String, ActualRule> rules,
			Map<String, String> permissions) {
		FunctionSpec function = new FunctionSpec("shop-dev", "", "java21", "h", "x86_64", 512, 30, 512, Map.of(), List.of(),
				"PassThrough", null, null, List.of(), List.of(), false, null, 0);
		DesiredStage desired = new DesiredStage("shop", "dev", "eu-west-1", "123456789012", Map.of(), null, null, null,
				null, null, function, "", 3, null, null, List.of(), "/", sources, List.of(), TaskResourcesSpec.NONE);
		ActualStage actual = new ActualStage(null, null, true, true, null, List.of(), Map.of(), null, null, null, null,
				permissions, false, Map.of(), Map.of(), Set.of(), ActualTasks.NONE,
				new ActualEvents(Map.of(), Map.of(), Map.of(), rules), null, List.of(), List.of());
		List<ResourceChange> changes = new ArrayList<>();
		EventRulePlanner.rules(desired, actual, changes, new ArrayList<>());
		return changes.stream().map(ResourceChange::describe).map(line -> line.split(" \\(")[0]).toList();
	}

}
