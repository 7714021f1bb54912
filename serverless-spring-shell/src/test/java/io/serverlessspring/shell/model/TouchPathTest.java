package io.serverlessspring.shell.model;

import java.util.List;

import io.serverlessspring.boot.settings.DeploySettings;
import io.serverlessspring.shell.packaging.HttpGetMappings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which path deploy touches: the configured one, else one the app answers, else none. */
class TouchPathTest {

	@Test
	void theConfiguredPathWins() {
		DeploySettings deploy = new DeploySettings();
		deploy.setTouchPath("/hello");

		assertThat(TouchPath.choose(deploy, new HttpGetMappings.Found(List.of("/", "/pets"), true))).isEqualTo("/hello");
	}

	@Test
	void unsetTheRootWhenMappedElseTheShortestMappingElseTheActuatorHealthElseNone() {
		DeploySettings deploy = new DeploySettings();

		assertThat(TouchPath.choose(deploy, new HttpGetMappings.Found(List.of("/", "/a"), true))).isEqualTo("/");
		assertThat(TouchPath.choose(deploy, new HttpGetMappings.Found(List.of("/pets/all", "/pets"), true)))
			.isEqualTo("/pets");
		assertThat(TouchPath.choose(deploy, new HttpGetMappings.Found(List.of(), true))).isEqualTo("/actuator/health");
		assertThat(TouchPath.choose(deploy, new HttpGetMappings.Found(List.of(), false))).isNull();
	}

	@Test
	void noTouchWhenSwitchedOff() {
		DeploySettings deploy = new DeploySettings();
		deploy.setTouch(false);
		deploy.setTouchPath("/hello");

		assertThat(TouchPath.choose(deploy, new HttpGetMappings.Found(List.of("/"), true))).isNull();
	}

}
