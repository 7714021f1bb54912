package io.serverlessspring.shell.init;

import java.nio.file.Path;

/**
 * What {@code init} was given on its command line; {@code null} means "ask" (or, with {@code --yes},
 * "take the default").
 *
 * @param project the project folder
 * @param stage the stage to set up
 * @param region the AWS region
 * @param profile the AWS profile whose region is the default
 * @param bucket the package bucket ({@code default} or empty for the console's default bucket)
 * @param httpType the HTTP front
 * @param memory memory in MB
 * @param endpoint {@code local} or an emulator URL
 * @param yes answer every question with its default, for CI
 * @param force overwrite an existing {@code application-<stage>.yml}
 * @param skipPom leave pom.xml alone
 * @param touchPath the GET path deploy calls after applying ({@code none} for no touch)
 */
public record InitOptions(Path project, String stage, String region, String profile, String bucket, String httpType,
		Integer memory, String endpoint, boolean yes, boolean force, boolean skipPom, String touchPath) {

	public InitOptions(Path project, String stage, String region, String profile, String bucket, String httpType,
			Integer memory, String endpoint, boolean yes, boolean force, boolean skipPom) {
		this(project, stage, region, profile, bucket, httpType, memory, endpoint, yes, force, skipPom, null);
	}

}
