package io.serverlessspring.shell.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A copy of a package with one more resource: new code, as after a change to the app. Its dependency
 * layer is copied beside it unchanged (a code-only change).
 */
public final class ModifiedPackage {

	private ModifiedPackage() {
	}

	/** A copy of a package whose entry {@code name} holds {@code content} (replaced or added). */
	public static Path withEntry(Path zip, String name, String content, Path out) throws IOException {
		return copy(zip, out, entry -> !entry.equals(name), name, content);
	}

	public static Path withResource(Path zip, String name, String content, Path out) throws IOException {
		return copy(zip, out, entry -> true, name, content);
	}

	/**
	 * A copy of a package without the entries whose names start with {@code prefix}, in the function
	 * zip and in its dependency layer ({@code lib/x.jar} is {@code java/lib/x.jar} there).
	 */
	public static Path without(Path zip, String prefix, Path out) throws IOException {
		Path copy = copy(zip, out, name -> !name.startsWith(prefix), null, null);
		Path layer = io.serverlessspring.shell.packaging.LayerPackage.besides(zip);
		if (Files.isRegularFile(layer)) {
			filter(layer, io.serverlessspring.shell.packaging.LayerPackage.besides(out),
					name -> !name.startsWith(prefix) && !name.startsWith("java/" + prefix));
		}
		return copy;
	}

	/** Copies the entries {@code kept} says to keep, then adds {@code name} (unless null); the layer as is. */
	private static Path copy(Path zip, Path out, Predicate<String> kept, String name, String content)
			throws IOException {
		filter(zip, out, kept, name, content);
		copyLayer(zip, out);
		return out;
	}

	private static void filter(Path zip, Path out, Predicate<String> kept) throws IOException {
		filter(zip, out, kept, null, null);
	}

	private static void filter(Path zip, Path out, Predicate<String> kept, String name, String content)
			throws IOException {
		Files.createDirectories(out.getParent());
		try (ZipFile source = new ZipFile(zip.toFile());
				OutputStream file = Files.newOutputStream(out);
				ZipOutputStream target = new ZipOutputStream(file)) {
			Enumeration<? extends ZipEntry> entries = source.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				if (!kept.test(entry.getName())) {
					continue;
				}
				target.putNextEntry(new ZipEntry(entry.getName()));
				try (InputStream in = source.getInputStream(entry)) {
					in.transferTo(target);
				}
				target.closeEntry();
			}
			if (name != null) {
				target.putNextEntry(new ZipEntry(name));
				target.write(content.getBytes(StandardCharsets.UTF_8));
				target.closeEntry();
			}
		}
	}

	private static void copyLayer(Path zip, Path out) throws IOException {
		Path layer = io.serverlessspring.shell.packaging.LayerPackage.besides(zip);
		if (Files.isRegularFile(layer)) {
			Files.copy(layer, io.serverlessspring.shell.packaging.LayerPackage.besides(out),
					java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
