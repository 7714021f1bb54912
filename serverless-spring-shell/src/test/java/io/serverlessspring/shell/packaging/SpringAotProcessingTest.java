package io.serverlessspring.shell.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import io.serverlessspring.boot.settings.ServerlessProperties;
import io.serverlessspring.shell.settings.StageSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Spring AOT in the package, on the real petstore (its Lambda zip from the reactor build: classes at
 * the root, the runtime jars in lib/, no Tomcat).
 */
class SpringAotProcessingTest {

	private static final Path PETSTORE_ZIP = Path.of("../samples/petstore/target/petstore-lambda.zip");

	@TempDir
	Path dir;

	@Test
	void petstoreStartsFromTheGeneratedInitializers() throws Exception {
		ProjectBuilder.Build build = unzippedPetstore();
		List<String> progress = new ArrayList<>();

		ProjectBuilder.Build processed = new SpringAotProcessing().process(settings(new ServerlessProperties()), build,
				progress::add);

		Path classes = processed.classes();
		assertThat(classes.resolve(
				"io/serverlessspring/samples/petstore/PetstoreApplication__ApplicationContextInitializer.class"))
			.isRegularFile();
		assertThat(classes.resolve("io/serverlessspring/samples/petstore/PetstoreApplication.class")).isRegularFile();
		assertThat(Files.readString(classes.resolve("spring.properties"))).contains("spring.aot.enabled=true");
		assertThat(progress).anyMatch((line) -> line.startsWith("Running Spring AOT processing"));

		// The function, started as Lambda does, says it runs AOT-processed and serves GET /pets.
		List<String> classpath = new ArrayList<>(List.of(classes.toString()));
		processed.runtimeJars().forEach((jar) -> classpath.add(jar.toString()));
		classpath.add(Path.of(AotStartProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				String.join(java.io.File.pathSeparator, classpath), AotStartProbe.class.getName())
			.redirectErrorStream(true)
			.start();
		process.getOutputStream().close();
		String output;
		try (InputStream in = process.getInputStream()) {
			output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(output).contains("Starting AOT-processed PetstoreApplication")
			.contains(AotStartProbe.MARKER + " 200");
	}

	@Test
	void theOffSwitchPackagesWithoutAot() throws IOException {
		ServerlessProperties properties = new ServerlessProperties();
		properties.getFunction().setAot(false);
		ProjectBuilder.Build build = new ProjectBuilder.Build(this.dir.resolve("classes"), List.of());
		List<String> progress = new ArrayList<>();

		ProjectBuilder.Build result = new SpringAotProcessing().process(settings(properties), build, progress::add);

		assertThat(result).isSameAs(build);
		assertThat(progress).containsExactly("Spring AOT is off (serverless.function.aot: false)");
		assertThat(this.dir.resolve("target/serverless/aot")).doesNotExist();
	}

	@Test
	void anAppAotCannotProcessStopsPackagingNamingTheCauseAndTheSwitch() throws IOException {
		ProjectBuilder.Build broken = unzippedPetstore();
		// The dev stage's file is not YAML: the app cannot start, so AOT cannot process it.
		Files.writeString(broken.classes().resolve("application-dev.yml"), "serverless: [unclosed\n");

		assertThatExceptionOfType(PackagingException.class)
			.isThrownBy(() -> new SpringAotProcessing().process(settings(new ServerlessProperties()), broken, (line) -> {
			}))
			.withMessageContaining("Spring AOT cannot process io.serverlessspring.samples.petstore.PetstoreApplication")
			.withMessageContaining("while parsing a flow sequence")
			.withMessageContaining("serverless.function.aot: false");
		assertThat(this.dir.resolve("target/serverless/aot/package-classes")).doesNotExist();
	}

	private StageSettings settings(ServerlessProperties properties) {
		return new StageSettings(this.dir, "dev", "petstore", "petstore-dev", properties, List.of());
	}

	private ProjectBuilder.Build unzippedPetstore() throws IOException {
		assertThat(PETSTORE_ZIP).as("the petstore Lambda zip (built by the reactor before this module)").isRegularFile();
		Path root = this.dir.resolve("task");
		try (ZipFile zip = new ZipFile(PETSTORE_ZIP.toFile())) {
			Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				Path target = root.resolve(entry.getName());
				if (entry.isDirectory()) {
					Files.createDirectories(target);
					continue;
				}
				Files.createDirectories(target.getParent());
				try (InputStream in = zip.getInputStream(entry)) {
					Files.copy(in, target);
				}
			}
		}
		Path lib = root.resolve("lib");
		List<Path> jars;
		try (Stream<Path> files = Files.list(lib)) {
			jars = files.sorted().toList();
		}
		Path classes = this.dir.resolve("classes");
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(Files::isRegularFile).filter((f) -> !f.startsWith(lib)).toList()) {
				Path target = classes.resolve(root.relativize(file).toString());
				Files.createDirectories(target.getParent());
				Files.copy(file, target);
			}
		}
		return new ProjectBuilder.Build(classes, jars);
	}

}
