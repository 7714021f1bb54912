package io.serverlessspring.boot.handler;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.serverlessspring.boot.http.testapp.HttpTestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ApplicationClassLocatorTest {

	@TempDir
	Path packageRoot;

	@Test
	void readsStartClassFromTheManifestAtTheRootOfTheLambdaPackage() throws IOException {
		Path manifest = this.packageRoot.resolve("META-INF/MANIFEST.MF");
		Files.createDirectories(manifest.getParent());
		Files.writeString(manifest, "Manifest-Version: 1.0\nStart-Class: " + HttpTestApplication.class.getName() + "\n");

		try (URLClassLoader loader = new URLClassLoader(new URL[] { this.packageRoot.toUri().toURL() },
				getClass().getClassLoader())) {
			assertThat(new ApplicationClassLocator(loader, Map.<String, String>of()::get).locate())
				.isEqualTo(HttpTestApplication.class);
		}
	}

	@Test
	void mainClassEnvironmentVariableWins() {
		ApplicationClassLocator locator = new ApplicationClassLocator(getClass().getClassLoader(),
				Map.of("MAIN_CLASS", HttpTestApplication.class.getName())::get);

		assertThat(locator.locate()).isEqualTo(HttpTestApplication.class);
	}

	@Test
	void namesTheSourceOfAClassThatIsNotThere() {
		ApplicationClassLocator locator = new ApplicationClassLocator(getClass().getClassLoader(),
				Map.of("MAIN_CLASS", "com.example.Missing")::get);

		assertThatIllegalStateException().isThrownBy(locator::locate)
			.withMessageContaining("com.example.Missing")
			.withMessageContaining("environment variable MAIN_CLASS");
	}

	@Test
	void saysWhereItLookedWhenNothingNamesTheApplication() throws IOException {
		try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
			ApplicationClassLocator locator = new ApplicationClassLocator(empty, Map.<String, String>of()::get);

			assertThatIllegalStateException().isThrownBy(locator::locate)
				.withMessageContaining("serverless.main-class")
				.withMessageContaining("MAIN_CLASS")
				.withMessageContaining("Start-Class");
		}
	}

}
