package io.serverlessspring.shell.events;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.serverlessspring.shell.plan.Step;

/**
 * Diffs the desired event sources against what is wired to the live alias. Pure: no AWS calls.
 * Mappings no longer declared are deleted; SNS subscriptions and S3 notifications are added for
 * declared sources (a topic or bucket no longer declared is not visited, so its wiring stays).
 */
public final class EventSourcePlanner {

	private EventSourcePlanner() {
	}

	public static List<Step> plan(List<EventSourceSpec> desired, ActualEventSources actual, List<String> unchanged) {
		return plan(desired, actual, unchanged, false);
	}

	/**
	 * @param mappingsPlannedByDeploy whether deploy's planner already plans the event source mappings
	 * (then only SNS and S3 wiring is planned here)
	 */
	public static List<Step> plan(List<EventSourceSpec> desired, ActualEventSources actual, List<String> unchanged,
			boolean mappingsPlannedByDeploy) {
		List<Step> steps = new ArrayList<>();
		Set<String> wantedMappings = new LinkedHashSet<>();
		for (EventSourceSpec spec : desired) {
			String name = spec.type() + " " + shortName(spec.source());
			if (spec.mapping() && mappingsPlannedByDeploy) {
				continue;
			}
			if (spec.mapping()) {
				wantedMappings.add(spec.source());
				ActualEventSources.Mapping existing = actual.mappings().get(spec.source());
				String what = "batch " + (spec.batchSize() != null ? spec.batchSize() : "default")
						+ (spec.batchWindowSeconds() > 0 ? ", window " + spec.batchWindowSeconds() + " s" : "")
						+ (spec.startingPosition() != null ? ", from " + spec.startingPosition() : "")
						+ (spec.filter() != null ? ", filtered" : "") + (spec.enabled() ? "" : ", disabled");
				if (existing == null) {
					steps.add(new Step("create", "event source mapping " + name, what,
							ctx -> EventSourceActions.createMapping(ctx, spec)));
				}
				else if (!same(existing, spec)) {
					steps.add(new Step("update", "event source mapping " + name, what,
							ctx -> EventSourceActions.updateMapping(ctx, spec, existing.uuid())));
				}
				else {
					unchanged.add("event source mapping " + name);
				}
			}
			else if ("sns".equals(spec.type())) {
				if (!actual.permissions().contains(spec.permissionId())) {
					steps.add(new Step("create", "permission " + spec.permissionId(), "SNS may invoke the live alias",
							ctx -> EventSourceActions.grant(ctx, spec, "sns.amazonaws.com")));
				}
				if (!actual.subscribedTopics().contains(spec.source())) {
					steps.add(new Step("create", "subscription " + name, "-> live alias",
							ctx -> EventSourceActions.subscribe(ctx, spec)));
				}
				else {
					unchanged.add("subscription " + name);
				}
			}
			else if ("s3".equals(spec.type())) {
				if (!actual.permissions().contains(spec.permissionId())) {
					steps.add(new Step("create", "permission " + spec.permissionId(), "S3 may invoke the live alias",
							ctx -> EventSourceActions.grant(ctx, spec, "s3.amazonaws.com")));
				}
				boolean present = actual.notifications().getOrDefault(spec.source(), Set.of()).contains(spec.notificationId());
				if (!present) {
					steps.add(new Step("create", "bucket notification s3://" + spec.source(),
							String.join(",", spec.events()) + (spec.prefix() != null ? " " + spec.prefix() + "*" : "")
									+ (spec.suffix() != null ? " *" + spec.suffix() : ""),
							ctx -> EventSourceActions.notifyBucket(ctx, spec)));
				}
				else {
					unchanged.add("bucket notification s3://" + spec.source());
				}
			}
		}
		for (ActualEventSources.Mapping mapping : actual.mappings().values()) {
			if (!mappingsPlannedByDeploy && !wantedMappings.contains(mapping.sourceArn())) {
				steps.add(new Step("delete", "event source mapping " + shortName(mapping.sourceArn()), "no longer declared",
						ctx -> EventSourceActions.deleteMapping(ctx, mapping.uuid())));
			}
		}
		return steps;
	}

	private static boolean same(ActualEventSources.Mapping actual, EventSourceSpec desired) {
		return (desired.batchSize() == null || Objects.equals(actual.batchSize(), desired.batchSize()))
				&& actual.batchWindowSeconds() == desired.batchWindowSeconds() && actual.enabled() == desired.enabled()
				&& actual.reportBatchItemFailures() == desired.reportBatchItemFailures()
				&& Objects.equals(actual.filters(), desired.filter() == null ? List.of() : List.of(desired.filter()));
	}

	static String shortName(String arnOrName) {
		int slash = arnOrName.indexOf("/stream/");
		if (slash > 0) {
			return arnOrName.substring(arnOrName.lastIndexOf(':', slash) + 1);
		}
		return arnOrName.substring(arnOrName.lastIndexOf(':') + 1);
	}

}
