package io.serverlessspring.boot.handler;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Function;
import java.util.jar.Manifest;

/**
 * Finds the Spring Boot application class without user code. In order: the
 * {@code serverless.main-class} system property, the {@code MAIN_CLASS} environment variable, then
 * {@code Start-Class} in a {@code META-INF/MANIFEST.MF} on the class path (the Lambda package
 * carries one at its root; Spring Boot's jar plugin writes the same attribute).
 */
public final class ApplicationClassLocator {

	/** System property naming the application class. */
	public static final String MAIN_CLASS_PROPERTY = "serverless.main-class";

	/** Environment variable naming the application class. */
	public static final String MAIN_CLASS_ENV = "MAIN_CLASS";

	private final ClassLoader classLoader;

	private final Function<String, String> environment;

	public ApplicationClassLocator(ClassLoader classLoader, Function<String, String> environment) {
		this.classLoader = classLoader;
		this.environment = environment;
	}

	/**
	 * A locator over the loader of the handler itself and the process environment. Lambda's
	 * runtime loads the function (task root and {@code lib/*.jar}) in a loader of its own, which
	 * is not the thread's context loader.
	 */
	public static ApplicationClassLocator standard() {
		return new ApplicationClassLocator(ApplicationClassLocator.class.getClassLoader(), System::getenv);
	}

	/**
	 * The application class.
	 * @throws IllegalStateException naming where it looked when none is found or it cannot be loaded
	 */
	public Class<?> locate() {
		String name = System.getProperty(MAIN_CLASS_PROPERTY);
		String source = "system property " + MAIN_CLASS_PROPERTY;
		if (isBlank(name)) {
			name = this.environment.apply(MAIN_CLASS_ENV);
			source = "environment variable " + MAIN_CLASS_ENV;
		}
		if (isBlank(name)) {
			List<String> startClasses = startClassesInManifests();
			if (startClasses.size() > 1) {
				throw new IllegalStateException("Several manifests on the class path name a Start-Class " + startClasses
						+ ": set " + MAIN_CLASS_ENV + " to the application class to use.");
			}
			name = startClasses.isEmpty() ? null : startClasses.get(0);
			source = "Start-Class in META-INF/MANIFEST.MF";
		}
		if (isBlank(name)) {
			throw new IllegalStateException("Cannot find the Spring Boot application class: no " + MAIN_CLASS_PROPERTY
					+ " system property, no " + MAIN_CLASS_ENV
					+ " environment variable, and no Start-Class in any META-INF/MANIFEST.MF on the class path.");
		}
		try {
			return Class.forName(name.trim(), false, this.classLoader);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(
					"The application class '" + name.trim() + "' (from " + source + ") is not on the class path.", ex);
		}
	}

	private List<String> startClassesInManifests() {
		List<String> found = new ArrayList<>();
		try {
			// Cold start: the first manifest is the task root's (it precedes lib/ on Lambda's class
			// path); only when it names no Start-Class are all the jars' manifests opened.
			String first = startClass(this.classLoader.getResource("META-INF/MANIFEST.MF"));
			if (!isBlank(first)) {
				return List.of(first.trim());
			}
			Enumeration<URL> manifests = this.classLoader.getResources("META-INF/MANIFEST.MF");
			while (manifests.hasMoreElements()) {
				String startClass = startClass(manifests.nextElement());
				if (!isBlank(startClass) && !found.contains(startClass.trim())) {
					found.add(startClass.trim());
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read META-INF/MANIFEST.MF from the class path", ex);
		}
		return found;
	}

	/** The manifest's Start-Class; {@code null} when it has none or cannot be read (not ours). */
	private static String startClass(URL manifest) {
		if (manifest == null) {
			return null;
		}
		try (InputStream in = manifest.openStream()) {
			return new Manifest(in).getMainAttributes().getValue("Start-Class");
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
