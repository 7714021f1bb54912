package io.serverlessspring.shell.packaging;

import java.nio.file.Path;
import java.util.List;

import io.serverlessspring.boot.manifest.DeploymentManifest;

/**
 * A Lambda zip ready to deploy.
 *
 * @param zip the archive
 * @param codeSha256 base64 SHA-256 of the archive: what Lambda reports as {@code CodeSha256}
 * @param contentHash hex SHA-256 over the entries (names and bytes), recorded in the package info
 * @param size bytes of the archive
 * @param unzippedSize bytes of all entries
 * @param manifest the deployment manifest, read with {@code ManifestJson} (empty when the app's starter cannot produce one)
 * @param info the package info written into the archive
 * @param warnings size warnings and the like, to show the user
 * @param layer the dependency layer beside the zip, or {@code null} when the app has no dependencies
 */
public record LambdaPackage(Path zip, String codeSha256, String contentHash, long size, long unzippedSize,
		DeploymentManifest manifest, PackageInfo info, List<String> warnings, LayerPackage layer) {

	/** A package with everything in the one zip. */
	public LambdaPackage(Path zip, String codeSha256, String contentHash, long size, long unzippedSize,
			DeploymentManifest manifest, PackageInfo info, List<String> warnings) {
		this(zip, codeSha256, contentHash, size, unzippedSize, manifest, info, warnings, null);
	}

	/** Unzipped bytes of the function and its dependency layer: what Lambda's 250 MB limit counts (with other layers). */
	public long unzippedTotal() {
		return this.unzippedSize + ((this.layer != null) ? this.layer.unzippedSize() : 0);
	}

	/** Hex SHA-256 of the archive: names the package in S3, so a key that exists holds exactly these bytes. */
	public String zipSha256Hex() {
		return java.util.HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(this.codeSha256));
	}

	/** A short, stable id of the code: the first 12 hex digits of the content hash. */
	public String shortHash() {
		return this.contentHash.substring(0, 12);
	}

}
