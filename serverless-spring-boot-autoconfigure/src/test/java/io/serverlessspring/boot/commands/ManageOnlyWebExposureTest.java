package io.serverlessspring.boot.commands;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.expose.IncludeExcludeEndpointFilter;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.ExposableWebEndpoint;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** Web exposure of actuator endpoints inside the function: none by default, the app's choice when it makes one. */
class ManageOnlyWebExposureTest {

	@Test
	void noEndpointIsExposedOverHttpByDefault() {
		StandardEnvironment environment = new StandardEnvironment();
		ManageOnlyWebExposure.applyTo(environment);

		assertThat(webExposed(environment, "health")).isFalse();
	}

	@Test
	void anAppThatExposesHealthOverHttpKeepsIt() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("application.yml",
					Map.of("management.endpoints.web.exposure.include", "health")));
		ManageOnlyWebExposure.applyTo(environment);

		assertThat(webExposed(environment, "health")).isTrue();
		assertThat(webExposed(environment, "env")).isFalse();
	}

	private static boolean webExposed(StandardEnvironment environment, String id) {
		IncludeExcludeEndpointFilter<ExposableWebEndpoint> filter = new IncludeExcludeEndpointFilter<>(
				ExposableWebEndpoint.class, environment, "management.endpoints.web.exposure", "health");
		return filter.match(EndpointId.of(id));
	}

}
