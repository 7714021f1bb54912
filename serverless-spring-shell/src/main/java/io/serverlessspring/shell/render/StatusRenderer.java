package io.serverlessspring.shell.render;

import java.util.Map;
import java.util.StringJoiner;

import io.serverlessspring.shell.status.StatusReader;
import io.serverlessspring.shell.status.StatusReader.StageStatus;

/** Prints a stage's status for people. */
public final class StatusRenderer {

	private StatusRenderer() {
	}

	public static String render(StageStatus status) {
		StringBuilder out = new StringBuilder();
		out.append(status.function()).append(" (stage ").append(status.stage()).append(", ").append(status.region()).append(")\n");
		if (!status.deployed()) {
			return out.append("  not deployed\n").toString().stripTrailing();
		}
		out.append("  live alias -> version ").append(status.liveVersion())
			.append("   (published: ").append(String.join(", ", status.versions())).append(")\n");
		out.append("  URL: ").append(status.url() != null ? status.url() : "none").append('\n');
		out.append("  configuration:\n");
		for (Map.Entry<String, Object> entry : status.configuration().entrySet()) {
			if (entry.getKey().equals(StatusReader.LOCAL_JVM)) {
				continue;
			}
			out.append("    ").append(entry.getKey()).append(": ").append(configurationValue(entry.getKey(), entry.getValue()));
			if (entry.getKey().equals("runtime")) {
				out.append(localJvmDifference(status.configuration().get(StatusReader.LOCAL_JVM)));
			}
			out.append('\n');
		}
		out.append("  last deploy: ").append(status.lastDeploy().isEmpty() ? "unknown" : status.lastDeploy()).append('\n');
		out.append("  schedules:").append(status.schedules().isEmpty() ? " none" : "").append('\n');
		status.schedules().forEach(s -> out.append("    ").append(s.get("name")).append("  ").append(s.get("expression"))
			.append(s.get("timezone") != null ? " " + s.get("timezone") : "").append("  ").append(s.get("state")).append('\n'));
		out.append("  event sources:").append(status.eventSources().isEmpty() ? " none" : "").append('\n');
		status.eventSources().forEach(s -> out.append("    ").append(s.get("source")).append("  ").append(s.get("state")).append('\n'));
		out.append("  last 24 h: ").append(metrics(status.metrics24h())).append('\n');
		return out.toString().stripTrailing();
	}

	/** A setting left unset reads as a word, not {@code null}: an unreserved function shares the account's concurrency. */
	private static Object configurationValue(String key, Object value) {
		if (value != null) {
			return value;
		}
		return key.equals("reservedConcurrency") ? "unreserved" : "none";
	}

	/** {@code invocations=4, errors=0, throttles=0, durationP50=8.8 ms, durationP99=245.4 ms}: counts whole, durations in ms. */
	private static String metrics(Map<String, Object> metrics) {
		if (metrics.containsKey("unavailable")) {
			return "unavailable (" + metrics.get("unavailable") + ")";
		}
		StringJoiner line = new StringJoiner(", ").setEmptyValue("none");
		metrics.forEach((name, value) -> line.add(name + "=" + (name.startsWith("duration") ? value + " ms" : count(value))));
		return line.toString();
	}

	private static Object count(Object value) {
		return (value instanceof Number number) ? String.valueOf(Math.round(number.doubleValue())) : value;
	}

	/** {@code " (local cloud: no JDK 25 found for java25: running on JDK 17.0.15 …)"} when the local cloud runs another JDK. */
	private static String localJvmDifference(Object localJvm) {
		if (localJvm instanceof Map<?, ?> jvm && jvm.get("note") != null) {
			return " (local cloud: " + jvm.get("note") + ")";
		}
		return "";
	}

}
