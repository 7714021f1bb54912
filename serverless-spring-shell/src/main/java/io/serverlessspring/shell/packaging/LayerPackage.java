package io.serverlessspring.shell.packaging;

import java.nio.file.Path;

/**
 * The app's dependencies as a Lambda layer zip ({@code java/lib/*.jar}, what Lambda's Java runtimes put
 * on the classpath from {@code /opt}), published once per account and region and shared by every
 * stage and function with the same set.
 *
 * @param zip the archive, beside the function zip
 * @param contentHash hex SHA-256 over the entries (names and bytes): the layer's identity
 * @param zipSha256Hex hex SHA-256 of the archive
 * @param size bytes of the archive
 * @param unzippedSize bytes of all entries
 * @param jars how many jars it holds
 */
public record LayerPackage(Path zip, String contentHash, String zipSha256Hex, long size, long unzippedSize, int jars) {

	/** Where the layer zip of a function zip lives: {@code petstore-dev.zip} -> {@code petstore-dev-dependencies.zip}. */
	public static Path besides(Path functionZip) {
		String name = functionZip.getFileName().toString();
		String base = name.endsWith(".zip") ? name.substring(0, name.length() - ".zip".length()) : name;
		return functionZip.resolveSibling(base + "-dependencies.zip");
	}

	/** A short, stable id of the dependency set: the first 12 hex digits of the content hash. */
	public String shortHash() {
		return this.contentHash.substring(0, 12);
	}

}
