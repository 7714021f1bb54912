package io.serverlessspring.shell.model;

import java.util.List;
import java.util.Map;

import io.serverlessspring.boot.naming.Arns;

/**
 * What a stage should look like in AWS: plain values derived from settings and the package's
 * manifest, with no AWS calls. The planner diffs it against what exists.
 *
 * @param app the application name
 * @param stage the stage
 * @param region the region
 * @param account the account id
 * @param tags tags on every taggable resource
 * @param role the managed execution role, or {@code null} when {@code serverless.iam.role-arn} is given
 * @param roleArn the execution role's ARN (managed or given)
 * @param schedulerRole the role EventBridge Scheduler assumes to invoke the function, or {@code null}
 * @param bucket the package bucket
 * @param code the package in that bucket
 * @param function the function's configuration
 * @param versionDescription the description that marks a published version as this exact desired state
 * @param retainedVersions how many published versions to keep
 * @param http the HTTP front
 * @param logGroup the log group
 * @param schedules schedules (the app's and keep-warm) in the stage's schedule group
 * @param touchPath path to call once after deploy, or {@code null} for none
 * @param eventSources event source mappings from the manifest's event handlers
 * @param notes what the manifest asks for that this console does not create (shown with the plan)
 * @param tasks the task table, topic and queue to create
 * @param webSocket the WebSocket API, or {@code null} when the app has no {@code @WebSocketRoute}
 * @param layer the dependency layer the function needs, or {@code null} (its dependencies are in its zip)
 */
public record DesiredStage(String app, String stage, String region, String account, Map<String, String> tags,
		RoleSpec role, String roleArn, RoleSpec schedulerRole, String bucket, CodeSpec code, FunctionSpec function,
		String versionDescription, int retainedVersions, HttpFrontSpec http, LogGroupSpec logGroup,
		List<ScheduleSpec> schedules, String touchPath, List<EventSourceSpec> eventSources, List<String> notes,
		TaskResourcesSpec tasks, WebSocketSpec webSocket, LayerSpec layer) {

	/** Without a WebSocket API and a dependency layer. */
	public DesiredStage(String app, String stage, String region, String account, Map<String, String> tags,
			RoleSpec role, String roleArn, RoleSpec schedulerRole, String bucket, CodeSpec code, FunctionSpec function,
			String versionDescription, int retainedVersions, HttpFrontSpec http, LogGroupSpec logGroup,
			List<ScheduleSpec> schedules, String touchPath, List<EventSourceSpec> eventSources, List<String> notes,
			TaskResourcesSpec tasks) {
		this(app, stage, region, account, tags, role, roleArn, schedulerRole, bucket, code, function, versionDescription,
				retainedVersions, http, logGroup, schedules, touchPath, eventSources, notes, tasks, null, null);
	}

	/** The same stage with the function configured as {@code function} (the planner sets the layer's ARN). */
	public DesiredStage withFunction(FunctionSpec function) {
		return new DesiredStage(this.app, this.stage, this.region, this.account, this.tags, this.role, this.roleArn,
				this.schedulerRole, this.bucket, this.code, function, this.versionDescription, this.retainedVersions,
				this.http, this.logGroup, this.schedules, this.touchPath, this.eventSources, this.notes, this.tasks,
				this.webSocket, this.layer);
	}

	public String functionName() {
		return this.function.name();
	}

	public String functionArn() {
		return Arns.function(this.region, this.account, this.function.name());
	}

	public String topicArn() {
		return (this.tasks.topic() == null) ? null : Arns.topic(this.region, this.account, this.tasks.topic());
	}

	public String queueArn() {
		return (this.tasks.queue() == null) ? null : Arns.queue(this.region, this.account, this.tasks.queue());
	}

	/** The handler queues deploy creates for this stage ({@code serverless.events.create-queues}). */
	public List<String> eventQueues() {
		String list = this.tags.get(StageTags.EVENT_QUEUES);
		return (list == null || list.isBlank()) ? List.of() : List.of(list.split(","));
	}

	public String aliasArn() {
		return Arns.alias(this.region, this.account, this.function.name());
	}

}
