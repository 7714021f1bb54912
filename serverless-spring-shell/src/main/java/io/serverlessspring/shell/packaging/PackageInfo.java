package io.serverlessspring.shell.packaging;

/**
 * What {@code serverless-package-info.json} in the archive says. Reproducible: {@code sourceDate} is
 * the time of the last commit touching the project (or {@code SOURCE_DATE_EPOCH}), never the clock.
 *
 * @param application the application name
 * @param stage the stage it was packaged for
 * @param sourceDate ISO-8601 instant of the sources
 * @param gitCommit last commit touching the project, or {@code null} outside git
 * @param gitDirty whether the project had uncommitted changes
 * @param contentHash hex SHA-256 over the other entries
 * @param layerHash content hash of the dependency layer the function needs beside it, or {@code null}
 */
public record PackageInfo(String application, String stage, String sourceDate, String gitCommit, boolean gitDirty,
		String contentHash, String layerHash) {

	/** A package with its dependencies inside (made before they went into a layer). */
	public PackageInfo(String application, String stage, String sourceDate, String gitCommit, boolean gitDirty,
			String contentHash) {
		this(application, stage, sourceDate, gitCommit, gitDirty, contentHash, null);
	}

}
