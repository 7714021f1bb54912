package io.serverlessspring.boot.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.amazonaws.serverless.proxy.internal.LambdaContainerHandler;
import com.amazonaws.serverless.proxy.internal.servlet.AwsHttpServletResponse;
import com.amazonaws.serverless.proxy.internal.servlet.AwsProxyHttpServletResponseWriter;
import com.amazonaws.serverless.proxy.model.AwsProxyRequest;
import com.amazonaws.serverless.proxy.model.Headers;
import com.amazonaws.serverless.proxy.model.MultiValuedTreeMap;
import com.amazonaws.services.lambda.runtime.Context;
import io.serverlessspring.boot.routing.EventRoute;
import io.serverlessspring.boot.routing.JsonPointers;
import io.serverlessspring.boot.routing.LambdaEvent;
import io.serverlessspring.boot.routing.RouteOrder;
import io.serverlessspring.boot.settings.HttpSettings;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

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
public abstract class HttpEventRoute<R> implements EventRoute, Ordered {

	/** Lambda's limit on a synchronous response payload, in bytes. */
	public static final int RESPONSE_PAYLOAD_LIMIT = 6 * 1024 * 1024;

	private static final Logger logger = LoggerFactory.getLogger(HttpEventRoute.class);

	private static final Logger accessLog = LoggerFactory.getLogger("io.serverlessspring.access");

	/** Upstream's mapper, which reads the events anyway: one mapper less to build at cold start. */
	protected static final ObjectMapper JSON = LambdaContainerHandler.getObjectMapper();

	private final HttpEventShape shape;

	private final Supplier<LambdaServletContainer> container;

	private final HttpSettings settings;

	private final BinaryContentTypes binaryTypes;

	private final ContextHeaders contextHeaders;

	private final AwsProxyHttpServletResponseWriter responseWriter = new AwsProxyHttpServletResponseWriter();

	HttpEventRoute(HttpEventShape shape, Supplier<LambdaServletContainer> container, HttpSettings settings) {
		this.shape = shape;
		this.container = container;
		this.settings = settings;
		this.binaryTypes = new BinaryContentTypes(settings.getBinaryTypes());
		this.contextHeaders = new ContextHeaders(settings.getContextHeaders());
	}

	@Override
	public int getOrder() {
		return RouteOrder.HTTP;
	}

	@Override
	public final void handle(LambdaEvent event, OutputStream output, Context context) throws IOException {
		long started = System.nanoTime();
		// Set from the router's tree into upstream's model: no second parse of the bytes. The
		// tree itself is only read, for what upstream's model does not keep.
		String malformed = this.shape.problem(event.json());
		R request = null;
		if (malformed == null) {
			try {
				request = bind(event.json());
			}
			catch (HttpEventShape.WrongTypeException ex) {
				malformed = ex.getMessage();
			}
		}
		if (malformed != null) {
			answerMalformed(event, malformed, output);
			return;
		}
		normalize(request);
		// Before serving: an error page forward rewrites the path in upstream's model.
		String target = accessLog.isInfoEnabled() ? target(request, event.json()) : null;
		HttpResponse response = serve(event, request, context);
		ByteArrayOutputStream json = json(response, event.json());
		if (json.size() > RESPONSE_PAYLOAD_LIMIT) {
			logger.error("The response to {} is {} bytes, over Lambda's {} byte limit: answering 413 instead",
					path(request), json.size(), RESPONSE_PAYLOAD_LIMIT);
			response = HttpResponse.error(HttpStatus.PAYLOAD_TOO_LARGE, "The response (" + json.size()
					+ " bytes) exceeds AWS Lambda's 6 MB response payload limit; page it or serve it from S3.",
					path(request));
			json = json(response, event.json());
		}
		if (target != null) {
			accessLog.info("[access] {} \"{} {} {}\" {} {} {}ms", clientAddress(event.json()), method(event.json()),
					target, protocol(event.json()), response.status(), response.bodyBytes(),
					(System.nanoTime() - started) / 1_000_000);
		}
		json.writeTo(output);
		output.flush();
	}

	/** The response in the format's JSON, streamed: no tree of it is built, no second copy made. */
	private ByteArrayOutputStream json(HttpResponse response, JsonNode event) {
		int body = (response.body() != null) ? response.body().length() : 0;
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(body + 256);
		try (JsonGenerator out = JSON.createGenerator(bytes)) {
			out.writeStartObject();
			write(response, event, out);
			out.writeEndObject();
		}
		return bytes;
	}

	/** One log line and a 400 naming the field, in the format's own response shape. */
	private void answerMalformed(LambdaEvent event, String problem, OutputStream output) throws IOException {
		String message = "Malformed " + name() + " event: " + problem;
		logger.warn(message);
		String path = event.json().isObject() ? text(event.json(), "/path") : null;
		json(HttpResponse.error(HttpStatus.BAD_REQUEST, message, (path != null) ? path : "/"),
				event.json().isObject() ? event.json() : JSON.createObjectNode()).writeTo(output);
		output.flush();
	}

	private HttpResponse serve(LambdaEvent event, R request, Context context) {
		try {
			LambdaServletContainer servletContainer = this.container.get();
			HttpServletRequest servletRequest = read(request, context, servletContainer);
			setAttributes(servletRequest, event, context);
			String clientAddress = clientAddress(event.json());
			HttpServletRequest appRequest = this.contextHeaders.apply(
					new ClientAddressRequest(servletRequest, clientAddress), event.json().path("requestContext"),
					clientAddress, context);
			AwsHttpServletResponse servletResponse = servletContainer.serve(appRequest, context);
			return HttpResponse.from(this.responseWriter.writeResponse(servletResponse, context), this.binaryTypes);
		}
		catch (Exception ex) {
			// Normally the app's error page answers (see HttpRoutesAutoConfiguration); this is the
			// last resort, so that a broken request never fails the whole invocation.
			logger.error("Request {} {} failed", method(event.json()), path(request), ex);
			return HttpResponse.error(HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be processed",
					path(request));
		}
	}

	private void setAttributes(HttpServletRequest servletRequest, LambdaEvent event, Context context) {
		servletRequest.setAttribute(HttpRequestAttributes.LAMBDA_CONTEXT, context);
		servletRequest.setAttribute(HttpRequestAttributes.EVENT, event.json());
		servletRequest.setAttribute(HttpRequestAttributes.EVENT_FORMAT, name());
		JsonNode requestContext = event.json().path("requestContext");
		servletRequest.setAttribute(HttpRequestAttributes.REQUEST_CONTEXT, requestContext);
		JsonNode authorizer = requestContext.path("authorizer");
		if (authorizer.isObject()) {
			for (JsonNode claims : List.of(authorizer.path("claims"), authorizer.path("jwt").path("claims"),
					authorizer.path("lambda"), authorizer)) {
				if (claims.isObject() && !claims.isEmpty()) {
					servletRequest.setAttribute(HttpRequestAttributes.AUTHORIZER_CLAIMS, JSON.convertValue(claims, Map.class));
					break;
				}
			}
		}
	}

	/**
	 * Upstream's model of the event, whose shape {@link HttpEventShape} has checked, set from the
	 * tree (a request mapper): binding the tree through Jackson again cost more than raw's one bind.
	 * @throws HttpEventShape.WrongTypeException naming a field whose value the model cannot hold
	 */
	protected abstract R bind(JsonNode event);

	/** The request path after {@link #normalize}. */
	protected abstract String path(R request);

	/**
	 * Fixes the request before upstream reads it: fills the fields upstream reads from those the
	 * front end sent, strips base path and stage prefix from the path, encodes it.
	 */
	protected abstract void normalize(R request);

	/** The path without the custom-domain base path, percent-encoded. */
	protected String normalizePath(String path) {
		String stripped = RequestPaths.stripPrefix((path != null) ? path : "/", this.settings.getBasePath());
		return RequestPaths.encoded(stripped);
	}

	/** Reads the normalised request into a servlet request with upstream's reader for this format. */
	protected abstract HttpServletRequest read(R request, Context context, LambdaServletContainer container)
			throws Exception;

	/** The address of the client that sent the request. */
	protected abstract String clientAddress(JsonNode event);

	/** The request target, normalised path and the query as the front end sent it, for the access log. */
	protected abstract String target(R request, JsonNode event);

	/** The HTTP method. */
	protected String method(JsonNode event) {
		return text(event, "/httpMethod");
	}

	/** The HTTP protocol version, for the access log. */
	protected String protocol(JsonNode event) {
		String protocol = text(event, "/requestContext/protocol");
		return (protocol != null) ? protocol : "HTTP/1.1";
	}

	/**
	 * The fields of the JSON object the front end reads back, written in order to {@code out} (the
	 * object's start and end are written around them); {@code event} is the event as received.
	 */
	protected abstract void write(HttpResponse response, JsonNode event, JsonGenerator out);

	protected HttpSettings settings() {
		return this.settings;
	}

	protected static String text(JsonNode node, String pointer) {
		JsonNode value = node.at(JsonPointers.of(pointer));
		return (value.isMissingNode() || value.isNull()) ? null : value.asString();
	}

	/** Upstream reads only the multi-value maps: build them from the single-value ones when missing. */
	protected static void fillMultiValue(AwsProxyRequest request) {
		if (request.getMultiValueHeaders() == null || request.getMultiValueHeaders().isEmpty()) {
			Headers headers = new Headers();
			if (request.getHeaders() != null) {
				request.getHeaders().forEach(headers::add);
			}
			request.setMultiValueHeaders(headers);
		}
		// Upstream's model starts with an empty map, not null.
		if (request.getMultiValueQueryStringParameters() == null || request.getMultiValueQueryStringParameters().isEmpty()) {
			MultiValuedTreeMap<String, String> query = new MultiValuedTreeMap<>();
			if (request.getQueryStringParameters() != null) {
				request.getQueryStringParameters().forEach(query::add);
			}
			request.setMultiValueQueryStringParameters(query);
		}
	}

	/**
	 * {@code name=value&...} from a multi-value query map; {@code encode} for front ends that
	 * deliver the values decoded (API Gateway), not for those that pass them through (ALB).
	 */
	protected static String queryString(JsonNode event, boolean encode) {
		JsonNode query = event.path("multiValueQueryStringParameters");
		if (!query.isObject() || query.isEmpty()) {
			query = event.path("queryStringParameters");
		}
		StringBuilder out = new StringBuilder();
		if (query.isObject()) {
			for (Map.Entry<String, JsonNode> entry : query.properties()) {
				for (JsonNode value : entry.getValue().isArray() ? entry.getValue() : List.of(entry.getValue())) {
					String name = entry.getKey();
					out.append(out.isEmpty() ? "" : "&")
						.append(encode ? URLEncoder.encode(name, StandardCharsets.UTF_8) : name)
						.append('=')
						.append(encode ? URLEncoder.encode(value.asString(), StandardCharsets.UTF_8) : value.asString());
				}
			}
		}
		return out.toString();
	}

	/** {@code "multiValueHeaders": {name: [values]}}, every header with all its values. */
	protected static void writeMultiValueHeaders(JsonGenerator out, HttpResponse response) {
		out.writeObjectPropertyStart("multiValueHeaders");
		response.headers().forEach((name, values) -> {
			out.writeArrayPropertyStart(name);
			values.forEach(out::writeString);
			out.writeEndArray();
		});
		out.writeEndObject();
	}

	protected static void writeBody(JsonGenerator out, HttpResponse response) {
		out.writeStringProperty("body", (response.body() != null) ? response.body() : "");
		out.writeBooleanProperty("isBase64Encoded", response.base64Encoded());
	}

	/** The rightmost address in X-Forwarded-For: the one the load balancer itself saw. */
	protected static String lastForwardedFor(JsonNode headers) {
		if (headers == null || !headers.isObject()) {
			return null;
		}
		for (Map.Entry<String, JsonNode> field : headers.properties()) {
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
