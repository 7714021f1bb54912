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
import tools.jackson.databind.node.ObjectNode;

/**
 * Application Load Balancer target events, in either mode of the target group. With
 * multi-value headers off, ALB sends {@code headers}/{@code queryStringParameters} (which upstream
 * ignores) and reads {@code headers} back; with it on, the {@code multiValue...} twins both ways.
 * Query values arrive still percent-encoded; the client address is the last X-Forwarded-For hop.
 */
public class AlbRoute extends HttpEventRoute {

	public AlbRoute(Supplier<LambdaServletContainer> container, HttpSettings settings) {
		super(container, settings);
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
	protected String pathField() {
		return "path";
	}

	@Override
	protected void normalize(ObjectNode event) {
		super.normalize(event);
		fillMultiValue(event, "headers", "multiValueHeaders");
		fillMultiValue(event, "queryStringParameters", "multiValueQueryStringParameters");
	}

	/** Multi-value mode: ALB sent no single-value {@code headers} (normalize keeps them when it did). */
	private static boolean multiValueMode(ObjectNode event) {
		return !event.path("headers").isObject();
	}

	@Override
	protected HttpServletRequest read(ObjectNode event, Context context, LambdaServletContainer container)
			throws Exception {
		AwsProxyRequest request = readAs(event, AwsProxyRequest.class);
		AwsProxyHttpServletRequestReader reader = new AwsProxyHttpServletRequestReader();
		reader.setServletContext(container.getServletContext());
		return reader.readRequest(request, new AwsProxySecurityContextWriter().writeSecurityContext(request, context),
				context, LambdaContainerHandler.getContainerConfig());
	}

	@Override
	protected String clientAddress(ObjectNode event) {
		return lastForwardedFor(event.get("multiValueHeaders"));
	}

	@Override
	protected String target(ObjectNode event) {
		String query = queryString(event.get("multiValueQueryStringParameters"), false);
		return event.path("path").asString("/") + (query.isEmpty() ? "" : "?" + query);
	}

	@Override
	protected ObjectNode write(HttpResponse response, ObjectNode event) {
		ObjectNode out = JSON.createObjectNode();
		out.put("statusCode", response.status());
		out.put("statusDescription", (response.status() + " " + response.reasonPhrase()).trim());
		if (multiValueMode(event)) {
			out.set("multiValueHeaders", multiValueHeaders(response));
		}
		else {
			// One value per name is all this mode can carry: repeated headers are joined, except
			// Set-Cookie, which cannot be, so only its first value goes (use multi-value mode).
			ObjectNode headers = out.putObject("headers");
			response.headers().forEach((name, values) -> {
				if (!values.isEmpty()) {
					headers.put(name, name.equalsIgnoreCase("Set-Cookie") ? values.get(0) : String.join(", ", values));
				}
			});
		}
		putBody(out, response);
		return out;
	}

}
