package io.serverlessspring.shell.plan;

import io.serverlessspring.shell.model.DesiredStage;
import io.serverlessspring.shell.model.Names;

/**
 * The names by which a stage's resources are found in AWS.
 *
 * @param function the function name
 * @param role the managed execution role, or {@code null} when a role ARN is given
 * @param schedulerRole the Scheduler role name
 * @param bucket the package bucket
 * @param codeKey the key of the package about to be deployed, or {@code null}
 * @param sourceArns event sources to check for existence (not the task queue: deploy creates it)
 * @param tasks the task resources to look up
 */
public record StageNames(String function, String role, String schedulerRole, String bucket, String codeKey,
		java.util.List<String> sourceArns, io.serverlessspring.shell.model.TaskResourcesSpec tasks) {

	public static StageNames of(DesiredStage desired) {
		return new StageNames(desired.functionName(), desired.role() != null ? desired.role().name() : null,
				Names.schedulerRole(desired.functionName()), desired.bucket(), desired.code().key(),
				desired.eventSources()
					.stream()
					.map(io.serverlessspring.shell.model.EventSourceSpec::sourceArn)
					.filter(arn -> !arn.equals(desired.queueArn()))
					.toList(),
				desired.tasks());
	}

}
