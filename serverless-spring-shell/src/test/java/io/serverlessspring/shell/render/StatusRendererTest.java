package io.serverlessspring.shell.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.serverlessspring.shell.status.StatusReader.StageStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The text {@code status} prints: words for unset settings, whole counts, durations in ms. */
class StatusRendererTest {

	@Test
	void unsetReservedConcurrencyEmptyListsAndMetricsReadAsAUserExpects() {
		Map<String, Object> configuration = new LinkedHashMap<>();
		configuration.put("runtime", "java25");
		configuration.put("memoryMb", 1024);
		configuration.put("reservedConcurrency", null);
		Map<String, Object> metrics = new LinkedHashMap<>();
		metrics.put("invocations", 4.0);
		metrics.put("errors", 0L);
		metrics.put("throttles", 0L);
		metrics.put("durationP50", 8.8);
		metrics.put("durationP99", 245.4);

		String text = StatusRenderer.render(status(configuration, List.of(), metrics));

		assertThat(text).contains("\n    reservedConcurrency: unreserved\n")
			.contains("\n    memoryMb: 1024\n")
			.contains("\n  schedules: none\n")
			.contains("\n  event sources: none\n")
			.endsWith("\n  last 24 h: invocations=4, errors=0, throttles=0, durationP50=8.8 ms, durationP99=245.4 ms")
			.doesNotContain("null")
			.doesNotContain(" \n");
	}

	@Test
	void reservedConcurrencyAndSchedulesWhenSet() {
		Map<String, Object> configuration = new LinkedHashMap<>();
		configuration.put("reservedConcurrency", 5);
		Map<String, Object> schedule = new LinkedHashMap<>();
		schedule.put("name", "demo-local-keep-warm");
		schedule.put("expression", "rate(4 minutes)");
		schedule.put("timezone", "UTC");
		schedule.put("state", "ENABLED");

		String text = StatusRenderer.render(status(configuration, List.of(schedule), Map.of("unavailable", "no CloudWatch here")));

		assertThat(text).contains("\n    reservedConcurrency: 5\n")
			.contains("\n  schedules:\n    demo-local-keep-warm  rate(4 minutes) UTC  ENABLED\n")
			.endsWith("\n  last 24 h: unavailable (no CloudWatch here)")
			.doesNotContain(" \n");
	}

	private static StageStatus status(Map<String, Object> configuration, List<Map<String, Object>> schedules,
			Map<String, Object> metrics) {
		return new StageStatus("demo-local", "local", "us-east-1", true, configuration, "2", List.of("1", "2"),
				"http://127.0.0.1:4566/_aws/execute-api/abc", schedules, List.of(), Map.of("package-hash", "3a2e72166653"),
				metrics);
	}

}
