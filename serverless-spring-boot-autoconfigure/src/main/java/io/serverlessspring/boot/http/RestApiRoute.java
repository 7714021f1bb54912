package io.serverlessspring.boot.http;

import java.util.function.Supplier;

import com.amazonaws.serverless.proxy.AwsProxySecurityContextWriter;
import com.amazonaws.serverless.proxy.internal.LambdaContainerHandler;
import com.amazonaws.serverless.proxy.internal.servlet.AwsProxyHttpServletRequestReader;
import com.amazonaws.serverless.proxy.model.AwsProxyRequest;
import com.amazonaws.services.lambda.runtime.Context;
import io.serverlessspring.boot.routing.LambdaEvent;
import io.serverlessspring.boot.settings.HttpSettings;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * API Gateway REST API proxy events (payload format 1.0). The stage is not part of {@code path}
 * ({@code requestContext.path} has it), so {@code /hello} reaches {@code @GetMapping("/hello")}.
 */
public class RestApiRoute extends HttpEventRoute<AwsProxyRequest> {

	public RestApiRoute(Supplier<LambdaServletContainer> container, HttpSettings settings) {
		super(HttpEventShape.REST_API, container, settings);
	}

	@Override
	public String name() {
		return "apigw-rest-v1";
	}

	@Override
	public boolean accepts(LambdaEvent event) {
		// methodArn: a REST REQUEST authorizer event (authorizer package), not a request to serve.
		return event.has("httpMethod") && !event.has("methodArn") && event.json().path("requestContext").isObject()
				&& !event.json().path("requestContext").has("elb") && !"2.0".equals(event.text("/version"));
	}

	@Override
	protected AwsProxyRequest bind(JsonNode event) {
		return AwsProxyRequestMapper.map(event);
	}

	@Override
	protected String path(AwsProxyRequest request) {
		return request.getPath();
	}

	@Override
	protected void normalize(AwsProxyRequest request) {
		request.setPath(normalizePath(request.getPath()));
		// Events from older integrations and the console's test button carry only single values.
		fillMultiValue(request);
	}

	@Override
	protected HttpServletRequest read(AwsProxyRequest request, Context context, LambdaServletContainer container)
			throws Exception {
		AwsProxyHttpServletRequestReader reader = new AwsProxyHttpServletRequestReader();
		reader.setServletContext(container.getServletContext());
		return reader.readRequest(request, new AwsProxySecurityContextWriter().writeSecurityContext(request, context),
				context, LambdaContainerHandler.getContainerConfig());
	}

	@Override
	protected String clientAddress(JsonNode event) {
		return text(event, "/requestContext/identity/sourceIp");
	}

	@Override
	protected String target(AwsProxyRequest request, JsonNode event) {
		String query = queryString(event, true);
		return request.getPath() + (query.isEmpty() ? "" : "?" + query);
	}

	/** REST APIs read both maps: single values in {@code headers}, all of them in {@code multiValueHeaders}. */
	@Override
	protected void write(HttpResponse response, JsonNode event, JsonGenerator out) {
		out.writeNumberProperty("statusCode", response.status());
		out.writeObjectPropertyStart("headers");
		response.headers().forEach((name, values) -> {
			if (!values.isEmpty()) {
				out.writeStringProperty(name, values.get(0));
			}
		});
		out.writeEndObject();
		writeMultiValueHeaders(out, response);
		writeBody(out, response);
	}

}
