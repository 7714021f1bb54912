package io.serverlessspring.shell.packaging;

import java.util.List;

import io.serverlessspring.boot.manifest.DeploymentManifest;

/**
 * Null-safe views of the typed {@link DeploymentManifest} (a manifest from an older starter, or the
 * empty one of an app without a generator, leaves lists out).
 */
public final class Manifests {

	/** The manifest of an app whose starter cannot produce one: nothing besides the function. */
	public static final DeploymentManifest EMPTY = new DeploymentManifest(1, null, null, null,
			DeploymentManifest.HANDLER, List.of(), null, List.of(), null, List.of(), List.of(), null);

	private Manifests() {
	}

	public static List<DeploymentManifest.Schedule> schedules(DeploymentManifest manifest) {
		return (manifest.schedules() != null) ? manifest.schedules() : List.of();
	}

	public static List<DeploymentManifest.Task> tasks(DeploymentManifest manifest) {
		return (manifest.tasks() != null) ? manifest.tasks() : List.of();
	}

	public static List<DeploymentManifest.EventHandler> eventHandlers(DeploymentManifest manifest) {
		return (manifest.eventHandlers() != null) ? manifest.eventHandlers() : List.of();
	}

}
