package io.serverlessspring.shell.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.shell.model.DesiredStage;
import io.serverlessspring.shell.model.LayerSpec;
import io.serverlessspring.shell.state.ActualLayers;
import io.serverlessspring.shell.state.ActualStage;

/**
 * Plans the dependency layer: publish the version holding the package's dependency set unless one
 * already does (any stage may have published it), point the function at it, and delete the versions
 * nobody uses any more. Pure, like {@link Planner}.
 */
public final class LayerPlanner {

	private LayerPlanner() {
	}

	/**
	 * {@code desired} with the dependency layer's version ARN first in the function's layers (before the
	 * user's, which may override jars): the version that holds the dependency set, or
	 * {@link LayerChanges#PUBLISHED} when none does yet and this plan publishes it.
	 */
	public static DesiredStage withLayer(DesiredStage desired, ActualStage actual) {
		LayerSpec layer = desired.layer();
		if (layer == null) {
			return desired;
		}
		ActualLayers.ActualLayerVersion existing = actual.layers().withHash(layer.contentHash());
		List<String> layers = new ArrayList<>();
		layers.add((existing != null) ? existing.arn() : LayerChanges.PUBLISHED.toString());
		layers.addAll(desired.function().layers());
		return desired.withFunction(desired.function().withLayers(layers));
	}

	/** Publishes the dependency set when no version of the layer holds it (any stage may have published it). */
	public static void publish(DesiredStage desired, ActualStage actual, List<ResourceChange> changes,
			List<String> unchanged) {
		LayerSpec layer = desired.layer();
		if (layer == null) {
			return;
		}
		ActualLayers.ActualLayerVersion existing = actual.layers().withHash(layer.contentHash());
		if (existing != null) {
			unchanged.add("dependency layer " + layer.name() + ":" + existing.version());
			return;
		}
		changes.add(new LayerChanges.LayerVersion(Action.CREATE, layer.name(), layer.description(), desired.bucket(),
				layer.key(), layer.zip(), List.of(), List.of(), String.format("%.1f MB", layer.size() / 1048576.0),
				List.of(FieldChange.of("dependencies", null, layer.contentHash().substring(0, 12)))));
	}

	/**
	 * Deletes the layer versions this function used and no function uses after the plan: not its
	 * {@code $LATEST} (it names the desired version), nor the versions the plan deletes. Versions it
	 * never used are left to the stages that published them (they may be about to use them).
	 */
	public static void prune(DesiredStage desired, ActualStage actual, List<ResourceChange> changes) {
		String function = desired.functionName();
		Set<String> leaving = new HashSet<>();
		leaving.add(function + ":$LATEST");
		for (ResourceChange change : changes) {
			if (change instanceof FunctionChanges.Version version && version.action() == Action.DELETE
					&& function.equals(version.function())) {
				version.versions().forEach(v -> leaving.add(function + ":" + v));
			}
		}
		List<ActualLayers.ActualLayerVersion> unused = new ArrayList<>();
		for (ActualLayers.ActualLayerVersion version : actual.layers().versions()) {
			Set<String> users = actual.layers().usersOf(version.arn());
			boolean usedByThis = users.stream().anyMatch(user -> user.startsWith(function + ":"));
			boolean wanted = desired.layer() != null && desired.layer().contentHash().equals(version.contentHash());
			if (usedByThis && !wanted && leaving.containsAll(users)) {
				unused.add(version);
			}
		}
		if (!unused.isEmpty()) {
			changes.add(delete(desired.bucket(), unused, "no function uses them"));
		}
	}

	/** Undeploy: deletes the layer versions no function but this one uses. */
	public static List<ResourceChange> teardown(String function, String bucket, ActualLayers layers) {
		List<ActualLayers.ActualLayerVersion> unused = new ArrayList<>();
		for (ActualLayers.ActualLayerVersion version : layers.versions()) {
			if (version.contentHash() != null
					&& layers.usersOf(version.arn()).stream().allMatch(user -> user.startsWith(function + ":"))) {
				unused.add(version);
			}
		}
		return unused.isEmpty() ? List.of() : List.of(delete(bucket, unused, "no other stage uses them"));
	}

	private static LayerChanges.LayerVersion delete(String bucket, List<ActualLayers.ActualLayerVersion> versions,
			String detail) {
		return new LayerChanges.LayerVersion(Action.DELETE, ResourceNames.DEPENDENCY_LAYER, null, bucket, null, null,
				versions.stream().map(ActualLayers.ActualLayerVersion::version).toList(),
				versions.stream().map(v -> ResourceNames.layerKey(v.contentHash())).toList(), detail, List.of());
	}

}
