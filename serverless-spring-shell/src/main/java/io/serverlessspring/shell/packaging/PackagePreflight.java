package io.serverlessspring.shell.packaging;

import java.io.IOException;
import java.nio.file.Path;

import io.serverlessspring.boot.manifest.DeploymentManifest;

/**
 * Checks a package before anything is changed in AWS: Lambda can only start it when the handler
 * class is in it (the starter brings it), and deploy only knows what to create when the manifest is.
 * A package that fails is refused with what is missing and how to add it, so a project without the
 * starter is never deployed as a function that answers HTTP 500 to everything.
 */
public final class PackagePreflight {

	/** The handler class every function runs, as a zip entry. */
	static final String HANDLER_ENTRY = DeploymentManifest.HANDLER.substring(0, DeploymentManifest.HANDLER.indexOf("::"))
		.replace('.', '/') + ".class";

	public static final String STARTER_GROUP = "io.serverlessspring";

	public static final String STARTER_ARTIFACT = "serverless-spring-boot-starter";

	private PackagePreflight() {
	}

	/**
	 * Refuses a package without the handler class or the manifest.
	 *
	 * @param starterVersion the version to name in the dependency to add, or {@code null} when unknown
	 * @throws PackagingException saying what is missing and what to add
	 */
	public static void check(Path zip, String starterVersion) {
		boolean handler;
		boolean manifest;
		// the starter's jar is normally in the dependency layer beside the function zip
		try (PackageLibraries libraries = PackageLibraries.open(zip)) {
			manifest = libraries.functionZip().getEntry(DeploymentManifest.FILE_NAME) != null;
			handler = libraries.functionZip().getEntry(HANDLER_ENTRY) != null || libraries.anyJarHolds(HANDLER_ENTRY);
		}
		catch (IOException ex) {
			throw new PackagingException("Cannot read the package " + zip + ": " + ex.getMessage());
		}
		if (!handler) {
			throw new PackagingException("The package " + zip.getFileName() + " has no Lambda handler ("
					+ HANDLER_ENTRY.replace('/', '.').replace(".class", "") + "): the app does not depend on the "
					+ "serverless starter. Add this dependency to its pom.xml (or run 'init'), then deploy again:\n"
					+ starterDependency(starterVersion) + "\nNothing was changed in AWS.");
		}
		if (!manifest) {
			throw new PackagingException("The package " + zip.getFileName() + " has no " + DeploymentManifest.FILE_NAME
					+ ": it was not made by the console's package command. Build it with 'package STAGE' (or deploy "
					+ "without --package). Nothing was changed in AWS.");
		}
	}

	/** The dependency block to paste into a pom. */
	public static String starterDependency(String version) {
		return "  <dependency>\n    <groupId>" + STARTER_GROUP + "</groupId>\n    <artifactId>" + STARTER_ARTIFACT
				+ "</artifactId>\n" + ((version != null) ? "    <version>" + version + "</version>\n" : "")
				+ "  </dependency>";
	}

}
