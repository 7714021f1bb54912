package io.serverlessspring.shell.state;

import java.util.List;

import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.shell.model.DesiredStage;
import io.serverlessspring.shell.model.EventSourceSpec;
import io.serverlessspring.shell.model.HttpSecuritySpec;
import io.serverlessspring.shell.model.TaskResourcesSpec;

/**
 * The names by which a stage's resources are found in AWS, and what else to look at.
 *
 * @param function the function name
 * @param stage the stage (a REST API's stage name)
 * @param role the managed execution role, or {@code null} when a role ARN is given
 * @param schedulerRole the Scheduler role name
 * @param bucket the package bucket
 * @param codeKey the key of the package about to be deployed, or {@code null}
 * @param sources the desired event sources (their wiring and existence are read)
 * @param tasks the task resources to look up
 * @param security the desired HTTP settings (they name the access-log group and API keys), or {@code null}
 * @param forRemoval read everything undeploy removes (packages, keys, domain mappings, resources named in tags)
 */
public record StageNames(String function, String stage, String role, String schedulerRole, String bucket,
		String codeKey, List<EventSourceSpec> sources, TaskResourcesSpec tasks, HttpSecuritySpec security,
		boolean forRemoval) {

	public static StageNames of(DesiredStage desired) {
		return new StageNames(desired.functionName(), desired.stage(),
				desired.role() != null ? desired.role().name() : null, ResourceNames.schedulerRole(desired.functionName()),
				desired.bucket(), desired.code().key(), desired.eventSources(), desired.tasks(),
				desired.http().security(), false);
	}

	/** Everything undeploy removes; the task resources and event queues are read from the function's tags. */
	public static StageNames forRemoval(String function, String stage, String role, String bucket) {
		return new StageNames(function, stage, role, ResourceNames.schedulerRole(function), bucket, null, List.of(), null,
				null, true);
	}

	/** The SQS sources whose existence is checked (not the task queue: deploy creates it). */
	public List<String> sourceArns() {
		String taskQueue = (this.tasks != null) ? this.tasks.queue() : null;
		return this.sources.stream()
			.filter(source -> "sqs".equals(source.type()))
			.map(EventSourceSpec::sourceArn)
			.filter(arn -> taskQueue == null || !arn.endsWith(":" + taskQueue))
			.toList();
	}

}
