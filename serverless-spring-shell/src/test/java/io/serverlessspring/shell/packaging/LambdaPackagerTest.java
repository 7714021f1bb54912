package io.serverlessspring.shell.packaging;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipFile;

import io.serverlessspring.boot.settings.ServerlessProperties;
import io.serverlessspring.shell.settings.StageSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Assembling a zip from a build's output (no Maven here; the Maven path is covered by the console tests). */
class LambdaPackagerTest {

	@TempDir
	Path dir;

	private final LambdaPackager packager = new LambdaPackager(new ProjectBuilder());

	@Test
	void sameInputsGiveAByteIdenticalZip() throws IOException {
		ProjectBuilder.Build build = build();
		LambdaPackage first = this.packager.assemble(settings(), build, this.dir.resolve("one.zip"), line -> { });
		LambdaPackage second = this.packager.assemble(settings(), build, this.dir.resolve("two.zip"), line -> { });
		assertThat(Files.readAllBytes(second.zip())).isEqualTo(Files.readAllBytes(first.zip()));
		assertThat(second.codeSha256()).isEqualTo(first.codeSha256());

		Files.writeString(build.classes().resolve("application.yml"), "changed: true\n");
		LambdaPackage changed = this.packager.assemble(settings(), build, this.dir.resolve("three.zip"), line -> { });
		assertThat(changed.codeSha256()).isNotEqualTo(first.codeSha256());
		assertThat(changed.contentHash()).isNotEqualTo(first.contentHash());
		// A code-only change leaves the dependency layer as it was: the same hash, the same bytes.
		assertThat(changed.layer().contentHash()).isEqualTo(first.layer().contentHash());
		assertThat(Files.readAllBytes(changed.layer().zip())).isEqualTo(Files.readAllBytes(first.layer().zip()));
		assertThat(first.layer().zip()).isEqualTo(this.dir.resolve("one-dependencies.zip"));
	}

	@Test
	void aDeployOfAPackageWithoutItsLayerBesideItSaysWhatIsMissing() throws IOException {
		LambdaPackage pkg = this.packager.assemble(settings(), build(), this.dir.resolve("app.zip"), line -> { });
		Files.delete(pkg.layer().zip());
		assertThatExceptionOfType(PackagingException.class).isThrownBy(() -> this.packager.read(pkg.zip()))
			.withMessageContaining("needs its dependency layer app-dependencies.zip beside it");
	}

	@Test
	void classesAtTheRootJarsInTheLayersJavaLibNoTomcatAndTheStartClassNamed() throws IOException {
		LambdaPackage pkg = this.packager.assemble(settings(), build(), this.dir.resolve("app.zip"), line -> { });
		try (ZipFile layer = new ZipFile(pkg.layer().zip().toFile())) {
			List<String> names = new ArrayList<>();
			Collections.list(layer.entries()).forEach(entry -> names.add(entry.getName()));
			assertThat(names).contains("java/lib/spring-core.jar").noneMatch(name -> name.contains("tomcat"))
				.noneMatch(name -> name.endsWith(".class"));
		}
		try (ZipFile zip = new ZipFile(pkg.zip().toFile())) {
			List<String> names = new ArrayList<>();
			Collections.list(zip.entries()).forEach(entry -> names.add(entry.getName()));
			assertThat(names).contains("com/example/shop/ShopApplication.class", "application.yml",
					"serverless-manifest.json", "serverless-package-info.json", "META-INF/MANIFEST.MF");
			assertThat(names).noneMatch(name -> name.contains("tomcat")).noneMatch(name -> name.endsWith(".jar"));
			String manifest = new String(zip.getInputStream(zip.getEntry("META-INF/MANIFEST.MF")).readAllBytes(),
					StandardCharsets.UTF_8);
			assertThat(manifest).contains("Start-Class: com.example.shop.ShopApplication");
		}
		LambdaPackage read = this.packager.read(pkg.zip());
		assertThat(read.codeSha256()).isEqualTo(pkg.codeSha256());
		assertThat(read.info().application()).isEqualTo("shop");
		assertThat(read.info().contentHash()).isEqualTo(pkg.contentHash());
		assertThat(read.info().layerHash()).isEqualTo(pkg.layer().contentHash());
		assertThat(read.layer()).isEqualTo(pkg.layer());
		assertThat(pkg.warnings()).anyMatch(warning -> warning.contains("no manifest generator"));
	}

	private StageSettings settings() {
		return new StageSettings(this.dir, "dev", "shop", "shop-dev", new ServerlessProperties(), List.of());
	}

	private ProjectBuilder.Build build() throws IOException {
		Path classes = this.dir.resolve("target/classes");
		Path app = classes.resolve("com/example/shop/ShopApplication.class");
		Files.createDirectories(app.getParent());
		// What javac writes for a class annotated @SpringBootApplication includes this descriptor.
		Files.write(app, ("\u00ca\u00fe\u00ba\u00beLorg/springframework/boot/autoconfigure/SpringBootApplication;")
			.getBytes(StandardCharsets.ISO_8859_1));
		Files.writeString(classes.resolve("application.yml"), "spring.application.name: shop\n");
		return new ProjectBuilder.Build(classes, List.of(jar("spring-core.jar"), jar("tomcat-embed-core-11.0.jar")));
	}

	private Path jar(String name) throws IOException {
		Path jar = this.dir.resolve("repo/" + name);
		Files.createDirectories(jar.getParent());
		try (OutputStream out = Files.newOutputStream(jar); JarOutputStream stream = new JarOutputStream(out)) {
			JarEntry entry = new JarEntry("placeholder.txt");
			entry.setTime(0);
			stream.putNextEntry(entry);
			stream.write(name.getBytes(StandardCharsets.UTF_8));
			stream.closeEntry();
		}
		return jar;
	}

}
