package io.serverlessspring.shell.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.serverlessspring.boot.events.TriggerSources;
import io.serverlessspring.boot.manifest.DeploymentManifest.EventHandler;
import io.serverlessspring.boot.naming.Arns;
import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.shell.model.EventTriggerSpecs;

import static io.serverlessspring.shell.template.Cfn.getAtt;
import static io.serverlessspring.shell.template.Cfn.map;

/**
 * The manifest's event handlers: event source mappings (SQS, DynamoDB, Kinesis), SNS subscriptions,
 * EventBridge rules, log subscription filters, and the invoke permissions SNS, EventBridge, S3,
 * CloudWatch Logs, Cognito and Lex need.
 */
final class EventSourceResources {

	private final TemplateDocument stack;

	private EventSourceResources(TemplateDocument stack) {
		this.stack = stack;
	}

	static void add(TemplateDocument stack) {
		List<EventHandler> handlers = stack.manifest().eventHandlers();
		if (handlers == null) {
			return;
		}
		EventSourceResources resources = new EventSourceResources(stack);
		int index = 0;
		for (EventHandler handler : handlers) {
			String source = (handler.source() != null) ? handler.source() : "";
			if (source.isEmpty()) {
				continue;
			}
			resources.add("EventSource" + index++, handler, source);
		}
	}

	private void add(String id, EventHandler handler, String source) {
		String type = (handler.type() != null) ? handler.type() : "";
		switch (type) {
			case "sqs", "dynamodb", "kinesis" -> mapping(id, handler, type, source);
			case "sns" -> {
				Object topic = StackArns.source("sns", source);
				this.stack.onAlias(id, "AWS::SNS::Subscription",
						map("Protocol", "lambda", "TopicArn", topic, "Endpoint", this.stack.alias()));
				this.stack.permission(id + "Permission", "sns.amazonaws.com", topic);
			}
			case "eventbridge" -> rule(id, handler, source);
			// An existing bucket's notification cannot be set by a stack that does not own the bucket:
			// grant S3 the invoke; 'schedule' (or deploy) writes the notification configuration.
			case "s3" -> this.stack.permission(id + "Permission", "s3.amazonaws.com", StackArns.source("s3", source));
			case "logs" -> logSubscription(id, handler, source);
			// A stack cannot set the LambdaConfig of a pool it does not own: it grants Cognito the
			// invoke, and deploy sets the pool's trigger (reading the pool's settings first).
			case "cognito" -> this.stack.permission(id + "Permission", "cognito-idp.amazonaws.com",
					Cfn.sub(EventTriggerSpecs.userPool(StageTemplate.REGION, StageTemplate.ACCOUNT,
							TriggerSources.userPoolId(source))));
			// A stack cannot change a bot alias it does not own: it grants Lex the invoke, and deploy
			// sets the alias's code hook (reading the alias's settings first).
			case "lex" -> this.stack.permission(id + "Permission", "lexv2.amazonaws.com", source);
			default -> {
			}
		}
	}

	/** The subscription filter deploy would put (same name), after the permission CloudWatch Logs checks. */
	private void logSubscription(String id, EventHandler handler, String source) {
		String group = TriggerSources.logGroupName(source);
		this.stack.permission(id + "Permission", "logs.amazonaws.com",
				Cfn.sub(Arns.logGroup(StageTemplate.REGION, StageTemplate.ACCOUNT, group) + ":*"));
		Object pattern = (handler.filter() != null) ? handler.filter().get("filterPattern") : null;
		Map<String, Object> filter = map("LogGroupName", group, "FilterName",
				EventTriggerSpecs.logFilterName(this.stack.functionName(), (handler.id() != null) ? handler.id() : id),
				"FilterPattern", (pattern != null) ? pattern : "", "DestinationArn", this.stack.alias());
		Map<String, Object> resource = this.stack.onAlias(id, "AWS::Logs::SubscriptionFilter", filter);
		resource.put("DependsOn", this.stack.sam() ? List.of("Function", id + "Permission") : List.of(id + "Permission"));
	}

	private void mapping(String id, EventHandler handler, String type, String source) {
		Map<String, Object> mapping = map("FunctionName", this.stack.alias(), "EventSourceArn",
				StackArns.source(type, source), "Enabled", handler.enabled());
		if (handler.batchSize() != null) {
			mapping.put("BatchSize", handler.batchSize());
		}
		if (handler.batchWindowSeconds() > 0) {
			mapping.put("MaximumBatchingWindowInSeconds", handler.batchWindowSeconds());
		}
		if (!type.equals("sqs")) {
			mapping.put("StartingPosition", (handler.startingPosition() != null) ? handler.startingPosition() : "LATEST");
		}
		if (handler.reportBatchItemFailures()) {
			mapping.put("FunctionResponseTypes", List.of("ReportBatchItemFailures"));
		}
		if (handler.filter() != null && !handler.filter().isEmpty()) {
			mapping.put("FilterCriteria", map("Filters", List.of(map("Pattern", Cfn.jsonText(handler.filter())))));
		}
		this.stack.onAlias(id, "AWS::Lambda::EventSourceMapping", mapping);
	}

	private void rule(String id, EventHandler handler, String bus) {
		// The name deploy gives the rule, so a stack and a deploy never make two rules for one handler.
		String name = ResourceNames.eventRule(this.stack.functionName(), (handler.id() != null) ? handler.id() : id);
		Map<String, Object> target = map("Id", ResourceNames.ALIAS, "Arn", this.stack.alias());
		if (handler.deadLetterQueue() != null) {
			target.put("DeadLetterConfig", map("Arn", StackArns.source("sqs", handler.deadLetterQueue())));
		}
		Map<String, Object> rule = map("Name", name, "EventBusName", bus,
				"State", handler.enabled() ? "ENABLED" : "DISABLED", "Targets", List.of(target));
		rule.put("EventPattern", (handler.filter() != null) ? new LinkedHashMap<>(handler.filter())
				: map("source", List.of(map("prefix", ""))));
		this.stack.onAlias(id, "AWS::Events::Rule", rule);
		this.stack.permission(id + "Permission", "events.amazonaws.com", getAtt(id, "Arn"));
	}

}
