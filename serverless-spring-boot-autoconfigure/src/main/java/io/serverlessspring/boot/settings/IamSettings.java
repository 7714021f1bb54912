package io.serverlessspring.boot.settings;

import java.util.ArrayList;
import java.util.List;

/** {@code serverless.iam.*}: the execution role. Owned by the console (deploy). */
public class IamSettings {

	/** An existing role ARN; when unset the console manages a least-privilege role. */
	private String roleArn;

	/** Name of the managed role. Default: {@code <function-name>-role}. */
	private String roleName;

	/** Extra statements added to the managed role's policy, beyond what the app is seen to use. */
	private List<Statement> extraPermissions = new ArrayList<>();

	/** ARNs of managed policies attached to the managed role (e.g. VPC access). */
	private List<String> attachPolicies = new ArrayList<>();

	/** ARN of a permissions boundary set on the managed role. */
	private String permissionsBoundary;

	public String getRoleArn() {
		return this.roleArn;
	}

	public void setRoleArn(String roleArn) {
		this.roleArn = roleArn;
	}

	public String getRoleName() {
		return this.roleName;
	}

	public void setRoleName(String roleName) {
		this.roleName = roleName;
	}

	public List<Statement> getExtraPermissions() {
		return this.extraPermissions;
	}

	public void setExtraPermissions(List<Statement> extraPermissions) {
		this.extraPermissions = extraPermissions;
	}

	public List<String> getAttachPolicies() {
		return this.attachPolicies;
	}

	public void setAttachPolicies(List<String> attachPolicies) {
		this.attachPolicies = attachPolicies;
	}

	public String getPermissionsBoundary() {
		return this.permissionsBoundary;
	}

	public void setPermissionsBoundary(String permissionsBoundary) {
		this.permissionsBoundary = permissionsBoundary;
	}

	/** One IAM policy statement allowing {@code actions} on {@code resources}. */
	public static class Statement {

		/** IAM actions, e.g. {@code s3:GetObject}. */
		private List<String> actions = new ArrayList<>();

		/** Resource ARNs the actions apply to. */
		private List<String> resources = new ArrayList<>();

		public List<String> getActions() {
			return this.actions;
		}

		public void setActions(List<String> actions) {
			this.actions = actions;
		}

		public List<String> getResources() {
			return this.resources;
		}

		public void setResources(List<String> resources) {
			this.resources = resources;
		}

	}

}
