package io.serverlessspring.shell.packaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What is checked in a package before anything is changed in AWS. */
class PackagePreflightTest {

	private static final String MANIFEST = "serverless-manifest.json";

	@TempDir
	Path dir;

	@Test
	void aPackageWithoutTheStarterIsRefusedNamingTheDependencyToAdd() throws IOException {
		Path zip = zip(Map.of("com/example/App.class", new byte[] { 1 }, "lib/spring-webmvc-7.0.0.jar",
				jar(Map.of("org/springframework/web/servlet/DispatcherServlet.class", new byte[] { 1 })), MANIFEST,
				"{}".getBytes()));

		assertThatThrownBy(() -> PackagePreflight.check(zip, "1.2.3")).isInstanceOf(PackagingException.class)
			.hasMessageContaining("has no Lambda handler (io.serverlessspring.boot.handler.ServerlessHandler)")
			.hasMessageContaining("<groupId>io.serverlessspring</groupId>")
			.hasMessageContaining("<artifactId>serverless-spring-boot-starter</artifactId>")
			.hasMessageContaining("<version>1.2.3</version>")
			.hasMessageContaining("Nothing was changed in AWS.");
	}

	@Test
	void theHandlerInALibraryJarAndTheManifestPass() throws IOException {
		Path zip = zip(Map.of("lib/serverless-spring-boot-autoconfigure-0.1.0.jar",
				jar(Map.of(PackagePreflight.HANDLER_ENTRY, new byte[] { 1 })), MANIFEST, "{}".getBytes()));

		assertThatNoException().isThrownBy(() -> PackagePreflight.check(zip, "1.2.3"));
	}

	@Test
	void aPackageWithoutTheManifestIsRefused() throws IOException {
		Path zip = zip(Map.of(PackagePreflight.HANDLER_ENTRY, new byte[] { 1 }));

		assertThatThrownBy(() -> PackagePreflight.check(zip, null)).isInstanceOf(PackagingException.class)
			.hasMessageContaining("has no serverless-manifest.json")
			.hasMessageContaining("'package STAGE'");
	}

	@Test
	void withoutAKnownVersionTheDependencyHasNoVersionLine() {
		assertThat(PackagePreflight.starterDependency(null)).doesNotContain("<version>")
			.contains("serverless-spring-boot-starter");
	}

	private Path zip(Map<String, byte[]> entries) throws IOException {
		Path zip = Files.createTempFile(this.dir, "package", ".zip");
		try (OutputStream out = Files.newOutputStream(zip)) {
			out.write(jar(entries));
		}
		return zip;
	}

	private static byte[] jar(Map<String, byte[]> entries) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream archive = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, byte[]> entry : new TreeMap<>(entries).entrySet()) {
				archive.putNextEntry(new ZipEntry(entry.getKey()));
				archive.write(entry.getValue());
				archive.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

}
