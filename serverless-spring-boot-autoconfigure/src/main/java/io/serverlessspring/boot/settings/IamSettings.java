package io.serverlessspring.boot.settings;

/** {@code serverless.iam.*}: the execution role. Owned by the console (deploy). */
public class IamSettings {

	/** An existing role ARN; when unset the console manages a least-privilege role. */
	private String roleArn;

	public String getRoleArn() {
		return this.roleArn;
	}

	public void setRoleArn(String roleArn) {
		this.roleArn = roleArn;
	}

}
