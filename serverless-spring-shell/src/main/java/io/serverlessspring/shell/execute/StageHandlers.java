package io.serverlessspring.shell.execute;

import java.util.List;
import java.util.Map;

import io.serverlessspring.shell.plan.Action;
import io.serverlessspring.shell.plan.StageChanges;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CreateBucketConfiguration;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.scheduler.model.Tag;
import software.amazon.awssdk.services.scheduler.model.Target;

/** Roles, the package bucket and its packages, log groups, schedules. */
final class StageHandlers {

	private StageHandlers() {
	}

	static void register(Executor.Registry registry) {
		registry.on(StageChanges.Role.class, StageHandlers::role);
		registry.on(StageChanges.RolePolicy.class, (change, ctx) -> {
			if (change.action() == Action.DELETE) {
				ignoreMissing(() -> ctx.clients().iam().deleteRolePolicy(b -> b.roleName(change.role()).policyName(change.policyName())));
			}
			else {
				ctx.clients().iam().putRolePolicy(b -> b.roleName(change.role()).policyName(change.policyName())
					.policyDocument(change.document()));
			}
		});
		registry.on(StageChanges.RoleAttachments.class, (change, ctx) -> {
			change.attach().forEach(arn -> ctx.clients().iam().attachRolePolicy(b -> b.roleName(change.role()).policyArn(arn)));
			change.detach().forEach(arn -> ctx.clients().iam().detachRolePolicy(b -> b.roleName(change.role()).policyArn(arn)));
		});
		registry.on(StageChanges.Bucket.class, StageHandlers::bucket);
		registry.on(StageChanges.PackageObject.class, StageHandlers::packages);
		registry.on(StageChanges.LogGroup.class, StageHandlers::logGroup);
		registry.on(StageChanges.ScheduleGroup.class, (change, ctx) -> {
			if (change.action() == Action.DELETE) {
				try {
					ctx.clients().scheduler().deleteScheduleGroup(b -> b.name(change.name()));
				}
				catch (ResourceNotFoundException ex) {
					// already gone
				}
				return;
			}
			try {
				ctx.clients().scheduler().createScheduleGroup(b -> b.name(change.name()).tags(schedulerTags(change.tags())));
			}
			catch (ConflictException ex) {
				// created by an earlier, interrupted run
			}
		});
		registry.on(StageChanges.Schedule.class, StageHandlers::schedule);
	}

	private static void role(StageChanges.Role change, ExecutionContext ctx) {
		var iam = ctx.clients().iam();
		switch (change.action()) {
			case CREATE -> {
				CreateRoleRequest.Builder request = CreateRoleRequest.builder()
					.roleName(change.name())
					.assumeRolePolicyDocument(change.trustDocument())
					.description(change.description())
					.tags(change.tags().entrySet().stream()
						.map(e -> software.amazon.awssdk.services.iam.model.Tag.builder().key(e.getKey()).value(e.getValue()).build())
						.toList());
				if (change.permissionsBoundary() != null) {
					request.permissionsBoundary(change.permissionsBoundary());
				}
				try {
					iam.createRole(request.build());
				}
				catch (EntityAlreadyExistsException ex) {
					iam.updateAssumeRolePolicy(b -> b.roleName(change.name()).policyDocument(change.trustDocument()));
				}
			}
			case UPDATE, REPLACE -> iam.updateAssumeRolePolicy(b -> b.roleName(change.name()).policyDocument(change.trustDocument()));
			case DELETE -> ignoreMissing(() -> {
				// IAM refuses to delete a role that still has policies.
				change.inlinePolicies().forEach(policy -> iam.deleteRolePolicy(b -> b.roleName(change.name()).policyName(policy)));
				change.attachedPolicies().forEach(arn -> iam.detachRolePolicy(b -> b.roleName(change.name()).policyArn(arn)));
				iam.deleteRole(b -> b.roleName(change.name()));
			});
		}
	}

	private static void bucket(StageChanges.Bucket change, ExecutionContext ctx) {
		var s3 = ctx.clients().s3();
		if (change.action() == Action.DELETE) {
			try {
				s3.deleteBucket(b -> b.bucket(change.bucket()));
			}
			catch (S3Exception ex) {
				if (ex.statusCode() == 409) {
					ctx.progress("    kept bucket " + change.bucket() + ": other stages' packages are in it");
				}
				else if (ex.statusCode() != 404) {
					throw ex;
				}
			}
			return;
		}
		CreateBucketRequest.Builder request = CreateBucketRequest.builder().bucket(change.bucket());
		if (!"us-east-1".equals(change.region())) {
			request.createBucketConfiguration(CreateBucketConfiguration.builder().locationConstraint(change.region()).build());
		}
		try {
			s3.createBucket(request.build());
		}
		catch (BucketAlreadyOwnedByYouException ex) {
			// created by an earlier, interrupted deploy
		}
	}

	private static void packages(StageChanges.PackageObject change, ExecutionContext ctx) {
		var s3 = ctx.clients().s3();
		if (change.action() != Action.DELETE) {
			s3.putObject(b -> b.bucket(change.bucket()).key(change.keys().get(0)), ctx.upload(change.zip()));
			return;
		}
		List<String> keys = change.keys();
		for (int i = 0; i < keys.size(); i += 1000) {
			List<ObjectIdentifier> batch = keys.subList(i, Math.min(keys.size(), i + 1000))
				.stream()
				.map(key -> ObjectIdentifier.builder().key(key).build())
				.toList();
			s3.deleteObjects(b -> b.bucket(change.bucket()).delete(d -> d.objects(batch)));
		}
	}

	private static void logGroup(StageChanges.LogGroup change, ExecutionContext ctx) {
		var logs = ctx.clients().logs();
		String name = change.name();
		switch (change.action()) {
			case CREATE -> {
				try {
					logs.createLogGroup(b -> b.logGroupName(name).tags(change.tags()));
				}
				catch (ResourceAlreadyExistsException ex) {
					// created by an earlier, interrupted deploy, or by Lambda on a first invocation
				}
				if (change.retentionDays() > 0) {
					logs.putRetentionPolicy(b -> b.logGroupName(name).retentionInDays(change.retentionDays()));
				}
			}
			case UPDATE, REPLACE -> {
				if (change.retentionDays() == 0) {
					logs.deleteRetentionPolicy(b -> b.logGroupName(name));
				}
				else {
					logs.putRetentionPolicy(b -> b.logGroupName(name).retentionInDays(change.retentionDays()));
				}
			}
			case DELETE -> {
				try {
					logs.deleteLogGroup(b -> b.logGroupName(name));
				}
				catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException ex) {
					// already gone
				}
			}
		}
	}

	private static void schedule(StageChanges.Schedule change, ExecutionContext ctx) {
		var scheduler = ctx.clients().scheduler();
		if (change.action() == Action.DELETE) {
			try {
				scheduler.deleteSchedule(b -> b.name(change.name()).groupName(change.group()));
			}
			catch (ResourceNotFoundException ex) {
				// already gone
			}
			return;
		}
		Target target = Target.builder().arn(change.targetArn()).roleArn(change.roleArn()).input(change.input()).build();
		ScheduleState state = change.enabled() ? ScheduleState.ENABLED : ScheduleState.DISABLED;
		if (change.action() == Action.CREATE) {
			try {
				scheduler.createSchedule(b -> b.name(change.name()).groupName(change.group())
					.scheduleExpression(change.expression()).scheduleExpressionTimezone(change.timezone()).state(state)
					.flexibleTimeWindow(f -> f.mode(FlexibleTimeWindowMode.OFF)).target(target));
				return;
			}
			catch (ConflictException ex) {
				// made by an earlier, interrupted run: update it below
			}
		}
		scheduler.updateSchedule(b -> b.name(change.name()).groupName(change.group())
			.scheduleExpression(change.expression()).scheduleExpressionTimezone(change.timezone()).state(state)
			.flexibleTimeWindow(f -> f.mode(FlexibleTimeWindowMode.OFF)).target(target));
	}

	private static List<Tag> schedulerTags(Map<String, String> tags) {
		return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
	}

	private static void ignoreMissing(Runnable call) {
		try {
			call.run();
		}
		catch (NoSuchEntityException ex) {
			// already gone
		}
	}

}
