package io.serverlessspring.local.server;

import tools.jackson.databind.JsonNode;

/**
 * A service whose state survives a restart when the cloud runs with a state directory: saved as
 * {@code <state-dir>/<signingName>.json} after changes and on close, loaded on start.
 */
public interface Persistent {

	/** A JSON snapshot of the whole in-memory model. */
	JsonNode saveState();

	/**
	 * Called once the snapshot {@link #saveState()} returned is on disk: files that only earlier
	 * snapshots referred to (function packages, S3 objects) may be deleted now.
	 */
	default void stateSaved() {
	}

	/** Replaces the in-memory model with a snapshot written by {@link #saveState()}. */
	void loadState(JsonNode state);

}
