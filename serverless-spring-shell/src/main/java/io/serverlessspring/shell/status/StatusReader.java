package io.serverlessspring.shell.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.serverlessspring.shell.aws.AwsClients;
import io.serverlessspring.shell.settings.StageSettings;
import io.serverlessspring.shell.model.FunctionSpec;
import io.serverlessspring.boot.naming.Arns;
import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.shell.model.StageTags;
import io.serverlessspring.shell.state.ActualStage;
import io.serverlessspring.shell.state.ActualStateReader;
import io.serverlessspring.shell.state.HttpStateReader;
import io.serverlessspring.shell.settings.SecretMask;

import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;

/** Reads a stage's status: configuration, alias, URL, schedules, event sources, last deploy, 24 h metrics. */
public class StatusReader {

	/** The configuration entry naming the JVM the local cloud runs the function on ({@link LocalJvm#toMap}). */
	public static final String LOCAL_JVM = "localJvm";

	/** A stage's status; {@code deployed} false means nothing else is filled in. */
	public record StageStatus(String function, String stage, String region, boolean deployed,
			Map<String, Object> configuration, String liveVersion, List<String> versions, String url,
			List<Map<String, Object>> schedules, List<Map<String, Object>> eventSources, Map<String, String> lastDeploy,
			Map<String, Object> metrics24h) {
	}

	public StageStatus read(AwsClients clients, StageSettings settings) {
		String function = settings.functionName();
		ActualStage.ActualFunction actual = ActualStateReader.function(clients, function);
		if (actual == null) {
			return new StageStatus(function, settings.stage(), clients.target().region(), false, Map.of(),
					null, List.of(), null, List.of(), List.of(), Map.of(), Map.of());
		}
		FunctionSpec spec = actual.configuration();
		Map<String, Object> configuration = new LinkedHashMap<>();
		configuration.put("runtime", spec.runtime());
		LocalJvm localJvm = LocalJvm.of(actual.runtimeVersion());
		if (localJvm != null) {
			configuration.put(LOCAL_JVM, localJvm.toMap());
		}
		configuration.put("architecture", spec.architecture());
		configuration.put("memoryMb", spec.memory());
		configuration.put("timeoutSeconds", spec.timeout());
		configuration.put("ephemeralStorageMb", spec.ephemeralStorage());
		configuration.put("handler", spec.handler());
		configuration.put("role", actual.roleArn());
		configuration.put("snapStart", spec.snapStart());
		configuration.put("tracing", spec.tracing());
		configuration.put("reservedConcurrency", spec.reservedConcurrency());
		configuration.put("layers", spec.layers());
		configuration.put("environment", masked(spec.environment()));
		String live = ActualStateReader.aliases(clients, function).get(ResourceNames.ALIAS);
		List<String> versions = ActualStateReader.versions(clients, function)
			.stream()
			.map(ActualStage.ActualVersion::version)
			.toList();
		String url = null;
		ActualStage.ActualHttpApi api = HttpStateReader.httpApi(clients, function);
		if (api != null) {
			url = api.endpoint();
		}
		else if (live != null) {
			ActualStage.ActualFunctionUrl functionUrl = HttpStateReader.functionUrl(clients, function);
			url = (functionUrl != null) ? functionUrl.url() : null;
		}
		if (url == null) {
			ActualStage.ActualRestApi rest = HttpStateReader.restApi(clients, function);
			if (rest != null) {
				url = HttpStateReader.restApiUrl(clients.target(), rest.id(), settings.stage());
			}
		}
		if (url == null) {
			var rules = io.serverlessspring.shell.state.AlbStateReader.read(clients, function).rules();
			if (!rules.isEmpty()) {
				url = io.serverlessspring.shell.state.AlbStateReader.url(clients, rules.get(0).listenerArn());
			}
		}
		List<Map<String, Object>> schedules = new ArrayList<>();
		for (ActualStage.ActualSchedule schedule : ActualStateReader.schedules(clients, function).values()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("name", schedule.name());
			entry.put("expression", schedule.expression());
			entry.put("timezone", schedule.timezone());
			entry.put("state", schedule.enabled() ? "ENABLED" : "DISABLED");
			schedules.add(entry);
		}
		List<Map<String, Object>> sources = new ArrayList<>();
		for (EventSourceMappingConfiguration mapping : clients.lambda()
			.listEventSourceMappingsPaginator(b -> b.functionName(function))
			.eventSourceMappings()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("source", mapping.eventSourceArn());
			entry.put("state", mapping.state());
			entry.put("batchSize", mapping.batchSize());
			sources.add(entry);
		}
		Map<String, String> lastDeploy = new LinkedHashMap<>();
		for (String key : List.of(StageTags.PACKAGE_HASH, StageTags.GIT_COMMIT, StageTags.SOURCE_DATE)) {
			String value = actual.tags().get(key);
			if (value != null) {
				lastDeploy.put(key.substring("serverless:".length()), value);
			}
		}
		return new StageStatus(function, settings.stage(), clients.target().region(), true, configuration,
				live, versions, url, schedules, sources, lastDeploy, metrics(clients, function));
	}

	static Map<String, Object> masked(Map<String, String> environment) {
		return SecretMask.environment(environment);
	}

	private static Map<String, Object> metrics(AwsClients clients, String function) {
		Instant end = Instant.now();
		Instant start = end.minus(Duration.ofHours(24));
		List<MetricDataQuery> queries = List.of(query("invocations", "Invocations", "Sum", function),
				query("errors", "Errors", "Sum", function), query("throttles", "Throttles", "Sum", function),
				query("durationP50", "Duration", "p50", function), query("durationP99", "Duration", "p99", function));
		Map<String, Object> metrics = new LinkedHashMap<>();
		try {
			GetMetricDataResponse response = clients.cloudWatch()
				.getMetricData(b -> b.startTime(start).endTime(end).metricDataQueries(queries));
			for (MetricDataResult result : response.metricDataResults()) {
				double value = result.values().isEmpty() ? 0 : result.values().get(0);
				metrics.put(result.id(), result.id().startsWith("duration") ? Math.round(value * 10) / 10.0 : (long) value);
			}
		}
		catch (RuntimeException ex) {
			metrics.put("unavailable", ex.getMessage());
		}
		return metrics;
	}

	private static MetricDataQuery query(String id, String metric, String stat, String function) {
		return MetricDataQuery.builder()
			.id(id)
			.metricStat(s -> s.period(86400)
				.stat(stat)
				.metric(m -> m.namespace("AWS/Lambda")
					.metricName(metric)
					.dimensions(Dimension.builder().name("FunctionName").value(function).build())))
			.build();
	}

}
