package io.serverlessspring.shell.packaging;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import io.serverlessspring.shell.settings.FunctionStartup;
import io.serverlessspring.shell.settings.StageSettings;

/**
 * Spring's ahead-of-time processing of the app, as its function starts it
 * ({@code io.serverlessspring.boot.aot.ServerlessAotProcessor} in a child JVM on the package's class
 * path, with the stage's profiles). The package then holds the generated initializers and a
 * {@code spring.properties} with {@code spring.aot.enabled=true}. {@code serverless.function.aot: false}
 * turns it off; a failure stops packaging with its cause, never a silent fallback.
 */
public class SpringAotProcessing {

	static final String PROCESSOR = "io.serverlessspring.boot.aot.ServerlessAotProcessor";

	/** The build with its classes replaced by the classes plus the AOT output (or unchanged when off). */
	public ProjectBuilder.Build process(StageSettings settings, ProjectBuilder.Build build, Consumer<String> progress) {
		if (!settings.properties().getFunction().isAot()) {
			progress.accept("Spring AOT is off (serverless.function.aot: false)");
			return build;
		}
		String mainClass = LambdaPackager.mainClass(build.classes());
		if (mainClass == null) {
			return build;
		}
		List<Path> jars = build.runtimeJars()
			.stream()
			.filter((jar) -> !LambdaPackager.isEmbeddedServer(jar.getFileName().toString()))
			.toList();
		if (!hasProcessor(jars)) {
			if (jars.stream().noneMatch((jar) -> jar.getFileName().toString().startsWith("serverless-spring-boot-autoconfigure"))) {
				// no starter at all: the package's preflight refuses it, naming the dependency to add
				return build;
			}
			throw new PackagingException("The app's serverless starter cannot run Spring AOT (no " + PROCESSOR
					+ "): update the starter, or set serverless.function.aot: false.");
		}
		Path work = settings.projectDir().resolve("target/serverless/aot");
		List<String> classpath = new ArrayList<>();
		classpath.add(build.classes().toString());
		jars.forEach((jar) -> classpath.add(jar.toString()));
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				String.join(File.pathSeparator, classpath), PROCESSOR, "--main-class", mainClass, "--output",
				work.resolve("generated").toString(), "--profiles", String.join(",", settings.profiles()),
				"--artifact-id", settings.applicationName());
		progress.accept("Running Spring AOT processing of " + mainClass + " ...");
		Path log = work.resolve("aot.log");
		try {
			Files.createDirectories(work);
			ProcessBuilder builder = new ProcessBuilder(command).directory(settings.projectDir().toFile());
			if (FunctionStartup.snapStart(settings.properties().getFunction())) {
				// AOT decides conditions now: keep the SnapStart priming beans a snapshot needs.
				builder.environment().put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
			}
			Process process = builder
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			process.getOutputStream().close();
			if (!process.waitFor(10, TimeUnit.MINUTES)) {
				ProjectBuilder.stopTree(process.toHandle());
				throw new PackagingException("Spring AOT processing did not finish within 10 minutes (log: " + log + ")");
			}
			if (process.exitValue() != 0) {
				throw new PackagingException(cause(log, mainClass)
						+ "\nFix the cause, or set serverless.function.aot: false (package without AOT: slower cold "
						+ "starts). Full log: " + log);
			}
			Path merged = work.resolve("package-classes");
			deleteTree(merged);
			copyTree(build.classes(), merged);
			copyTree(work.resolve("generated/classes"), merged);
			copyTree(work.resolve("generated/resources"), merged);
			return new ProjectBuilder.Build(merged, build.runtimeJars());
		}
		catch (IOException ex) {
			throw new PackagingException("Cannot run Spring AOT processing: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PackagingException("Interrupted during Spring AOT processing");
		}
	}

	/** The processor's own one-line diagnosis, else the log's tail. */
	private static String cause(Path log, String mainClass) throws IOException {
		List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
		for (String line : lines) {
			if (line.startsWith("serverless aot: ")) {
				return line.substring("serverless aot: ".length());
			}
		}
		return "Spring AOT cannot process " + mainClass + ":\n"
				+ String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
	}

	private static boolean hasProcessor(List<Path> jars) {
		String entry = PROCESSOR.replace('.', '/') + ".class";
		for (Path jar : jars) {
			if (Files.isDirectory(jar)) {
				if (Files.isRegularFile(jar.resolve(entry))) {
					return true;
				}
				continue;
			}
			try (JarFile file = new JarFile(jar.toFile())) {
				if (file.getEntry(entry) != null) {
					return true;
				}
			}
			catch (IOException ex) {
				// not a jar we can read: not ours
			}
		}
		return false;
	}

	private static void copyTree(Path from, Path to) throws IOException {
		if (!Files.isDirectory(from)) {
			return;
		}
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				Files.createDirectories(target.getParent());
				Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}

	private static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
	}

}
