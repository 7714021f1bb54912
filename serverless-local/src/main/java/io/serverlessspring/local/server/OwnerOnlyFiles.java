package io.serverlessspring.local.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files of the state directory: state, function packages and S3 objects may hold secrets (parameters,
 * secret values, environment variables, configuration files), so they are their owner's only —
 * directories 0700, files 0600 — where the file system has POSIX permissions.
 */
public final class OwnerOnlyFiles {

	private OwnerOnlyFiles() {
	}

	/** Creates {@code directory} (and its parents) and makes it 0700. */
	public static Path directory(Path directory) throws IOException {
		Files.createDirectories(directory);
		if (posix(directory)) {
			Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
		}
		return directory;
	}

	/** Writes {@code bytes} to {@code file} (0600) at once: a reader sees the old or the new content. */
	public static void write(Path file, byte[] bytes) throws IOException {
		Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
		Files.deleteIfExists(temporary);
		if (posix(file)) {
			Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		else {
			Files.createFile(temporary);
		}
		Files.write(temporary, bytes);
		Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private static boolean posix(Path path) {
		return path.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

}
