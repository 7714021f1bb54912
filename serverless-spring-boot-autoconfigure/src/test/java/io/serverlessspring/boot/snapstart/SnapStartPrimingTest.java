package io.serverlessspring.boot.snapstart;

import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.amazonaws.services.lambda.runtime.Context;
import io.serverlessspring.boot.routing.EventRoute;
import io.serverlessspring.boot.routing.EventRouter;
import io.serverlessspring.boot.routing.LambdaEvent;
import io.serverlessspring.boot.snapstart.PrimingReport.PrimedRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Priming never fails the snapshot, and never hands a prime request to a route that is not HTTP. */
class SnapStartPrimingTest {

	@Test
	void aRouteThatThrowsWhileLookingIsReportedNotThrown() {
		EventRoute exploding = new RecordingRoute() {
			@Override
			public boolean accepts(LambdaEvent event) {
				throw new IllegalStateException("cannot look");
			}
		};

		PrimingReport report = new SnapStartPriming(new EventRouter(List.of(exploding)), List.of("/", "/pets"), 2, null,
				"fn")
			.prime();

		assertThat(report.requests()).extracting(PrimedRequest::path).containsExactly("/", "/pets");
		assertThat(report.requests()).allSatisfy((request) -> {
			assertThat(request.succeeded()).isFalse();
			assertThat(request.failure()).contains("cannot look");
		});
		assertThat(report.keepWarmRouted()).isFalse();
		assertThat(report.classified()).isNotEmpty().containsValue("none");
	}

	@Test
	void aNonHttpRouteThatWouldTakeThePrimeRequestNeverGetsIt() {
		RecordingRoute greedy = new RecordingRoute();

		PrimingReport report = new SnapStartPriming(new EventRouter(List.of(greedy)), List.of("/"), 3, null, "fn")
			.prime();

		assertThat(report.requests()).singleElement()
			.satisfies((request) -> assertThat(request.failure()).isEqualTo("the route greedy took it, not an HTTP route"));
		assertThat(greedy.handled).as("only the keep-warm ping is routed").hasValue(1);
	}

	@Test
	void anAppWithoutAWebLayerSkipsThePrimeRequests() {
		PrimingReport report = new SnapStartPriming(new EventRouter(List.of()), List.of("/"), 1, null, "fn").prime();

		assertThat(report.requests()).singleElement()
			.satisfies((request) -> assertThat(request.failure()).startsWith("no HTTP route"));
	}

	/** Accepts everything (as no real route does) and counts what it handled. */
	static class RecordingRoute implements EventRoute {

		final AtomicInteger handled = new AtomicInteger();

		@Override
		public String name() {
			return "greedy";
		}

		@Override
		public boolean accepts(LambdaEvent event) {
			return true;
		}

		@Override
		public void handle(LambdaEvent event, OutputStream output, Context context) {
			this.handled.incrementAndGet();
		}

	}

}
