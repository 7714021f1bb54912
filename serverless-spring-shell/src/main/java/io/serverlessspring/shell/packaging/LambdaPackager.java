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
 * Builds the project and assembles its two parts: the function zip (classes and resources at the
 * root, the deployment manifest and a package info) and, beside it, the dependency layer zip (the
 * runtime jars under {@code java/lib/}, which Lambda's Java runtimes put on the classpath from
 * {@code /opt}). A code change then changes only the small zip; the layer, named by the hash of its
 * content, is published once and shared by every stage with the same dependencies.
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

	/** Where Lambda's Java runtimes find a layer's jars (under {@code /opt}). */
	static final String LAYER_LIBRARIES = "java/lib/";

	private static final String GENERATOR = "io.serverlessspring.boot.manifest.ManifestGenerator";

	private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 2, 1, 0, 0);

	private final ProjectBuilder builder;

	private final JsonMapper json = JsonMapper.builder().build();

	public LambdaPackager(ProjectBuilder builder) {
		this.builder = builder;
	}

	/**
	 * Builds the project and writes the function zip to {@code output} (default
	 * {@code target/serverless/<function>.zip}) and the layer zip beside it ({@code <name>-dependencies.zip}).
	 */
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
		TreeMap<String, byte[]> layerEntries = new TreeMap<>();
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
				layerEntries.put(LAYER_LIBRARIES + jar.getKey(), Files.readAllBytes(jar.getValue()));
			}
			entries.put(MANIFEST, ManifestJson.write(manifest).getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new PackagingException("Cannot read the build output: " + ex.getMessage());
		}
		// The whole content (code and dependencies) names the package, as when both were in one zip.
		TreeMap<String, byte[]> everything = new TreeMap<>(entries);
		everything.putAll(layerEntries);
		String contentHash = contentHash(everything);
		LayerPackage layer = null;
		if (!layerEntries.isEmpty()) {
			byte[] layerArchive = zip(layerEntries);
			Path layerZip = LayerPackage.besides(zip);
			write(layerZip, layerArchive);
			layer = new LayerPackage(layerZip, contentHash(layerEntries), HexFormat.of().formatHex(sha256(layerArchive)),
					layerArchive.length, layerEntries.values().stream().mapToLong(bytes -> bytes.length).sum(),
					layerEntries.size());
		}
		else {
			deleteStale(LayerPackage.besides(zip));
		}
		PackageInfo info = packageInfo(settings, contentHash, (layer != null) ? layer.contentHash() : null);
		entries.put(PACKAGE_INFO, this.json.writerWithDefaultPrettyPrinter().writeValueAsBytes(info));
		long unzipped = entries.values().stream().mapToLong(bytes -> bytes.length).sum();
		byte[] archive = zip(entries);
		write(zip, archive);
		String codeSha256 = Base64.getEncoder().encodeToString(sha256(archive));
		LambdaPackage pkg = new LambdaPackage(zip, codeSha256, contentHash, archive.length, unzipped, manifest, info,
				warnings, layer);
		String limits = limitProblem(pkg);
		if (limits != null) {
			warnings.add(limits);
		}
		progress.accept(String.format("Packaged %s (%s, %d entries, content %s)", zip.getFileName(), megabytes(archive.length),
				entries.size(), contentHash.substring(0, 12)));
		if (layer != null) {
			progress.accept(String.format("  dependency layer %s (%s, %d jars, %s unzipped, layer %s)",
					layer.zip().getFileName(), megabytes(layer.size()), layer.jars(), megabytes(layer.unzippedSize()),
					layer.shortHash()));
		}
		return pkg;
	}

	/**
	 * What is wrong with the package's size for Lambda, and what to do, or {@code null}. Over 250 MB
	 * unzipped (function and layers together) Lambda refuses a zip function; that size needs a container
	 * image (up to 10 GB), which this console does not build. A part over 50 MB zipped can only go
	 * through S3 (the console uploads both parts that way), so that is a hint to slim down.
	 */
	public static String limitProblem(LambdaPackage pkg) {
		if (pkg.unzippedTotal() > UNZIPPED_LIMIT) {
			return String.format("The function and its dependency layer are %s unzipped; Lambda refuses more than 250 MB "
					+ "for a zip function with its layers. Drop unused dependencies (mvn dependency:analyze lists them) or "
					+ "deploy the app as a container image (up to 10 GB; not built by this console).",
					megabytes(pkg.unzippedTotal()));
		}
		long largest = Math.max(pkg.size(), (pkg.layer() != null) ? pkg.layer().size() : 0);
		if (largest > DIRECT_UPLOAD_LIMIT) {
			return String.format("A part of the package is %s zipped; over 50 MB Lambda takes it only through S3 (the "
					+ "console uploads that way). Smaller packages start faster: drop unused dependencies.",
					megabytes(largest));
		}
		return null;
	}

	/** Deploy stops here when Lambda would refuse the package's size, saying what to do. */
	public static void refuseOverLimit(LambdaPackage pkg) {
		if (pkg.unzippedTotal() > UNZIPPED_LIMIT) {
			throw new PackagingException(limitProblem(pkg));
		}
	}

	private static String megabytes(long bytes) {
		return (bytes < 1048576) ? String.format("%.0f KB", bytes / 1024.0) : String.format("%.1f MB", bytes / 1048576.0);
	}

	private static void write(Path file, byte[] bytes) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.write(file, bytes);
		}
		catch (IOException ex) {
			throw new PackagingException("Cannot write " + file + ": " + ex.getMessage());
		}
	}

	/** A layer zip left from an earlier package would be read by {@code deploy --package}: it goes. */
	private static void deleteStale(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new PackagingException("Cannot delete " + file + ": " + ex.getMessage());
		}
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
					bytes.length, unzipped, manifest, info, List.of(), readLayer(file, info.layerHash()));
		}
		catch (IOException ex) {
			throw new PackagingException("Cannot read " + file + ": " + ex.getMessage());
		}
	}

	/** The dependency layer beside a function zip, checked against the hash its package info records. */
	private static LayerPackage readLayer(Path functionZip, String layerHash) throws IOException {
		if (layerHash == null) {
			return null;
		}
		Path file = LayerPackage.besides(functionZip);
		if (!Files.isRegularFile(file)) {
			throw new PackagingException(functionZip + " needs its dependency layer " + file.getFileName()
					+ " beside it (package writes both); copy it there or package again.");
		}
		TreeMap<String, byte[]> entries = new TreeMap<>();
		try (java.util.zip.ZipFile archive = new java.util.zip.ZipFile(file.toFile())) {
			for (ZipEntry entry : java.util.Collections.list(archive.entries())) {
				if (!entry.isDirectory()) {
					try (InputStream in = archive.getInputStream(entry)) {
						entries.put(entry.getName(), in.readAllBytes());
					}
				}
			}
		}
		String contentHash = contentHash(entries);
		if (!contentHash.equals(layerHash)) {
			throw new PackagingException(file + " is not the dependency layer of " + functionZip.getFileName()
					+ " (its content differs from what the package info records); package again.");
		}
		byte[] bytes = Files.readAllBytes(file);
		return new LayerPackage(file.toAbsolutePath(), contentHash, HexFormat.of().formatHex(sha256(bytes)), bytes.length,
				entries.values().stream().mapToLong(b -> b.length).sum(), entries.size());
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

	private PackageInfo packageInfo(StageSettings settings, String contentHash, String layerHash) {
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
				(commit == null || commit.isBlank()) ? null : commit, status != null && !status.isBlank(), contentHash,
				layerHash);
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
