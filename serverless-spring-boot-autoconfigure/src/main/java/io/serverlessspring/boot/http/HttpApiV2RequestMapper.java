package io.serverlessspring.boot.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.amazonaws.serverless.proxy.model.AlbContext;
import com.amazonaws.serverless.proxy.model.HttpApiV2AuthorizerMap;
import com.amazonaws.serverless.proxy.model.HttpApiV2HttpContext;
import com.amazonaws.serverless.proxy.model.HttpApiV2ProxyRequest;
import com.amazonaws.serverless.proxy.model.HttpApiV2ProxyRequestContext;
import io.serverlessspring.boot.routing.JsonFieldPath;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * Sets upstream's {@link HttpApiV2ProxyRequest} from the router's JSON tree field by field, with
 * what Jackson's binding would have made (same values, same map types; unknown fields ignored).
 *
 * <p>Why not Jackson: the router parses every event into a tree anyway, and binding that tree
 * again through the bean deserializer was the largest share of the warm per-event overhead over
 * raw aws-serverless-java-container, which binds from the bytes once (issue 12, autoconfigure
 * README). The rare nested parts with their own deserializers (the authorizer, an ALB context)
 * still go through Jackson.
 */
final class HttpApiV2RequestMapper {

	private HttpApiV2RequestMapper() {
	}

	/**
	 * The request the event describes.
	 * @throws HttpEventShape.WrongTypeException naming the first field whose value Jackson could not have bound
	 */
	static HttpApiV2ProxyRequest map(JsonNode event) {
		HttpApiV2ProxyRequest request = new HttpApiV2ProxyRequest();
		request.setVersion(text(event, "version"));
		request.setRouteKey(text(event, "routeKey"));
		request.setRawPath(text(event, "rawPath"));
		request.setRawQueryString(text(event, "rawQueryString"));
		request.setCookies(list(event, "cookies"));
		request.setHeaders(map(event, "headers"));
		request.setQueryStringParameters(map(event, "queryStringParameters"));
		request.setPathParameters(map(event, "pathParameters"));
		request.setStageVariables(map(event, "stageVariables"));
		request.setBody(text(event, "body"));
		JsonNode base64 = event.get("isBase64Encoded");
		request.setBase64Encoded(base64 != null && base64.asBoolean(false));
		JsonNode context = event.get("requestContext");
		if (context != null && !context.isNull()) {
			request.setRequestContext(requestContext(context));
		}
		return request;
	}

	private static HttpApiV2ProxyRequestContext requestContext(JsonNode node) {
		requireObject(node, "requestContext");
		HttpApiV2ProxyRequestContext context = new HttpApiV2ProxyRequestContext();
		context.setAccountId(text(node, "accountId", "requestContext"));
		context.setApiId(text(node, "apiId", "requestContext"));
		context.setDomainName(text(node, "domainName", "requestContext"));
		context.setDomainPrefix(text(node, "domainPrefix", "requestContext"));
		context.setRequestId(text(node, "requestId", "requestContext"));
		context.setRouteKey(text(node, "routeKey", "requestContext"));
		context.setStage(text(node, "stage", "requestContext"));
		context.setTime(text(node, "time", "requestContext"));
		context.setTimeEpoch(epoch(node.get("timeEpoch")));
		JsonNode http = node.get("http");
		if (http != null && !http.isNull()) {
			requireObject(http, "requestContext.http");
			HttpApiV2HttpContext httpContext = new HttpApiV2HttpContext();
			httpContext.setMethod(text(http, "method", "requestContext.http"));
			httpContext.setPath(text(http, "path", "requestContext.http"));
			httpContext.setProtocol(text(http, "protocol", "requestContext.http"));
			httpContext.setSourceIp(text(http, "sourceIp", "requestContext.http"));
			httpContext.setUserAgent(text(http, "userAgent", "requestContext.http"));
			context.setHttp(httpContext);
		}
		JsonNode authorizer = node.get("authorizer");
		if (authorizer != null && !authorizer.isNull()) {
			context.setAuthorizer(nested(NestedReaders.AUTHORIZER, authorizer, "requestContext.authorizer"));
		}
		JsonNode elb = node.get("elb");
		if (elb != null && !elb.isNull()) {
			context.setElb(nested(NestedReaders.ALB_CONTEXT, elb, "requestContext.elb"));
		}
		return context;
	}

	/** A nested part bound by Jackson; a failure names the field from the event's root. */
	private static <T> T nested(ObjectReader reader, JsonNode node, String field) {
		try {
			return reader.readValue(node);
		}
		catch (JacksonException ex) {
			JsonFieldPath path = JsonFieldPath.of(ex);
			if (path.isEmpty()) {
				throw new HttpEventShape.WrongTypeException(field, node);
			}
			throw new HttpEventShape.WrongTypeException(field + "." + path, node.at(path.pointer()));
		}
	}

	private static String text(JsonNode node, String name) {
		return text(node, name, null);
	}

	/** A scalar as its text, as Jackson binds a {@code String} (numbers and booleans included). */
	private static String text(JsonNode node, String name, String parent) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isValueNode()) {
			throw new HttpEventShape.WrongTypeException(field(parent, name), value);
		}
		return value.asString();
	}

	private static long epoch(JsonNode value) {
		if (value == null) {
			return 0L;
		}
		if (value.isNumber()) {
			return value.asLong();
		}
		if (value.isString()) {
			try {
				return Long.parseLong(value.asString().trim());
			}
			catch (NumberFormatException ex) {
				// Not a number: reported below, like any other wrong type.
			}
		}
		// Null included: Jackson refuses null for the model's primitive long.
		throw new HttpEventShape.WrongTypeException("requestContext.timeEpoch", value);
	}

	/** Checked by {@link HttpEventShape} before: an object of scalars, or absent. */
	private static Map<String, String> map(JsonNode event, String name) {
		JsonNode value = event.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		requireObject(value, name);
		Map<String, String> map = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : value.properties()) {
			JsonNode element = entry.getValue();
			if (!element.isValueNode()) {
				throw new HttpEventShape.WrongTypeException(name + "." + entry.getKey(), element);
			}
			map.put(entry.getKey(), element.isNull() ? null : element.asString());
		}
		return map;
	}

	/** Checked by {@link HttpEventShape} before: an array of scalars, or absent. */
	private static List<String> list(JsonNode event, String name) {
		JsonNode value = event.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isArray()) {
			throw new HttpEventShape.WrongTypeException(name, value);
		}
		List<String> list = new ArrayList<>(value.size());
		for (int i = 0; i < value.size(); i++) {
			JsonNode element = value.get(i);
			if (!element.isValueNode()) {
				throw new HttpEventShape.WrongTypeException(name + "[" + i + "]", element);
			}
			list.add(element.isNull() ? null : element.asString());
		}
		return list;
	}

	private static void requireObject(JsonNode value, String field) {
		if (!value.isObject()) {
			throw new HttpEventShape.WrongTypeException(field, value);
		}
	}

	private static String field(String parent, String name) {
		return (parent != null) ? parent + "." + name : name;
	}

	/** Built on the first event that has these parts: most functions never see one. */
	private static final class NestedReaders {

		static final ObjectReader AUTHORIZER = HttpEventRoute.JSON.readerFor(HttpApiV2AuthorizerMap.class);

		static final ObjectReader ALB_CONTEXT = HttpEventRoute.JSON.readerFor(AlbContext.class);

	}

}
