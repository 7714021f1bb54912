package io.serverlessspring.boot.http;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.amazonaws.serverless.proxy.AwsHttpApiV2SecurityContextWriter;
import com.amazonaws.serverless.proxy.internal.LambdaContainerHandler;
import com.amazonaws.serverless.proxy.internal.servlet.AwsHttpApiV2HttpServletRequestReader;
import com.amazonaws.serverless.proxy.model.HttpApiV2ProxyRequest;
import com.amazonaws.services.lambda.runtime.Context;
import io.serverlessspring.boot.routing.LambdaEvent;
import io.serverlessspring.boot.settings.HttpSettings;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * API Gateway HTTP API events (payload format 2.0). The 2.0 response has single-value
 * {@code headers} and a separate {@code cookies} array: every {@code Set-Cookie} goes there
 * (upstream keeps only the first), other repeated headers are joined with commas.
 */
public class HttpApiRoute extends HttpEventRoute<HttpApiV2ProxyRequest> {

	public HttpApiRoute(Supplier<LambdaServletContainer> container, HttpSettings settings) {
		super(HttpEventShape.HTTP_API_V2, container, settings);
	}

	@Override
	public String name() {
		return "http-api-v2";
	}

	@Override
	public boolean accepts(LambdaEvent event) {
		return isPayloadV2(event) && !isFunctionUrl(event);
	}

	static boolean isPayloadV2(LambdaEvent event) {
		// routeArn: an HTTP API authorizer event (authorizer package), not a request to serve.
		return "2.0".equals(event.text("/version")) && !event.has("routeArn")
				&& event.json().path("requestContext").path("http").isObject();
	}

	static boolean isFunctionUrl(LambdaEvent event) {
		String domain = event.text("/requestContext/domainName");
		return domain != null && domain.contains(".lambda-url.");
	}

	@Override
	protected HttpApiV2ProxyRequest bind(JsonNode event) {
		return HttpApiV2RequestMapper.map(event);
	}

	@Override
	protected String path(HttpApiV2ProxyRequest request) {
		return request.getRawPath();
	}

	@Override
	protected void normalize(HttpApiV2ProxyRequest request) {
		// A named stage stays in rawPath ("/prod/hello"); $default has none.
		String path = (request.getRawPath() != null) ? request.getRawPath() : "/";
		String stage = (request.getRequestContext() != null) ? request.getRequestContext().getStage() : null;
		if (settings().isStripStagePrefix() && stage != null && !"$default".equals(stage)) {
			path = RequestPaths.stripPrefix(path, stage);
		}
		request.setRawPath(normalizePath(path));
		// HTTP API moves the Cookie header into "cookies"; put it back so getHeader("Cookie") and
		// getCookies() both see every cookie, once.
		List<String> cookies = request.getCookies();
		if (cookies != null && !cookies.isEmpty()) {
			Map<String, String> headers = (request.getHeaders() != null) ? request.getHeaders() : new HashMap<>();
			String header = headers.get("cookie");
			headers.put("cookie", (header == null || header.isBlank() ? "" : header + "; ") + String.join("; ", cookies));
			request.setHeaders(headers);
			request.setCookies(null);
		}
	}

	@Override
	protected HttpServletRequest read(HttpApiV2ProxyRequest request, Context context, LambdaServletContainer container)
			throws Exception {
		return new AwsHttpApiV2HttpServletRequestReader().readRequest(request,
				new AwsHttpApiV2SecurityContextWriter().writeSecurityContext(request, context), context,
				LambdaContainerHandler.getContainerConfig());
	}

	@Override
	protected String method(JsonNode event) {
		return text(event, "/requestContext/http/method");
	}

	@Override
	protected String protocol(JsonNode event) {
		String protocol = text(event, "/requestContext/http/protocol");
		return (protocol != null) ? protocol : "HTTP/1.1";
	}

	@Override
	protected String clientAddress(JsonNode event) {
		return text(event, "/requestContext/http/sourceIp");
	}

	@Override
	protected String target(HttpApiV2ProxyRequest request, JsonNode event) {
		String query = (request.getRawQueryString() != null) ? request.getRawQueryString() : "";
		return request.getRawPath() + (query.isEmpty() ? "" : "?" + query);
	}

	@Override
	protected void write(HttpResponse response, JsonNode event, JsonGenerator out) {
		out.writeNumberProperty("statusCode", response.status());
		out.writeObjectPropertyStart("headers");
		boolean cookies = false;
		for (Map.Entry<String, List<String>> header : response.headers().entrySet()) {
			if (header.getKey().equalsIgnoreCase("Set-Cookie")) {
				cookies |= !header.getValue().isEmpty();
			}
			else if (!header.getValue().isEmpty()) {
				out.writeStringProperty(header.getKey(), String.join(", ", header.getValue()));
			}
		}
		out.writeEndObject();
		if (cookies) {
			// Every Set-Cookie value, in header order, after the headers.
			out.writeArrayPropertyStart("cookies");
			response.headers().forEach((name, values) -> {
				if (name.equalsIgnoreCase("Set-Cookie")) {
					values.forEach(out::writeString);
				}
			});
			out.writeEndArray();
		}
		writeBody(out, response);
	}

}
