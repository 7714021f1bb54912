package io.serverlessspring.shell.plan;

import java.util.List;
import java.util.Map;

import io.serverlessspring.shell.model.FunctionSpec;

/** Changes to the function, its versions, its live alias and its concurrency. */
public final class FunctionChanges {

	private FunctionChanges() {
	}

	/** The function, created whole from the package (or deleted with its versions, aliases and URL). */
	public record Function(Action action, String name, FunctionSpec spec, String roleArn, String bucket, String key,
			Map<String, String> tags, String detail, List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "function";
		}

		@Override
		public String resource() {
			return this.name;
		}

	}

	/** The function's configuration (variables set outside the tool are kept: merged when applied). */
	public record Configuration(Action action, FunctionSpec spec, String roleArn, String detail,
			List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "function configuration";
		}

		@Override
		public String resource() {
			return this.spec.name();
		}

	}

	/** The function's code, from the package in the bucket. */
	public record Code(Action action, String function, String bucket, String key, String architecture, String detail,
			List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "function code";
		}

		@Override
		public String resource() {
			return this.function;
		}

	}

	/** The function's tags (stage tags and the package's). */
	public record Tags(Action action, String function, String functionArn, Map<String, String> tags, String detail,
			List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "function tags";
		}

		@Override
		public String resource() {
			return this.function;
		}

	}

	/**
	 * A published version: a create publishes one (its number is the output {@link Value#VERSION});
	 * a delete removes {@code versions}.
	 */
	public record Version(Action action, String function, String codeSha256, String description, boolean snapStart,
			List<String> versions, String detail, List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "version";
		}

		@Override
		public String resource() {
			return (this.action == Action.DELETE) ? this.function + ":" + String.join(",", this.versions) : this.function;
		}

		@Override
		public String verb() {
			return (this.action == Action.CREATE) ? "publish" : ResourceChange.super.verb();
		}

		@Override
		public String label() {
			return (this.action == Action.CREATE) ? "version of " + this.function
					: "old versions " + String.join(", ", this.versions) + " of " + this.function;
		}

	}

	/** An alias pointing at a version (known, or the one a change of this plan publishes). */
	public record Alias(Action action, String function, String name, Value version, String detail,
			List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "alias";
		}

		@Override
		public String resource() {
			return this.function + ":" + this.name;
		}

	}

	/**
	 * Reserved concurrency of the function ({@code qualifier} {@code null}) or provisioned concurrency of
	 * an alias; {@code value} {@code null} removes it.
	 */
	public record Concurrency(Action action, String function, String qualifier, Integer value, String detail,
			List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return (this.qualifier == null) ? "reserved concurrency" : "provisioned concurrency";
		}

		@Override
		public String resource() {
			return (this.qualifier == null) ? this.function : this.function + ":" + this.qualifier;
		}

	}

}
