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
 * Application Load Balancer target events, in either mode of the target group. With
 * multi-value headers off, ALB sends {@code headers}/{@code queryStringParameters} (which upstream
 * ignores) and reads {@code headers} back; with it on, the {@code multiValue...} twins both ways.
 * Query values arrive still percent-encoded; the client address is the last X-Forwarded-For hop.
 */
public class AlbRoute extends HttpEventRoute<AwsProxyRequest> {

	public AlbRoute(Supplier<LambdaServletContainer> container, HttpSettings settings) {
		super(HttpEventShape.ALB, container, settings);
	}

	@Override
	public String name() {
		return "alb";
	}

	@Override
	public boolean accepts(LambdaEvent event) {
		return event.has("httpMethod") && event.json().path("requestContext").path("elb").isObject();
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
		fillMultiValue(request);
	}

	/** Multi-value mode: the target group sends (and reads back) only the multi-value maps. */
	private static boolean multiValueMode(JsonNode event) {
		return event.path("multiValueHeaders").isObject();
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
		return lastForwardedFor(multiValueMode(event) ? event.get("multiValueHeaders") : event.get("headers"));
	}

	@Override
	protected String target(AwsProxyRequest request, JsonNode event) {
		String query = queryString(event, false);
		return request.getPath() + (query.isEmpty() ? "" : "?" + query);
	}

	@Override
	protected void write(HttpResponse response, JsonNode event, JsonGenerator out) {
		out.writeNumberProperty("statusCode", response.status());
		out.writeStringProperty("statusDescription", (response.status() + " " + response.reasonPhrase()).trim());
		if (multiValueMode(event)) {
			writeMultiValueHeaders(out, response);
		}
		else {
			// One value per name is all this mode can carry: repeated headers are joined, except
			// Set-Cookie, which cannot be, so only its first value goes (use multi-value mode).
			out.writeObjectPropertyStart("headers");
			response.headers().forEach((name, values) -> {
				if (!values.isEmpty()) {
					out.writeStringProperty(name, name.equalsIgnoreCase("Set-Cookie") ? values.get(0) : String.join(", ", values));
				}
			});
			out.writeEndObject();
		}
		writeBody(out, response);
	}

}
