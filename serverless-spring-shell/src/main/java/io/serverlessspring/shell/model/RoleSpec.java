package io.serverlessspring.shell.model;

import java.util.List;

/**
 * An IAM role the console manages.
 *
 * @param name role name
 * @param trustedService the service principal allowed to assume it
 * @param policyDocument the inline least-privilege policy (JSON)
 * @param attachedPolicies managed policy ARNs to attach
 * @param permissionsBoundary boundary policy ARN or {@code null}
 */
public record RoleSpec(String name, String trustedService, String policyDocument, List<String> attachedPolicies,
		String permissionsBoundary) {

	public String trustDocument() {
		return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\""
				+ this.trustedService + "\"},\"Action\":\"sts:AssumeRole\"}]}";
	}

}
