package io.serverlessspring.local.cloudwatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Raw datapoints by metric (namespace, name, dimensions), and the statistics CloudWatch computes over
 * them per period: SampleCount, Sum, Average, Minimum, Maximum and percentiles ({@code p50},
 * {@code p99.9}). Points older than 15 days are dropped, as CloudWatch's shortest retention.
 */
final class MetricStore {

	private static final long RETENTION_MILLIS = 15L * 24 * 3600 * 1000;

	/** A metric's identity; dimensions sorted by name, as CloudWatch treats them. */
	record MetricKey(String namespace, String name, TreeMap<String, String> dimensions) {

		MetricKey {
			dimensions = new TreeMap<>(dimensions);
		}

	}

	record Datum(long timestampMillis, double value, String unit) {
	}

	/** One period's aggregate: its start and the requested statistic's value. */
	record Point(long startMillis, double value) {
	}

	private final Map<MetricKey, List<Datum>> data = new ConcurrentHashMap<>();

	void put(MetricKey key, Datum datum) {
		List<Datum> points = this.data.computeIfAbsent(key, (k) -> new ArrayList<>());
		synchronized (points) {
			points.add(datum);
			long oldest = datum.timestampMillis() - RETENTION_MILLIS;
			points.removeIf((d) -> d.timestampMillis() < oldest);
		}
	}

	List<MetricKey> metrics() {
		return List.copyOf(this.data.keySet());
	}

	/** The statistic per period in [start, end), only for periods with data, oldest first. */
	List<Point> statistic(MetricKey key, String statistic, long startMillis, long endMillis, long periodMillis, String unit) {
		List<Datum> points = this.data.getOrDefault(key, List.of());
		Map<Long, List<Double>> buckets = new TreeMap<>();
		synchronized (points) {
			for (Datum datum : points) {
				long t = datum.timestampMillis();
				if (t < startMillis || t >= endMillis || (unit != null && !Objects.equals(unit, datum.unit()))) {
					continue;
				}
				long bucket = startMillis + ((t - startMillis) / periodMillis) * periodMillis;
				buckets.computeIfAbsent(bucket, (b) -> new ArrayList<>()).add(datum.value());
			}
		}
		List<Point> result = new ArrayList<>();
		buckets.forEach((start, values) -> result.add(new Point(start, aggregate(statistic, values))));
		return result;
	}

	/** Whether a statistic name is one this store computes. */
	static boolean known(String statistic) {
		return switch (statistic) {
			case "SampleCount", "Sum", "Average", "Minimum", "Maximum" -> true;
			default -> percentile(statistic) != null;
		};
	}

	static double aggregate(String statistic, List<Double> values) {
		return switch (statistic) {
			case "SampleCount" -> values.size();
			case "Sum" -> values.stream().mapToDouble(Double::doubleValue).sum();
			case "Average" -> values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
			case "Minimum" -> values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
			case "Maximum" -> values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
			default -> {
				Double p = percentile(statistic);
				List<Double> sorted = new ArrayList<>(values);
				sorted.sort(Double::compare);
				// nearest rank
				int rank = (int) Math.ceil(p / 100.0 * sorted.size());
				yield sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
			}
		};
	}

	private static Double percentile(String statistic) {
		if (!statistic.startsWith("p") || statistic.length() < 2) {
			return null;
		}
		try {
			double p = Double.parseDouble(statistic.substring(1));
			return (p > 0 && p <= 100) ? p : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
