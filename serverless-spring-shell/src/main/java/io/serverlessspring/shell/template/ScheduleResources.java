package io.serverlessspring.shell.template;

import java.util.List;
import java.util.Map;

import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.shell.model.ScheduleSpec;

import static io.serverlessspring.shell.template.Cfn.getAtt;
import static io.serverlessspring.shell.template.Cfn.map;
import static io.serverlessspring.shell.template.Cfn.ref;

/** The stage's schedule group, the scheduler's role and one EventBridge Scheduler schedule per desired schedule. */
final class ScheduleResources {

	private ScheduleResources() {
	}

	static void add(TemplateDocument stack) {
		List<ScheduleSpec> schedules = stack.desired().schedules();
		if (schedules.isEmpty()) {
			return;
		}
		stack.resource("ScheduleGroup", "AWS::Scheduler::ScheduleGroup",
				map("Name", ResourceNames.scheduleGroup(stack.functionName()), "Tags", stack.tagList()));
		stack.resource("SchedulerRole", "AWS::IAM::Role",
				FunctionResources.roleProperties(stack, stack.desired().schedulerRole()));
		int index = 0;
		for (ScheduleSpec schedule : schedules) {
			Map<String, Object> properties = map("Name", schedule.name(), "GroupName", ref("ScheduleGroup"),
					"ScheduleExpression", schedule.expression());
			if (schedule.timezone() != null) {
				properties.put("ScheduleExpressionTimezone", schedule.timezone());
			}
			properties.put("State", schedule.enabled() ? "ENABLED" : "DISABLED");
			properties.put("FlexibleTimeWindow", map("Mode", "OFF"));
			properties.put("Target",
					map("Arn", stack.alias(), "RoleArn", getAtt("SchedulerRole", "Arn"), "Input", schedule.input()));
			stack.onAlias("Schedule" + index++, "AWS::Scheduler::Schedule", properties);
		}
	}

}
