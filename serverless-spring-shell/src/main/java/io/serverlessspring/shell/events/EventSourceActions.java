package io.serverlessspring.shell.events;

import java.util.ArrayList;
import java.util.List;

import io.serverlessspring.shell.apply.ApplyContext;
import io.serverlessspring.shell.model.Names;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.FilterCriteria;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.FilterRuleName;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;

/** The AWS calls that wire event sources to the live alias; each one idempotent. */
public final class EventSourceActions {

	private EventSourceActions() {
	}

	public static void createMapping(ApplyContext ctx, EventSourceSpec spec) {
		ctx.clients()
			.lambda()
			.createEventSourceMapping(b -> {
				b.functionName(ctx.desired().aliasArn())
					.eventSourceArn(spec.source())
					.enabled(spec.enabled())
					.batchSize(spec.batchSize())
					.maximumBatchingWindowInSeconds(spec.batchWindowSeconds() > 0 ? spec.batchWindowSeconds() : null)
					.filterCriteria(filter(spec));
				if (spec.startingPosition() != null) {
					b.startingPosition(EventSourcePosition.fromValue(spec.startingPosition()));
				}
				if (spec.reportBatchItemFailures()) {
					b.functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES);
				}
			});
	}

	public static void updateMapping(ApplyContext ctx, EventSourceSpec spec, String uuid) {
		ctx.clients()
			.lambda()
			.updateEventSourceMapping(b -> b.uuid(uuid)
				.functionName(ctx.desired().aliasArn())
				.enabled(spec.enabled())
				.batchSize(spec.batchSize())
				.maximumBatchingWindowInSeconds(spec.batchWindowSeconds())
				.filterCriteria(spec.filter() != null ? filter(spec) : FilterCriteria.builder().filters(List.of()).build())
				.functionResponseTypesWithStrings(spec.reportBatchItemFailures()
						? List.of(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES.toString()) : List.of()));
	}

	public static void deleteMapping(ApplyContext ctx, String uuid) {
		try {
			ctx.clients().lambda().deleteEventSourceMapping(b -> b.uuid(uuid));
		}
		catch (ResourceNotFoundException ex) {
			// already gone
		}
	}

	public static void grant(ApplyContext ctx, EventSourceSpec spec, String principal) {
		String sourceArn = "s3".equals(spec.type()) ? "arn:aws:s3:::" + spec.source() : spec.source();
		try {
			ctx.clients()
				.lambda()
				.addPermission(b -> b.functionName(ctx.desired().functionName())
					.qualifier(Names.ALIAS)
					.statementId(spec.permissionId())
					.action("lambda:InvokeFunction")
					.principal(principal)
					.sourceArn(sourceArn)
					.sourceAccount("s3".equals(spec.type()) ? ctx.desired().account() : null));
		}
		catch (ResourceConflictException ex) {
			// granted by an earlier, interrupted run
		}
	}

	public static void subscribe(ApplyContext ctx, EventSourceSpec spec) {
		ctx.clients()
			.sns()
			.subscribe(b -> b.topicArn(spec.source()).protocol("lambda").endpoint(ctx.desired().aliasArn()));
	}

	/** Adds (or replaces) the console's configuration in the bucket's notifications, keeping the others. */
	public static void notifyBucket(ApplyContext ctx, EventSourceSpec spec) {
		GetBucketNotificationConfigurationResponse current = ctx.clients()
			.s3()
			.getBucketNotificationConfiguration(b -> b.bucket(spec.source()));
		List<LambdaFunctionConfiguration> lambdas = new ArrayList<>();
		for (LambdaFunctionConfiguration configuration : current.lambdaFunctionConfigurations()) {
			if (!spec.notificationId().equals(configuration.id())) {
				lambdas.add(configuration);
			}
		}
		List<FilterRule> rules = new ArrayList<>();
		if (spec.prefix() != null) {
			rules.add(FilterRule.builder().name(FilterRuleName.PREFIX).value(spec.prefix()).build());
		}
		if (spec.suffix() != null) {
			rules.add(FilterRule.builder().name(FilterRuleName.SUFFIX).value(spec.suffix()).build());
		}
		LambdaFunctionConfiguration.Builder ours = LambdaFunctionConfiguration.builder()
			.id(spec.notificationId())
			.lambdaFunctionArn(ctx.desired().aliasArn())
			.events(spec.events().stream().map(Event::fromValue).toList());
		if (!rules.isEmpty()) {
			ours.filter(f -> f.key(k -> k.filterRules(rules)));
		}
		lambdas.add(ours.build());
		ctx.clients()
			.s3()
			.putBucketNotificationConfiguration(b -> b.bucket(spec.source())
				.notificationConfiguration(n -> n.lambdaFunctionConfigurations(lambdas)
					.queueConfigurations(current.queueConfigurations())
					.topicConfigurations(current.topicConfigurations())
					.eventBridgeConfiguration(current.eventBridgeConfiguration())));
	}

	private static FilterCriteria filter(EventSourceSpec spec) {
		return (spec.filter() == null) ? null
				: FilterCriteria.builder().filters(f -> f.pattern(spec.filter())).build();
	}

}
