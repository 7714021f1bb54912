package io.serverlessspring.shell.apply;

import io.serverlessspring.shell.model.EventSourceSpec;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** Event source mappings: Lambda polls a queue or stream and invokes the live alias. */
public final class EventSourceActions {

	private EventSourceActions() {
	}

	public static void create(ApplyContext ctx, EventSourceSpec source) {
		ctx.clients().lambda().createEventSourceMapping(b -> {
			b.functionName(ctx.desired().aliasArn())
				.eventSourceArn(source.sourceArn())
				.enabled(source.enabled())
				.batchSize(source.batchSize())
				.maximumBatchingWindowInSeconds(source.batchWindowSeconds());
			if (source.startingPosition() != null) {
				b.startingPosition(source.startingPosition());
			}
			if (source.filter() != null) {
				b.filterCriteria(f -> f.filters(p -> p.pattern(source.filter())));
			}
			if (source.reportBatchItemFailures()) {
				b.functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES);
			}
		});
	}

	public static void update(ApplyContext ctx, String uuid, EventSourceSpec source) {
		ctx.clients().lambda().updateEventSourceMapping(b -> {
			b.uuid(uuid)
				.functionName(ctx.desired().aliasArn())
				.enabled(source.enabled())
				.batchSize(source.batchSize())
				.maximumBatchingWindowInSeconds(source.batchWindowSeconds())
				// An empty filter list removes a filter no longer declared.
				.filterCriteria(f -> f.filters(source.filter() != null
						? java.util.List.of(software.amazon.awssdk.services.lambda.model.Filter.builder().pattern(source.filter()).build())
						: java.util.List.of()));
			if (source.reportBatchItemFailures()) {
				b.functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES);
			}
			else {
				b.functionResponseTypesWithStrings(java.util.List.of());
			}
		});
	}

	public static void delete(ApplyContext ctx, String uuid) {
		try {
			ctx.clients().lambda().deleteEventSourceMapping(b -> b.uuid(uuid));
		}
		catch (ResourceNotFoundException ex) {
			// already gone
		}
	}

}
