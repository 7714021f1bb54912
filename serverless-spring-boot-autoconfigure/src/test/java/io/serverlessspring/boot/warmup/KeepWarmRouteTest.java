package io.serverlessspring.boot.warmup;

import io.serverlessspring.boot.routing.EventRouter;
import io.serverlessspring.boot.testapp.Recorder;
import io.serverlessspring.boot.testapp.ReportJobs;
import io.serverlessspring.boot.testsupport.DeployedAppTest;
import io.serverlessspring.boot.testsupport.Fixtures;
import io.serverlessspring.boot.testsupport.Routing;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Keep-warm pings are answered by their own route, before and without any of the app's code. */
@DeployedAppTest
class KeepWarmRouteTest {

	@Autowired
	EventRouter router;

	@Autowired
	Recorder recorder;

	@Autowired
	ReportJobs reportJobs;

	@ParameterizedTest
	@ValueSource(strings = { "keep-warm/envelope.json", "eventbridge-scheduled/rule-keep-warm.json" })
	void answersPingsWithoutTouchingTheApp(String fixture) {
		this.recorder.clear();
		this.reportJobs.clear();

		String response = Routing.route(this.router, Fixtures.event(fixture));

		assertThat(response).isEqualTo("{\"ok\":true,\"kind\":\"keep-warm\"}");
		assertThat(this.router.select(io.serverlessspring.boot.routing.LambdaEvent
			.parse(Fixtures.event(fixture).getBytes(java.nio.charset.StandardCharsets.UTF_8))).name()).isEqualTo("keep-warm");
		assertThat(this.recorder.calls()).isEmpty();
		assertThat(this.reportJobs.runs()).isEmpty();
	}

}
