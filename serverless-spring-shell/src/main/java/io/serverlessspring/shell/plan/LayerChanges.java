package io.serverlessspring.shell.plan;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Changes to the dependency layer shared by the stages of an account and region. */
public final class LayerChanges {

	/** Output of a publish: the new layer version's ARN, which the function's {@code Layers} then name. */
	public static final String LAYER_VERSION_ARN = "layerVersionArn";

	/** How a function configuration names the layer version a change of the same plan publishes. */
	public static final Value PUBLISHED = Value.ref(LAYER_VERSION_ARN);

	private LayerChanges() {
	}

	/**
	 * A version of the dependency layer: a create uploads {@code zip} to the bucket under {@code key}
	 * and publishes it from there with {@code description} (naming its content hash); a delete removes
	 * {@code versions}, which no function uses any more, and their zips ({@code keys}) from the bucket.
	 */
	public record LayerVersion(Action action, String layer, String description, String bucket, String key, Path zip,
			List<Long> versions, List<String> keys, String detail, List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "dependency layer";
		}

		@Override
		public String resource() {
			return (this.action == Action.DELETE) ? this.layer + ":" + joined(this.versions) : this.layer;
		}

		@Override
		public String verb() {
			return (this.action == Action.CREATE) ? "publish" : ResourceChange.super.verb();
		}

		@Override
		public String label() {
			return (this.action == Action.DELETE) ? "unused " + Counts.noun(this.versions.size(), "version") + " " + joined(this.versions) + " of " + this.layer
					: ResourceChange.super.label();
		}

		private static String joined(List<Long> versions) {
			return versions.stream().map(String::valueOf).collect(Collectors.joining(", "));
		}

	}

}
