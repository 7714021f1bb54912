package io.serverlessspring.boot.secrets;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An app with the starter alone has no AWS SDK on its class path; Spring Boot (and Spring AOT when
 * packaging) still instantiates every {@code BootstrapRegistryInitializer} of {@code spring.factories}.
 * The initializer loads there, in a class loader whose class path is the test's minus the SDK and
 * Spring Cloud AWS jars.
 */
class SecretsClientsInitializerWithoutSdkTest {

	@Test
	void instantiatesWithoutTheAwsSdkOnTheClassPath() throws Exception {
		URL[] withoutSdk = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter(entry -> !entry.contains("software" + File.separator + "amazon")
					&& !entry.contains("io" + File.separator + "awspring"))
			.map(SecretsClientsInitializerWithoutSdkTest::url)
			.toArray(URL[]::new);
		try (URLClassLoader loader = new URLClassLoader(withoutSdk, ClassLoader.getPlatformClassLoader())) {
			assertThat(loader.getResource("software/amazon/awssdk/core/interceptor/ExecutionInterceptor.class")).isNull();

			Object initializer = loader.loadClass(SecretsClientsInitializer.class.getName())
				.getDeclaredConstructor()
				.newInstance();

			assertThat(initializer.getClass().getClassLoader()).isSameAs(loader);
		}
	}

	private static URL url(String entry) {
		try {
			return Path.of(entry).toUri().toURL();
		}
		catch (MalformedURLException ex) {
			throw new IllegalArgumentException(entry, ex);
		}
	}

}
