package io.serverlessspring.local.cloudwatch;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.cbor.CBORGenerator;
import tools.jackson.dataformat.cbor.CBORMapper;

import io.serverlessspring.local.server.AwsException;
import io.serverlessspring.local.server.AwsRequest;
import io.serverlessspring.local.server.AwsResponse;
import io.serverlessspring.local.server.AwsService;
import io.serverlessspring.local.server.Json;
import io.serverlessspring.local.server.LocalContext;
import io.serverlessspring.local.server.Protocol;
import io.serverlessspring.local.server.Xml;

/**
 * CloudWatch metrics ({@code monitoring}): PutMetricData, GetMetricData (MetricStat queries; no
 * metric math), GetMetricStatistics, ListMetrics. Spoken in the three protocols clients use: Smithy
 * RPC v2 CBOR ({@code POST /service/GraniteServiceVersion20100801/operation/<Op>}, the SDK v2 since
 * 2025), awsJson1.0 ({@code X-Amz-Target: GraniteServiceVersion20100801.<Op>}, recent botocore / AWS
 * CLI) and awsQuery (form-encoded {@code Action=…}, older SDKs), all with query-compatible error codes. Lambda's metrics (Invocations,
 * Errors, Throttles, Duration in {@code AWS/Lambda}) are recorded by the data plane through
 * {@link #recordLambdaInvocation}; until a function runs they are absent, which reads as no
 * datapoints, as on AWS.
 */
public final class CloudWatchService implements AwsService {

	private static final String CBOR_PATH = "/service/GraniteServiceVersion20100801/operation/";

	private static final String NAMESPACE = "http://monitoring.amazonaws.com/doc/2010-08-01/";

	/** Output fields holding timestamps (epoch millis in the tree): tagged in CBOR, ISO-8601 in XML. */
	private static final Set<String> TIMESTAMP_FIELDS = Set.of("Timestamp", "Timestamps");

	private static final CBORMapper CBOR = CBORMapper.builder().build();

	private final MetricStore store = new MetricStore();

	private LocalContext context;

	@Override
	public String signingName() {
		return "monitoring";
	}

	@Override
	public Protocol protocol() {
		return Protocol.QUERY;
	}

	@Override
	public Set<String> targetPrefixes() {
		return Set.of("GraniteServiceVersion20100801");
	}

	@Override
	public void start(LocalContext context) {
		this.context = context;
	}

	/**
	 * Records one invocation of a function in {@code AWS/Lambda}, dimension {@code FunctionName}
	 * (and {@code FunctionName}+{@code Resource} when a qualifier was invoked): Invocations,
	 * Errors, Duration, or only Throttles when it was throttled.
	 */
	public void recordLambdaInvocation(String functionName, String qualifier, double durationMillis, boolean error,
			boolean throttled) {
		long now = this.context.clock().millis();
		List<TreeMap<String, String>> dimensionSets = new ArrayList<>();
		dimensionSets.add(new TreeMap<>(Map.of("FunctionName", functionName)));
		if (qualifier != null && !qualifier.isEmpty() && !"$LATEST".equals(qualifier)) {
			dimensionSets.add(new TreeMap<>(Map.of("FunctionName", functionName, "Resource", functionName + ":" + qualifier)));
		}
		for (TreeMap<String, String> dimensions : dimensionSets) {
			if (throttled) {
				put("AWS/Lambda", "Throttles", dimensions, 1, "Count", now);
				continue;
			}
			put("AWS/Lambda", "Invocations", dimensions, 1, "Count", now);
			put("AWS/Lambda", "Errors", dimensions, error ? 1 : 0, "Count", now);
			put("AWS/Lambda", "Duration", dimensions, durationMillis, "Milliseconds", now);
		}
	}

	/** Records one datapoint (what PutMetricData does), for in-process producers. */
	public void put(String namespace, String metricName, Map<String, String> dimensions, double value, String unit,
			long timestampMillis) {
		this.store.put(new MetricStore.MetricKey(namespace, metricName, new TreeMap<>(dimensions)),
				new MetricStore.Datum(timestampMillis, value, unit));
	}

	// ---- protocols ------------------------------------------------------------------------------------

	@Override
	public AwsResponse handle(AwsRequest request) {
		if (request.rawPath().startsWith(CBOR_PATH)) {
			try {
				JsonNode input = (request.body().length == 0) ? Json.object() : CBOR.readTree(request.body());
				if (!input.isObject()) {
					throw AwsException.badRequest("SerializationException", "The request body must be a CBOR map");
				}
				ObjectNode output = operation(request.rawPath().substring(CBOR_PATH.length()), (ObjectNode) input);
				return AwsResponse.bytes(200, cbor(output), "application/cbor").header("smithy-protocol", "rpc-v2-cbor");
			}
			catch (AwsException ex) {
				return cborError(ex);
			}
			catch (tools.jackson.core.JacksonException ex) {
				return cborError(AwsException.badRequest("SerializationException", "The request body is not valid CBOR"));
			}
		}
		if (request.header("X-Amz-Target") != null) {
			try {
				ObjectNode output = operation(String.valueOf(request.targetOperation()), request.json());
				return AwsResponse.json(200, epochSeconds(output)).header("Content-Type", "application/x-amz-json-1.0");
			}
			catch (AwsException ex) {
				return Protocol.JSON.error(ex, request.requestId())
					.header("x-amzn-query-error", ex.code() + ";" + (ex.isSenderFault() ? "Sender" : "Receiver"));
			}
		}
		String action = request.action();
		if (action == null) {
			throw AwsException.badRequest("MissingAction", "The request must contain the parameter Action");
		}
		ObjectNode output = operation(action, QueryTrees.fromForm(request.form()));
		Xml.Writer xml = Xml.queryResponse(action, NAMESPACE, request.requestId());
		QueryTrees.writeXml(xml, output, TIMESTAMP_FIELDS);
		return AwsResponse.xml(200, xml.toString());
	}

	/** Smithy RPC v2 errors: a CBOR map with {@code __type}, plus the query code for query-compatible SDKs. */
	private static AwsResponse cborError(AwsException ex) {
		ObjectNode error = Json.object();
		error.put("__type", "com.amazonaws.cloudwatch#" + ex.code());
		error.put("message", ex.getMessage());
		return AwsResponse.bytes(ex.status(), cbor(error), "application/cbor")
			.header("smithy-protocol", "rpc-v2-cbor")
			.header("x-amzn-query-error", ex.code() + ";" + (ex.isSenderFault() ? "Sender" : "Receiver"));
	}

	private ObjectNode operation(String name, ObjectNode input) {
		return switch (name) {
			case "PutMetricData" -> putMetricData(input);
			case "GetMetricData" -> getMetricData(input);
			case "GetMetricStatistics" -> getMetricStatistics(input);
			case "ListMetrics" -> listMetrics(input);
			default -> throw AwsException.badRequest("InvalidAction", "The action " + name + " is not valid for this web service.");
		};
	}

	// ---- operations --------------------------------------------------------------------------------------

	private ObjectNode putMetricData(JsonNode input) {
		String namespace = required(input, "Namespace");
		if (namespace.startsWith("AWS/")) {
			throw invalidParameter("The value " + namespace + " for parameter Namespace is invalid: it must not start with AWS/");
		}
		JsonNode data = input.path("MetricData");
		if (!data.isArray() || data.isEmpty()) {
			throw missing("MetricData");
		}
		long now = this.context.clock().millis();
		for (JsonNode datum : data) {
			String name = required(datum, "MetricName");
			long timestamp = datum.has("Timestamp") ? millis(datum.get("Timestamp"), "Timestamp") : now;
			String unit = Json.string(datum, "Unit");
			Map<String, String> dimensions = dimensions(datum);
			if (datum.has("Value")) {
				put(namespace, name, dimensions, number(datum.get("Value"), "Value"), unit, timestamp);
			}
			else if (datum.has("Values")) {
				JsonNode values = datum.get("Values");
				JsonNode counts = datum.path("Counts");
				for (int i = 0; i < values.size(); i++) {
					int count = counts.has(i) ? (int) number(counts.get(i), "Counts") : 1;
					for (int c = 0; c < count; c++) {
						put(namespace, name, dimensions, number(values.get(i), "Values"), unit, timestamp);
					}
				}
			}
			else if (datum.has("StatisticValues")) {
				JsonNode stats = datum.get("StatisticValues");
				double sum = number(stats.path("Sum"), "StatisticValues.Sum");
				int count = (int) number(stats.path("SampleCount"), "StatisticValues.SampleCount");
				for (int c = 0; c < count; c++) {
					put(namespace, name, dimensions, sum / Math.max(1, count), unit, timestamp);
				}
			}
			else {
				throw missing("MetricData.member.N.Value");
			}
		}
		return Json.object();
	}

	private ObjectNode getMetricData(JsonNode input) {
		long start = millis(requiredNode(input, "StartTime"), "StartTime");
		long end = millis(requiredNode(input, "EndTime"), "EndTime");
		if (end <= start) {
			throw invalidParameter("The parameter StartTime must be less than the parameter EndTime.");
		}
		JsonNode queries = input.path("MetricDataQueries");
		if (!queries.isArray() || queries.isEmpty()) {
			throw missing("MetricDataQueries");
		}
		boolean ascending = "TimestampAscending".equals(Json.string(input, "ScanBy"));
		ObjectNode output = Json.object();
		ArrayNode results = output.putArray("MetricDataResults");
		for (JsonNode query : queries) {
			String id = required(query, "Id");
			if (query.has("Expression")) {
				throw invalidParameter("The local cloud does not evaluate metric math: query " + id + " has an Expression");
			}
			JsonNode stat = query.path("MetricStat");
			if (!stat.isObject()) {
				throw missing("MetricDataQueries.member.N.MetricStat");
			}
			JsonNode returnData = query.get("ReturnData");
			if (returnData != null && !(returnData.isBoolean() ? returnData.asBoolean() : "true".equals(returnData.asString()))) {
				continue;
			}
			JsonNode metric = stat.path("Metric");
			String statistic = required(stat, "Stat");
			if (!MetricStore.known(statistic)) {
				throw invalidParameter("The value " + statistic + " for parameter MetricDataQueries.member.N.MetricStat.Stat is invalid.");
			}
			long period = (long) number(requiredNode(stat, "Period"), "Period");
			if (period < 1) {
				throw invalidParameter("The parameter Period must be greater than 0.");
			}
			MetricStore.MetricKey key = new MetricStore.MetricKey(required(metric, "Namespace"), required(metric, "MetricName"),
					new TreeMap<>(dimensions(metric)));
			List<MetricStore.Point> points = new ArrayList<>(
					this.store.statistic(key, statistic, start, end, period * 1000, Json.string(stat, "Unit")));
			if (!ascending) {
				Collections.reverse(points);
			}
			ObjectNode result = results.addObject();
			result.put("Id", id);
			result.put("Label", query.path("Label").asString(key.name()));
			ArrayNode timestamps = result.putArray("Timestamps");
			ArrayNode values = result.putArray("Values");
			points.forEach((p) -> {
				timestamps.add(p.startMillis());
				values.add(p.value());
			});
			result.put("StatusCode", "Complete");
		}
		output.putArray("Messages");
		return output;
	}

	private ObjectNode getMetricStatistics(JsonNode input) {
		long start = millis(requiredNode(input, "StartTime"), "StartTime");
		long end = millis(requiredNode(input, "EndTime"), "EndTime");
		long period = (long) number(requiredNode(input, "Period"), "Period");
		if (end <= start || period < 1) {
			throw invalidParameter("The parameter StartTime must be less than the parameter EndTime, and Period greater than 0.");
		}
		List<String> statistics = strings(input.path("Statistics"));
		List<String> extended = strings(input.path("ExtendedStatistics"));
		if (statistics.isEmpty() && extended.isEmpty()) {
			throw AwsException.badRequest("MissingParameter", "Must specify either Statistics or ExtendedStatistics.");
		}
		MetricStore.MetricKey key = new MetricStore.MetricKey(required(input, "Namespace"), required(input, "MetricName"),
				new TreeMap<>(dimensions(input)));
		String unit = Json.string(input, "Unit");
		Map<Long, ObjectNode> datapoints = new TreeMap<>();
		for (String statistic : statistics) {
			if (!Set.of("SampleCount", "Sum", "Average", "Minimum", "Maximum").contains(statistic)) {
				throw invalidParameter("The value " + statistic + " for parameter Statistics is invalid.");
			}
			for (MetricStore.Point point : this.store.statistic(key, statistic, start, end, period * 1000, unit)) {
				datapoint(datapoints, point, unit).put(statistic, point.value());
			}
		}
		for (String statistic : extended) {
			if (!MetricStore.known(statistic) || !statistic.startsWith("p")) {
				throw invalidParameter("The value " + statistic + " for parameter ExtendedStatistics is invalid.");
			}
			for (MetricStore.Point point : this.store.statistic(key, statistic, start, end, period * 1000, unit)) {
				datapoint(datapoints, point, unit).withObject("ExtendedStatistics").put(statistic, point.value());
			}
		}
		ObjectNode output = Json.object();
		output.put("Label", key.name());
		ArrayNode list = output.putArray("Datapoints");
		datapoints.values().forEach(list::add);
		return output;
	}

	private static ObjectNode datapoint(Map<Long, ObjectNode> datapoints, MetricStore.Point point, String unit) {
		return datapoints.computeIfAbsent(point.startMillis(), (t) -> {
			ObjectNode datapoint = Json.object();
			datapoint.put("Timestamp", t);
			datapoint.put("Unit", (unit != null) ? unit : "None");
			return datapoint;
		});
	}

	private ObjectNode listMetrics(JsonNode input) {
		String namespace = Json.string(input, "Namespace");
		String name = Json.string(input, "MetricName");
		ObjectNode output = Json.object();
		ArrayNode metrics = output.putArray("Metrics");
		for (MetricStore.MetricKey key : this.store.metrics()) {
			if ((namespace != null && !namespace.equals(key.namespace())) || (name != null && !name.equals(key.name()))) {
				continue;
			}
			ObjectNode metric = metrics.addObject();
			metric.put("Namespace", key.namespace());
			metric.put("MetricName", key.name());
			ArrayNode dimensions = metric.putArray("Dimensions");
			key.dimensions().forEach((k, v) -> dimensions.addObject().put("Name", k).put("Value", v));
		}
		return output;
	}

	// ---- input helpers -------------------------------------------------------------------------------------

	private static Map<String, String> dimensions(JsonNode node) {
		Map<String, String> dimensions = new TreeMap<>();
		for (JsonNode dimension : node.path("Dimensions")) {
			dimensions.put(required(dimension, "Name"), required(dimension, "Value"));
		}
		return dimensions;
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((v) -> values.add(v.asString()));
		return values;
	}

	private static String required(JsonNode node, String field) {
		JsonNode value = requiredNode(node, field);
		return value.asString();
	}

	private static JsonNode requiredNode(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull() || (value.isString() && value.asString().isEmpty())) {
			throw missing(field);
		}
		return value;
	}

	private static double number(JsonNode node, String field) {
		if (node.isNumber()) {
			return node.asDouble();
		}
		try {
			return Double.parseDouble(node.asString());
		}
		catch (RuntimeException ex) {
			throw invalidParameter("The value " + node.asString() + " for parameter " + field + " is not a number.");
		}
	}

	/** A timestamp: epoch seconds (CBOR) or ISO-8601 / epoch seconds text (query). */
	private static long millis(JsonNode node, String field) {
		if (node.isNumber()) {
			return Math.round(node.asDouble() * 1000);
		}
		String text = node.asString();
		try {
			return Instant.parse(text).toEpochMilli();
		}
		catch (DateTimeParseException ex) {
			try {
				return Math.round(Double.parseDouble(text) * 1000);
			}
			catch (NumberFormatException notNumeric) {
				throw invalidParameter("The value " + text + " for parameter " + field + " is not a valid timestamp.");
			}
		}
	}

	private static AwsException missing(String field) {
		return AwsException.badRequest("MissingParameter", "The parameter " + field + " is required.");
	}

	private static AwsException invalidParameter(String message) {
		return AwsException.badRequest("InvalidParameterValue", message);
	}

	/** For awsJson: the tree with its timestamps (epoch millis) as epoch seconds. */
	private static JsonNode epochSeconds(JsonNode node) {
		if (node instanceof ObjectNode object) {
			ObjectNode copy = Json.object();
			for (Map.Entry<String, JsonNode> field : object.properties()) {
				JsonNode value = field.getValue();
				if (TIMESTAMP_FIELDS.contains(field.getKey())) {
					if (value.isNumber()) {
						copy.set(field.getKey(), Json.epochSeconds(value.asLong()));
					}
					else {
						ArrayNode seconds = copy.putArray(field.getKey());
						value.forEach((t) -> seconds.add(Json.epochSeconds(t.asLong())));
					}
				}
				else {
					copy.set(field.getKey(), epochSeconds(value));
				}
			}
			return copy;
		}
		if (node instanceof ArrayNode array) {
			ArrayNode copy = Json.array();
			array.forEach((element) -> copy.add(epochSeconds(element)));
			return copy;
		}
		return node;
	}

	// ---- CBOR output -------------------------------------------------------------------------------------

	private static byte[] cbor(JsonNode tree) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (JsonGenerator generator = CBOR.createGenerator(bytes)) {
			write((CBORGenerator) generator, tree, false);
		}
		return bytes.toByteArray();
	}

	private static void write(CBORGenerator generator, JsonNode node, boolean timestamp) {
		if (node.isObject()) {
			generator.writeStartObject();
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				generator.writeName(field.getKey());
				write(generator, field.getValue(), TIMESTAMP_FIELDS.contains(field.getKey()));
			}
			generator.writeEndObject();
		}
		else if (node.isArray()) {
			generator.writeStartArray();
			for (JsonNode element : node) {
				write(generator, element, timestamp);
			}
			generator.writeEndArray();
		}
		else if (timestamp && node.isNumber()) {
			// epoch-seconds date/time, CBOR tag 1, as Smithy RPC v2 encodes timestamps
			generator.writeTag(1);
			generator.writeNumber(node.asLong() / 1000.0);
		}
		else if (node.isBoolean()) {
			generator.writeBoolean(node.asBoolean());
		}
		else if (node.isIntegralNumber()) {
			generator.writeNumber(node.asLong());
		}
		else if (node.isNumber()) {
			generator.writeNumber(node.asDouble());
		}
		else if (node.isNull()) {
			generator.writeNull();
		}
		else {
			generator.writeString(node.asString());
		}
	}

}
