package io.serverlessspring.local.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Routes rest-json and rest-xml requests by method and path template, the way the services' API
 * models write them: {@code GET /2015-03-31/functions/{FunctionName}/configuration}. A label ending in
 * {@code +} ({@code {Key+}}) takes the rest of the path. Literal segments may carry a query condition
 * via {@link #add(String, String, Predicate, Operation)} (S3's {@code ?uploads}, {@code ?notification}).
 */
public final class RestRouter {

	/** One operation's handler. */
	@FunctionalInterface
	public interface Operation {

		AwsResponse handle(AwsRequest request, Map<String, String> path);

	}

	private record Route(String method, String[] segments, Predicate<AwsRequest> condition, Operation operation) {
	}

	private final List<Route> routes = new ArrayList<>();

	private final String unknownOperationCode;

	/**
	 * @param unknownOperationCode the error code for a request no route matches (e.g.
	 * {@code UnknownOperationException}, S3's {@code MethodNotAllowed})
	 */
	public RestRouter(String unknownOperationCode) {
		this.unknownOperationCode = unknownOperationCode;
	}

	public RestRouter add(String method, String template, Operation operation) {
		return add(method, template, (request) -> true, operation);
	}

	/** Routes added first win, so add the routes with conditions before their plain siblings. */
	public RestRouter add(String method, String template, Predicate<AwsRequest> condition, Operation operation) {
		this.routes.add(new Route(method, split(template), condition, operation));
		return this;
	}

	/** Runs the first matching route; none is a 404 with the router's unknown-operation code. */
	public AwsResponse route(AwsRequest request) {
		String[] actual = split(request.rawPath());
		for (Route route : this.routes) {
			if (!route.method().equals(request.method())) {
				continue;
			}
			Map<String, String> parameters = match(route.segments(), actual);
			if (parameters != null && route.condition().test(request)) {
				return route.operation().handle(request, parameters);
			}
		}
		throw AwsException.notFound(this.unknownOperationCode,
				"No operation matches " + request.method() + " " + request.rawPath());
	}

	private static Map<String, String> match(String[] template, String[] actual) {
		Map<String, String> parameters = new LinkedHashMap<>();
		for (int i = 0; i < template.length; i++) {
			String segment = template[i];
			if (segment.startsWith("{") && segment.endsWith("+}")) {
				String name = segment.substring(1, segment.length() - 2);
				if (i >= actual.length) {
					return null;
				}
				StringBuilder rest = new StringBuilder();
				for (int j = i; j < actual.length; j++) {
					rest.append((j > i) ? "/" : "").append(decode(actual[j]));
				}
				parameters.put(name, rest.toString());
				return parameters;
			}
			if (i >= actual.length) {
				return null;
			}
			if (segment.startsWith("{") && segment.endsWith("}")) {
				if (actual[i].isEmpty()) {
					return null;
				}
				parameters.put(segment.substring(1, segment.length() - 1), decode(actual[i]));
			}
			else if (!segment.equals(actual[i])) {
				return null;
			}
		}
		return (template.length == actual.length) ? parameters : null;
	}

	/** Path segments; a trailing slash yields a final empty segment, so {@code /b/} differs from {@code /b}. */
	private static String[] split(String path) {
		String trimmed = path.startsWith("/") ? path.substring(1) : path;
		if (trimmed.isEmpty()) {
			return new String[0];
		}
		return trimmed.split("/", -1);
	}

	private static String decode(String segment) {
		try {
			return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return segment;
		}
	}

}
