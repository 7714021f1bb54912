package io.serverlessspring.boot.manifest;

/**
 * A manifest this library cannot read safely: written in a newer format than
 * {@link DeploymentManifest#FORMAT_VERSION}, or with no format version at all.
 */
public class ManifestVersionException extends IllegalArgumentException {

	private final int formatVersion;

	ManifestVersionException(int formatVersion, String message) {
		super(message);
		this.formatVersion = formatVersion;
	}

	/** The version the manifest declares; 0 when it declares none. */
	public int formatVersion() {
		return this.formatVersion;
	}

}
