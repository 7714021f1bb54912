package io.serverlessspring.shell.plan;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Changes to what a stage has besides its function and fronts: roles, the package bucket, logs, schedules. */
public final class StageChanges {

	private StageChanges() {
	}

	/**
	 * An IAM role the console manages. A delete also removes its inline policies and detaches the
	 * attached ones (IAM refuses to delete a role that has any).
	 */
	public record Role(Action action, String name, String trustDocument, String permissionsBoundary,
			Map<String, String> tags, String description, List<String> inlinePolicies, List<String> attachedPolicies,
			String detail, List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "role";
		}

		@Override
		public String resource() {
			return this.name;
		}

	}

	/** The role's inline policy (written whole: PutRolePolicy replaces it). */
	public record RolePolicy(Action action, String role, String policyName, String document, String detail,
			List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "role policy";
		}

		@Override
		public String resource() {
			return this.role + "/" + this.policyName;
		}

	}

	/** Managed policies to attach to and detach from a role. */
	public record RoleAttachments(Action action, String role, List<String> attach, List<String> detach,
			String detail, List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "role attachments";
		}

		@Override
		public String resource() {
			return this.role;
		}

	}

	/** The package bucket (deleted only when empty: other stages may share it). */
	public record Bucket(Action action, String bucket, String region, String detail, List<FieldChange> fields)
			implements ResourceChange {

		@Override
		public String kind() {
			return "bucket";
		}

		@Override
		public String resource() {
			return this.bucket;
		}

	}

	/** Packages in the bucket: one uploaded ({@code zip}), or the stage's packages deleted ({@code keys}). */
	public record PackageObject(Action action, String bucket, String prefix, List<String> keys, Path zip,
			String detail, List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "package";
		}

		@Override
		public String resource() {
			return "s3://" + this.bucket + "/" + ((this.keys.size() == 1) ? this.keys.get(0) : this.prefix);
		}

		@Override
		public String verb() {
			return (this.action == Action.CREATE) ? "upload" : ResourceChange.super.verb();
		}

		@Override
		public String label() {
			return (this.action == Action.DELETE && this.keys.size() != 1)
					? Counts.of(this.keys.size(), "package") + " in " + resource() : ResourceChange.super.label();
		}

	}

	/** A log group: the function's, or the HTTP API's access log. {@code retentionDays} 0: kept forever. */
	public record LogGroup(Action action, String name, int retentionDays, Map<String, String> tags, String detail,
			List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "log group";
		}

		@Override
		public String resource() {
			return this.name;
		}

	}

	/** The stage's EventBridge Scheduler group. */
	public record ScheduleGroup(Action action, String name, Map<String, String> tags, String detail,
			List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "schedule group";
		}

		@Override
		public String resource() {
			return this.name;
		}

	}

	/** A schedule in the stage's group, invoking the live alias through the scheduler role. */
	public record Schedule(Action action, String group, String name, String expression, String timezone,
			boolean enabled, String targetArn, String roleArn, String input, String detail, List<FieldChange> fields)
			implements ResourceChange {

		@Override
		public String kind() {
			return "schedule";
		}

		@Override
		public String resource() {
			return this.name;
		}

	}

}
