package io.serverlessspring.local.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.serverlessspring.local.server.OwnerOnlyFiles;

/**
 * Function packages by content: the zip as uploaded ({@code <dir>/zips/<sha256>.zip}) and, once
 * needed, unpacked ({@code <dir>/packages/<sha256>/}) for an execution environment to run.
 */
final class CodeStore {

	private final Path zips;

	private final Path packages;

	private final Map<String, Object> unpackLocks = new ConcurrentHashMap<>();

	CodeStore(Path directory) {
		this.zips = directory.resolve("zips");
		this.packages = directory.resolve("packages");
		try {
			OwnerOnlyFiles.directory(directory);
			OwnerOnlyFiles.directory(this.zips);
			OwnerOnlyFiles.directory(this.packages);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the function code store in " + directory, ex);
		}
	}

	/** Stores a zip; returns its key (hex SHA-256). */
	String put(byte[] zip) {
		String key = HexFormat.of().formatHex(sha256(zip));
		Path file = this.zips.resolve(key + ".zip");
		if (!Files.exists(file)) {
			try {
				OwnerOnlyFiles.write(file, zip);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot store function code", ex);
			}
		}
		return key;
	}

	boolean contains(String key) {
		return Files.exists(this.zips.resolve(key + ".zip"));
	}

	long size(String key) {
		try {
			return Files.size(this.zips.resolve(key + ".zip"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	byte[] bytes(String key) {
		try {
			return Files.readAllBytes(this.zips.resolve(key + ".zip"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The code's CodeSha256 as Lambda reports it (base64 of the SHA-256). */
	static String codeSha256(byte[] zip) {
		return Base64.getEncoder().encodeToString(sha256(zip));
	}

	/**
	 * The unpacked package directory, unpacking on first call. A zip that is not a zip (or escapes
	 * its directory) fails with {@link IllegalArgumentException}.
	 */
	Path unpacked(String key) {
		Path target = this.packages.resolve(key);
		synchronized (this.unpackLocks.computeIfAbsent(key, (k) -> new Object())) {
			if (Files.isDirectory(target)) {
				return target;
			}
			Path temporary = this.packages.resolve(key + ".unpacking");
			try {
				deleteRecursively(temporary);
				Files.createDirectories(temporary);
				int entries = 0;
				try (InputStream in = Files.newInputStream(this.zips.resolve(key + ".zip"));
						ZipInputStream zip = new ZipInputStream(in)) {
					for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
						entries++;
						Path file = temporary.resolve(entry.getName()).normalize();
						if (!file.startsWith(temporary)) {
							throw new IllegalArgumentException("Zip entry escapes the package: " + entry.getName());
						}
						if (entry.isDirectory()) {
							Files.createDirectories(file);
						}
						else {
							Files.createDirectories(file.getParent());
							Files.copy(zip, file, StandardCopyOption.REPLACE_EXISTING);
						}
					}
				}
				if (entries == 0) {
					throw new IllegalArgumentException("Could not unzip uploaded file. Please check your file, then try to upload again.");
				}
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
				return target;
			}
			catch (IOException ex) {
				throw new IllegalArgumentException("Could not unzip uploaded file: " + ex.getMessage(), ex);
			}
		}
	}

	/**
	 * Deletes the zips and unpacked packages whose keys are not in {@code keep} (what functions and
	 * running environments still refer to), so the store does not keep every package ever uploaded.
	 */
	void retainOnly(Set<String> keep) {
		try (var zipFiles = Files.list(this.zips); var packageDirectories = Files.list(this.packages)) {
			for (Path zip : zipFiles.toList()) {
				String name = zip.getFileName().toString();
				if (name.endsWith(".zip") && !keep.contains(name.substring(0, name.length() - ".zip".length()))) {
					Files.deleteIfExists(zip);
				}
			}
			for (Path unpacked : packageDirectories.toList()) {
				String key = unpacked.getFileName().toString();
				if (key.matches("[0-9a-f]{64}") && !keep.contains(key)) {
					synchronized (this.unpackLocks.computeIfAbsent(key, (k) -> new Object())) {
						deleteRecursively(unpacked);
					}
					this.unpackLocks.remove(key);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot clean up the function code store", ex);
		}
	}

	static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (var walk = Files.walk(path)) {
			for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}

	private static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
