package io.serverlessspring.shell.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * The dependency jars of a package, wherever they are: under {@code lib/} of the function zip (a
 * package made before the dependency layer) or under {@code java/lib/} of the layer beside it
 * ({@link LayerPackage#besides}). The one place that knows both layouts; one walk over each archive.
 */
final class PackageLibraries implements AutoCloseable {

	private static final String FUNCTION_LIBRARIES = "lib/";

	private record Jar(ZipFile archive, ZipEntry entry) {

		String fileName() {
			return this.entry.getName().substring(this.entry.getName().lastIndexOf('/') + 1);
		}

	}

	private final List<ZipFile> archives = new ArrayList<>();

	private final List<Jar> jars = new ArrayList<>();

	private PackageLibraries() {
	}

	/** Opens the function zip and, when it exists, the layer beside it; close it when done. */
	static PackageLibraries open(Path functionZip) throws IOException {
		PackageLibraries libraries = new PackageLibraries();
		try {
			libraries.add(new ZipFile(functionZip.toFile()));
			Path layer = LayerPackage.besides(functionZip);
			if (Files.isRegularFile(layer)) {
				libraries.add(new ZipFile(layer.toFile()));
			}
		}
		catch (IOException | RuntimeException ex) {
			libraries.close();
			throw ex;
		}
		return libraries;
	}

	private void add(ZipFile archive) {
		this.archives.add(archive);
		archive.stream().filter((entry) -> isLibraryJar(entry.getName())).forEach((entry) -> this.jars.add(new Jar(archive, entry)));
	}

	/** Whether a zip entry is a dependency jar of either layout. */
	static boolean isLibraryJar(String entryName) {
		return (entryName.startsWith(FUNCTION_LIBRARIES) || entryName.startsWith(LambdaPackager.LAYER_LIBRARIES))
				&& entryName.endsWith(".jar");
	}

	/** The function zip itself (the first archive opened). */
	ZipFile functionZip() {
		return this.archives.get(0);
	}

	/** The file names of the dependency jars ({@code spring-core-7.0.1.jar}). */
	List<String> jarNames() {
		return this.jars.stream().map(Jar::fileName).toList();
	}

	/** Whether one of the dependency jars holds the entry; the serverless jars are looked into first. */
	boolean anyJarHolds(String entryName) throws IOException {
		List<Jar> ordered = new ArrayList<>(this.jars);
		ordered.sort(Comparator.comparing((Jar jar) -> !jar.fileName().startsWith("serverless-")));
		for (Jar jar : ordered) {
			try (InputStream in = jar.archive().getInputStream(jar.entry()); ZipInputStream nested = new ZipInputStream(in)) {
				for (ZipEntry inner = nested.getNextEntry(); inner != null; inner = nested.getNextEntry()) {
					if (inner.getName().equals(entryName)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	@Override
	public void close() throws IOException {
		IOException failure = null;
		for (ZipFile archive : this.archives) {
			try {
				archive.close();
			}
			catch (IOException ex) {
				failure = ex;
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

}
