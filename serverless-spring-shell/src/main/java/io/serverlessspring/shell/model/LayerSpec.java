package io.serverlessspring.shell.model;

import java.nio.file.Path;

import io.serverlessspring.boot.naming.ResourceNames;

/**
 * The dependency layer the function needs: the version of {@link ResourceNames#DEPENDENCY_LAYER}
 * whose description names this content hash (published when none does).
 *
 * @param name the layer name
 * @param contentHash hex content hash of the dependency set
 * @param zip the local layer zip (uploaded to the bucket and published when no version has the hash)
 * @param key the S3 key the zip is published from
 * @param size bytes of the zip
 */
public record LayerSpec(String name, String contentHash, Path zip, String key, long size) {

	/** The description that marks a layer version as holding this dependency set. */
	public String description() {
		return ResourceNames.dependencyLayerDescription(this.contentHash);
	}

}
