package io.serverlessspring.shell.packaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.serverlessspring.shell.settings.StageSettings;
import io.serverlessspring.boot.manifest.DeploymentManifest;
import io.serverlessspring.boot.manifest.ManifestJson;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the project and assembles its Lambda zip: classes and resources at the root, the runtime
 * jars under {@code lib/}, the deployment manifest and a package info.
 *
 * <p>Reproducible: entries are sorted, timestamps fixed, and the package info carries no clock
 * time, so the same inputs give a byte-identical zip (and Lambda sees an unchanged CodeSha256).
 */
public class LambdaPackager {

	/** Lambda's limit on the unzipped size of function code and layers. */
	static final long UNZIPPED_LIMIT = 250L * 1024 * 1024;

	/** Lambda's limit on a zip uploaded directly (the console uploads through S3, so it is a hint). */
	static final long DIRECT_UPLOAD_LIMIT = 50L * 1024 * 1024;

	static final String MANIFEST = "serverless-manifest.json";

	static final String PACKAGE_INFO = "serverless-package-info.json";

	private static final String GENERATOR = "io.serverlessspring.boot.manifest.ManifestGenerator";

	private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 2, 1, 0, 0);

	private final ProjectBuilder builder;

	private final JsonMapper json = JsonMapper.builder().build();

	public LambdaPackager(ProjectBuilder builder) {
		this.builder = builder;
	}

	/** Builds the project and writes the zip to {@code output} (default {@code target/serverless/<function>.zip}). */
	public LambdaPackage packageStage(StageSettings settings, Path output, Consumer<String> progress) {
		ProjectBuilder.Build build = this.builder.build(settings.projectDir(), progress);
		build = new SpringAotProcessing().process(settings, build, progress);
		return assemble(settings, build, output, progress);
	}

	/** Assembles the zip from an existing build. */
	public LambdaPackage assemble(StageSettings settings, ProjectBuilder.Build build, Path output,
			Consumer<String> progress) {
		Path zip = (output != null) ? output.toAbsolutePath()
				: settings.projectDir().resolve("target/serverless/" + settings.functionName() + ".zip");
		List<String> warnings = new ArrayList<>();
		DeploymentManifest manifest = manifest(settings, build, warnings, progress);
		TreeMap<String, byte[]> entries = new TreeMap<>();
		try {
			if (Files.isDirectory(build.classes())) {
				try (Stream<Path> files = Files.walk(build.classes())) {
					for (Path file : files.filter(Files::isRegularFile).toList()) {
						String name = build.classes().relativize(file).toString().replace('\\', '/');
						entries.put(name, Files.readAllBytes(file));
					}
				}
			}
			Map<String, Path> jars = new LinkedHashMap<>();
			for (Path jar : build.runtimeJars()) {
				if (!isEmbeddedServer(jar.getFileName().toString())) {
					jars.putIfAbsent(jar.getFileName().toString(), jar);
				}
			}
			String mainClass = mainClass(build.classes());
			if (mainClass != null && !entries.containsKey("META-INF/MANIFEST.MF")) {
				// How ServerlessHandler finds the application class inside the function.
				entries.put("META-INF/MANIFEST.MF", ("Manifest-Version: 1.0\r\nStart-Class: " + mainClass + "\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
			}
			for (Map.Entry<String, Path> jar : jars.entrySet()) {
				entries.put("lib/" + jar.getKey(), Files.readAllBytes(jar.getValue()));
			}
			entries.put(MANIFEST, ManifestJson.write(manifest).getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new PackagingException("Cannot read the build output: " + ex.getMessage());
		}
		String contentHash = contentHash(entries);
		PackageInfo info = packageInfo(settings, contentHash);
		entries.put(PACKAGE_INFO, this.json.writerWithDefaultPrettyPrinter().writeValueAsBytes(info));
		long unzipped = entries.values().stream().mapToLong(bytes -> bytes.length).sum();
		byte[] archive = zip(entries);
		try {
			Files.createDirectories(zip.getParent());
			Files.write(zip, archive);
		}
		catch (IOException ex) {
			throw new PackagingException("Cannot write " + zip + ": " + ex.getMessage());
		}
		if (unzipped > UNZIPPED_LIMIT) {
			warnings.add(String.format("The package is %.0f MB unzipped; Lambda rejects more than 250 MB. Move large "
					+ "dependencies to a layer (serverless.function.layers) or drop unused starters.", unzipped / 1048576.0));
		}
		else if (archive.length > DIRECT_UPLOAD_LIMIT) {
			warnings.add(String.format("The zip is %.0f MB; over 50 MB Lambda only accepts it through S3 (the console "
					+ "does that). Smaller packages start faster: drop unused dependencies.", archive.length / 1048576.0));
		}
		String codeSha256 = Base64.getEncoder().encodeToString(sha256(archive));
		progress.accept(String.format("Packaged %s (%.1f MB, %d entries, content %s)", zip.getFileName(),
				archive.length / 1048576.0, entries.size(), contentHash.substring(0, 12)));
		return new LambdaPackage(zip, codeSha256, contentHash, archive.length, unzipped, manifest, info, warnings);
	}

	/** Reads a zip made earlier by {@code package} (deploy {@code --package FILE}). */
	public LambdaPackage read(Path zip) {
		Path file = zip.toAbsolutePath();
		if (!Files.isRegularFile(file)) {
			throw new PackagingException("No package at " + file + " (--package).");
		}
		try (java.util.zip.ZipFile archive = new java.util.zip.ZipFile(file.toFile())) {
			ZipEntry infoEntry = archive.getEntry(PACKAGE_INFO);
			if (infoEntry == null) {
				throw new PackagingException(file + " was not made by the console's package command (no "
						+ PACKAGE_INFO + ").");
			}
			PackageInfo info;
			try (InputStream in = archive.getInputStream(infoEntry)) {
				info = this.json.readValue(in, PackageInfo.class);
			}
			ZipEntry manifestEntry = archive.getEntry(MANIFEST);
			DeploymentManifest manifest = Manifests.EMPTY;
			if (manifestEntry != null) {
				try (InputStream in = archive.getInputStream(manifestEntry)) {
					manifest = ManifestJson.read(in);
				}
			}
			long unzipped = archive.stream().mapToLong(ZipEntry::getSize).sum();
			byte[] bytes = Files.readAllBytes(file);
			return new LambdaPackage(file, Base64.getEncoder().encodeToString(sha256(bytes)), info.contentHash(),
					bytes.length, unzipped, manifest, info, List.of());
		}
		catch (IOException ex) {
			throw new PackagingException("Cannot read " + file + ": " + ex.getMessage());
		}
	}

	private DeploymentManifest manifest(StageSettings settings, ProjectBuilder.Build build, List<String> warnings,
			Consumer<String> progress) {
		DeploymentManifest empty = Manifests.EMPTY;
		if (!hasGenerator(build.runtimeJars())) {
			warnings.add("The app's serverless starter has no manifest generator: schedules, tasks and event "
					+ "sources are not deployed. Update the starter.");
			return empty;
		}
		String mainClass = mainClass(build.classes());
		if (mainClass == null) {
			warnings.add("No @SpringBootApplication class in " + build.classes()
					+ ": schedules, tasks and event sources are not deployed.");
			return empty;
		}
		Path output = settings.projectDir().resolve("target/serverless/" + MANIFEST);
		List<String> classpath = new ArrayList<>();
		classpath.add(build.classes().toString());
		build.runtimeJars().forEach(jar -> classpath.add(jar.toString()));
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", String.join(java.io.File.pathSeparator, classpath), GENERATOR, "--main-class", mainClass, "--stage",
				settings.stage(), "--project-dir", settings.projectDir().toString(), "--output", output.toString()));
		if (settings.profiles().size() > 1) {
			// A stage that extends others: their files are read too, as the function will (SERVERLESS_PROFILES).
			command.addAll(List.of("--profiles", String.join(",", settings.profiles())));
		}
		progress.accept("Computing the deployment manifest ...");
		try {
			Files.deleteIfExists(output);
			Process process = new ProcessBuilder(command).directory(settings.projectDir().toFile())
				.redirectErrorStream(true)
				.start();
			process.getOutputStream().close();
			byte[] out;
			try (InputStream in = process.getInputStream()) {
				out = in.readAllBytes();
			}
			if (!process.waitFor(5, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new PackagingException("The manifest generator did not finish within 5 minutes.");
			}
			if (process.exitValue() != 0) {
				throw new PackagingException("The app's declarations are not deployable:\n"
						+ new String(out, StandardCharsets.UTF_8).trim());
			}
			return ManifestJson.read(Files.readString(output));
		}
		catch (IOException ex) {
			throw new PackagingException("Cannot run the manifest generator: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PackagingException("Interrupted while computing the manifest");
		}
	}

	/** Tomcat serves the app on a laptop; in Lambda the servlet bridge does, so it stays out of the zip. */
	static boolean isEmbeddedServer(String jarName) {
		return jarName.startsWith("tomcat-embed-") || jarName.startsWith("spring-boot-starter-tomcat")
				|| jarName.startsWith("spring-boot-tomcat");
	}

	private static boolean hasGenerator(List<Path> jars) {
		String entry = GENERATOR.replace('.', '/') + ".class";
		for (Path jar : jars) {
			if (!jar.getFileName().toString().startsWith("serverless-spring-boot-autoconfigure")) {
				continue;
			}
			try (JarFile file = new JarFile(jar.toFile())) {
				if (file.getEntry(entry) != null) {
					return true;
				}
			}
			catch (IOException ex) {
				return false;
			}
		}
		return false;
	}

	/** The class annotated {@code @SpringBootApplication}, found in the compiled classes. */
	static String mainClass(Path classes) {
		byte[] marker = "Lorg/springframework/boot/autoconfigure/SpringBootApplication;".getBytes(StandardCharsets.UTF_8);
		if (!Files.isDirectory(classes)) {
			return null;
		}
		try (Stream<Path> files = Files.walk(classes)) {
			for (Path file : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
				if (indexOf(Files.readAllBytes(file), marker) >= 0) {
					String name = classes.relativize(file).toString().replace('\\', '/');
					return name.substring(0, name.length() - ".class".length()).replace('/', '.');
				}
			}
		}
		catch (IOException ex) {
			return null;
		}
		return null;
	}

	private static int indexOf(byte[] data, byte[] pattern) {
		outer: for (int i = 0; i <= data.length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private PackageInfo packageInfo(StageSettings settings, String contentHash) {
		Path project = settings.projectDir();
		String commit = git(project, "log", "-1", "--format=%H", "--", ".");
		String date = git(project, "log", "-1", "--format=%cI", "--", ".");
		String status = git(project, "status", "--porcelain", "--", ".");
		String epoch = System.getenv("SOURCE_DATE_EPOCH");
		String sourceDate;
		if (epoch != null && epoch.matches("\\d+")) {
			sourceDate = Instant.ofEpochSecond(Long.parseLong(epoch)).toString();
		}
		else if (date != null && !date.isBlank()) {
			sourceDate = java.time.OffsetDateTime.parse(date).toInstant().toString();
		}
		else {
			sourceDate = "1980-01-01T00:00:00Z";
		}
		return new PackageInfo(settings.applicationName(), settings.stage(), sourceDate,
				(commit == null || commit.isBlank()) ? null : commit, status != null && !status.isBlank(), contentHash);
	}

	private static String git(Path dir, String... args) {
		List<String> command = new ArrayList<>();
		command.add("git");
		command.addAll(List.of(args));
		try {
			Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(false).start();
			process.getOutputStream().close();
			byte[] out;
			try (InputStream in = process.getInputStream()) {
				out = in.readAllBytes();
			}
			process.getErrorStream().close();
			return (process.waitFor() == 0) ? new String(out, StandardCharsets.UTF_8).trim() : null;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	private static String contentHash(TreeMap<String, byte[]> entries) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
				digest.update(entry.getKey().getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
				digest.update(sha256(entry.getValue()));
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] zip(TreeMap<String, byte[]> entries) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			java.util.Set<String> directories = new java.util.TreeSet<>();
			for (String name : entries.keySet()) {
				for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
					directories.add(name.substring(0, slash + 1));
				}
			}
			TreeMap<String, byte[]> all = new TreeMap<>(entries);
			directories.forEach(directory -> all.put(directory, null));
			for (Map.Entry<String, byte[]> entry : all.entrySet()) {
				ZipEntry zipEntry = new ZipEntry(entry.getKey());
				zipEntry.setTimeLocal(ENTRY_TIME);
				zip.putNextEntry(zipEntry);
				if (entry.getValue() != null) {
					write(zip, entry.getValue());
				}
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new PackagingException("Cannot assemble the zip: " + ex.getMessage());
		}
		return bytes.toByteArray();
	}

	private static void write(OutputStream out, byte[] data) throws IOException {
		out.write(data);
	}

	static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
