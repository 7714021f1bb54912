package io.serverlessspring.boot.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.amazonaws.serverless.proxy.internal.LambdaContainerHandler;
import com.amazonaws.serverless.proxy.internal.servlet.AwsHttpServletResponse;
import com.amazonaws.serverless.proxy.internal.servlet.AwsProxyHttpServletResponseWriter;
import com.amazonaws.services.lambda.runtime.Context;
import io.serverlessspring.boot.routing.EventRoute;
import io.serverlessspring.boot.routing.LambdaEvent;
import io.serverlessspring.boot.settings.HttpSettings;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;

/**
 * What every HTTP event format shares: normalise the event, read it into a servlet request with
 * upstream's reader, run it through the one Spring context, and write the response in the JSON the
 * format's front end reads, logging one {@code [access]} line per request.
 *
 * <p>A subclass knows one format: its shape, how to read it, where its client address is, and the
 * response fields its front end reads.
 */
public abstract class HttpEventRoute implements EventRoute, Ordered {

	/** Lambda's limit on a synchronous response payload, in bytes. */
	public static final int RESPONSE_PAYLOAD_LIMIT = 6 * 1024 * 1024;

	/** HTTP routes are asked first: their shapes are precise and HTTP is the hot path. */
	public static final int ORDER = 0;

	private static final Logger logger = LoggerFactory.getLogger(HttpEventRoute.class);

	private static final Logger accessLog = LoggerFactory.getLogger("io.serverlessspring.access");

	protected static final JsonMapper JSON = JsonMapper.builder().build();

	private final Supplier<LambdaServletContainer> container;

	private final HttpSettings settings;

	private final BinaryContentTypes binaryTypes;

	private final AwsProxyHttpServletResponseWriter responseWriter = new AwsProxyHttpServletResponseWriter();

	protected HttpEventRoute(Supplier<LambdaServletContainer> container, HttpSettings settings) {
		this.container = container;
		this.settings = settings;
		this.binaryTypes = new BinaryContentTypes(settings.getBinaryTypes());
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public final void handle(LambdaEvent event, OutputStream output, Context context) throws IOException {
		long started = System.nanoTime();
		ObjectNode request = ((ObjectNode) event.json()).deepCopy();
		normalize(request);
		String path = request.path(pathField()).asString("/");
		HttpResponse response = serve(event, request, context, path);
		byte[] json = JSON.writeValueAsBytes(write(response, request));
		if (json.length > RESPONSE_PAYLOAD_LIMIT) {
			logger.error("The response to {} is {} bytes, over Lambda's {} byte limit: answering 413 instead", path,
					json.length, RESPONSE_PAYLOAD_LIMIT);
			response = HttpResponse.error(HttpStatus.PAYLOAD_TOO_LARGE, "The response (" + json.length
					+ " bytes) exceeds AWS Lambda's 6 MB response payload limit; page it or serve it from S3.", path);
			json = JSON.writeValueAsBytes(write(response, request));
		}
		if (accessLog.isInfoEnabled()) {
			accessLog.info("[access] {} \"{} {} {}\" {} {} {}ms", clientAddress(request), method(request),
					target(request), protocol(request), response.status(), response.bodyBytes(),
					(System.nanoTime() - started) / 1_000_000);
		}
		output.write(json);
		output.flush();
	}

	private HttpResponse serve(LambdaEvent event, ObjectNode request, Context context, String path) {
		try {
			LambdaServletContainer servletContainer = this.container.get();
			HttpServletRequest servletRequest = read(request, context, servletContainer);
			setAttributes(servletRequest, event, context);
			AwsHttpServletResponse servletResponse = servletContainer
				.serve(new ClientAddressRequest(servletRequest, clientAddress(request)), context);
			return HttpResponse.from(this.responseWriter.writeResponse(servletResponse, context), this.binaryTypes);
		}
		catch (Exception ex) {
			// Normally the app's error page answers (see HttpRoutesAutoConfiguration); this is the
			// last resort, so that a broken request never fails the whole invocation.
			logger.error("Request {} {} failed", method(request), path, ex);
			return HttpResponse.error(HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be processed", path);
		}
	}

	private void setAttributes(HttpServletRequest servletRequest, LambdaEvent event, Context context) {
		servletRequest.setAttribute(HttpRequestAttributes.LAMBDA_CONTEXT, context);
		servletRequest.setAttribute(HttpRequestAttributes.EVENT, event.json());
		servletRequest.setAttribute(HttpRequestAttributes.EVENT_FORMAT, name());
		JsonNode requestContext = event.json().path("requestContext");
		servletRequest.setAttribute(HttpRequestAttributes.REQUEST_CONTEXT, requestContext);
		JsonNode authorizer = requestContext.path("authorizer");
		for (JsonNode claims : List.of(authorizer.path("claims"), authorizer.path("jwt").path("claims"),
				authorizer.path("lambda"), authorizer)) {
			if (claims.isObject() && !claims.isEmpty()) {
				servletRequest.setAttribute(HttpRequestAttributes.AUTHORIZER_CLAIMS, JSON.convertValue(claims, Map.class));
				break;
			}
		}
	}

	/** The field holding the request path in this format, after {@link #normalize}. */
	protected abstract String pathField();

	/**
	 * Fixes the event in place before upstream reads it: fills the fields upstream reads from those
	 * the front end sent, strips base path and stage prefix from the path, encodes it.
	 */
	protected void normalize(ObjectNode event) {
		String path = event.path(pathField()).asString("/");
		path = RequestPaths.stripPrefix(path, this.settings.getBasePath());
		event.put(pathField(), RequestPaths.encoded(path));
	}

	/** Reads the normalised event into a servlet request with upstream's reader for this format. */
	protected abstract HttpServletRequest read(ObjectNode event, Context context, LambdaServletContainer container)
			throws Exception;

	/** The address of the client that sent the request. */
	protected abstract String clientAddress(ObjectNode event);

	/** The request target as the client sent it, path and query, for the access log. */
	protected abstract String target(ObjectNode event);

	/** The HTTP method. */
	protected String method(ObjectNode event) {
		return text(event, "/httpMethod");
	}

	/** The HTTP protocol version, for the access log. */
	protected String protocol(ObjectNode event) {
		String protocol = text(event, "/requestContext/protocol");
		return (protocol != null) ? protocol : "HTTP/1.1";
	}

	/** The JSON the front end reads back. */
	protected abstract ObjectNode write(HttpResponse response, ObjectNode event);

	protected HttpSettings settings() {
		return this.settings;
	}

	protected static <T> T readAs(ObjectNode event, Class<T> type) {
		return LambdaContainerHandler.getObjectMapper().treeToValue(event, type);
	}

	protected static String text(JsonNode node, String pointer) {
		JsonNode value = node.at(pointer);
		return (value.isMissingNode() || value.isNull()) ? null : value.asString();
	}

	/** Copies a single-value map ({@code headers}) into its multi-value twin when the event lacks it. */
	protected static void fillMultiValue(ObjectNode event, String single, String multi) {
		JsonNode existing = event.get(multi);
		if (existing != null && existing.isObject()) {
			return;
		}
		JsonNode values = event.get(single);
		ObjectNode filled = event.putObject(multi);
		if (values != null && values.isObject()) {
			values.properties().forEach((entry) -> filled.putArray(entry.getKey()).add(entry.getValue().asString()));
		}
	}

	/**
	 * {@code name=value&...} from a multi-value query map; {@code encode} for front ends that
	 * deliver the values decoded (API Gateway), not for those that pass them through (ALB).
	 */
	protected static String queryString(JsonNode multiValueQuery, boolean encode) {
		StringBuilder query = new StringBuilder();
		if (multiValueQuery != null && multiValueQuery.isObject()) {
			multiValueQuery.properties().forEach((entry) -> {
				for (JsonNode value : entry.getValue()) {
					query.append(query.isEmpty() ? "" : "&")
						.append(encode ? URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) : entry.getKey())
						.append('=')
						.append(encode ? URLEncoder.encode(value.asString(), StandardCharsets.UTF_8) : value.asString());
				}
			});
		}
		return query.toString();
	}

	protected static ObjectNode multiValueHeaders(HttpResponse response) {
		ObjectNode headers = JSON.createObjectNode();
		response.headers().forEach((name, values) -> {
			ArrayNode list = headers.putArray(name);
			values.forEach(list::add);
		});
		return headers;
	}

	protected static void putBody(ObjectNode out, HttpResponse response) {
		out.put("body", (response.body() != null) ? response.body() : "");
		out.put("isBase64Encoded", response.base64Encoded());
	}

	/** The rightmost address in X-Forwarded-For: the one the load balancer itself saw. */
	protected static String lastForwardedFor(JsonNode headers) {
		if (headers == null || !headers.isObject()) {
			return null;
		}
		Iterator<Map.Entry<String, JsonNode>> fields = headers.properties().iterator();
		while (fields.hasNext()) {
			Map.Entry<String, JsonNode> field = fields.next();
			if (field.getKey().equalsIgnoreCase("x-forwarded-for")) {
				JsonNode value = field.getValue();
				String joined = value.isArray() ? (value.isEmpty() ? "" : value.get(value.size() - 1).asString())
						: value.asString();
				String[] hops = joined.split(",");
				String last = hops[hops.length - 1].trim();
				return last.isEmpty() ? null : last;
			}
		}
		return null;
	}

}
