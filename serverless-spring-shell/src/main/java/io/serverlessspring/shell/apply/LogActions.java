package io.serverlessspring.shell.apply;

import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;

/** The function's log group, created up front so its retention applies from the first line. */
public final class LogActions {

	private LogActions() {
	}

	public static void create(ApplyContext ctx) {
		try {
			ctx.clients().logs().createLogGroup(b -> b.logGroupName(ctx.desired().logGroup().name()).tags(ctx.desired().tags()));
		}
		catch (ResourceAlreadyExistsException ex) {
			// created by an earlier, interrupted deploy, or by Lambda on a first invocation
		}
		if (ctx.desired().logGroup().retentionDays() > 0) {
			setRetention(ctx);
		}
	}

	public static void setRetention(ApplyContext ctx) {
		String name = ctx.desired().logGroup().name();
		int days = ctx.desired().logGroup().retentionDays();
		if (days == 0) {
			ctx.clients().logs().deleteRetentionPolicy(b -> b.logGroupName(name));
		}
		else {
			ctx.clients().logs().putRetentionPolicy(b -> b.logGroupName(name).retentionInDays(days));
		}
	}

}
