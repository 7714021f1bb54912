package io.serverlessspring.boot.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * {@code serverless.http.*}: the HTTP front. Run-time fields (base path, binary types) are read by
 * the HTTP routes; deploy-time fields (type, CORS, authorizers, domain) by the console.
 */
public class HttpSettings {

	/** The HTTP front deploy creates: an HTTP API (default), a REST API, a function URL, an ALB, or none. */
	private Type type = Type.HTTP_API;

	/** Who may call a function URL: {@code none} (public) or {@code aws-iam} (signed requests). */
	private FunctionUrlAuth functionUrlAuth = FunctionUrlAuth.NONE;

	/** A custom-domain base path stripped before the app sees the path, e.g. {@code /api}. */
	private String basePath;

	/**
	 * Response content types sent base64-encoded (binary); {@code type/*} wildcards allowed. Bodies
	 * with a {@code Content-Encoding} (gzip, br) or that are not valid UTF-8 are always binary. A REST
	 * API's binary media types when {@code rest.binary-media-types} is empty.
	 */
	private List<String> binaryTypes = new ArrayList<>(List.of("image/*", "audio/*", "video/*", "font/*",
			"application/octet-stream", "application/pdf", "application/zip", "application/gzip",
			"application/x-protobuf", "application/wasm"));

	/**
	 * Whether a leading {@code /<stage>} that API Gateway leaves in the path (HTTP API named stages)
	 * is removed, so {@code @GetMapping("/hello")} matches {@code /prod/hello}.
	 */
	private boolean stripStagePrefix = true;

	/**
	 * Request headers set from the event's request context before the app sees the request, as
	 * Zappa's {@code context_header_mappings}: header name to a field, either a friendly name
	 * ({@code request-id}, {@code source-ip}, {@code stage}, ...) or a dotted path into
	 * {@code requestContext} ({@code authorizer.claims.sub}). A header of the same name sent by the
	 * client is always replaced, or removed when the field is absent. See docs/http.md.
	 */
	private Map<String, String> contextHeaders = new LinkedHashMap<>();

	/** CORS answered by API Gateway. */
	@NestedConfigurationProperty
	private final HttpCorsSettings cors = new HttpCorsSettings();

	/** Who may call the front: IAM, JWT, Cognito or a Lambda authorizer. */
	@NestedConfigurationProperty
	private final HttpAuthSettings auth = new HttpAuthSettings();

	/** REST API only: endpoint type, binary media types, resource policy, API keys and usage plan. */
	@NestedConfigurationProperty
	private final HttpRestApiSettings rest = new HttpRestApiSettings();

	/** API Gateway's access log. */
	@NestedConfigurationProperty
	private final HttpAccessLogSettings accessLog = new HttpAccessLogSettings();

	/** The stage's request rate limits. */
	@NestedConfigurationProperty
	private final HttpThrottleSettings throttling = new HttpThrottleSettings();

	/** The Application Load Balancer ({@code type: alb}). */
	@NestedConfigurationProperty
	private final HttpAlbSettings alb = new HttpAlbSettings();

	/** The custom domain ({@code certify}). */
	@NestedConfigurationProperty
	private final HttpDomainSettings domain = new HttpDomainSettings();

	/** The WebSocket API, deployed when the app has {@code @WebSocketRoute} handlers. */
	@NestedConfigurationProperty
	private final HttpWebSocketSettings websocket = new HttpWebSocketSettings();

	public HttpWebSocketSettings getWebsocket() {
		return this.websocket;
	}

	public HttpAlbSettings getAlb() {
		return this.alb;
	}

	public HttpDomainSettings getDomain() {
		return this.domain;
	}

	public HttpCorsSettings getCors() {
		return this.cors;
	}

	public HttpAuthSettings getAuth() {
		return this.auth;
	}

	public HttpRestApiSettings getRest() {
		return this.rest;
	}

	public HttpAccessLogSettings getAccessLog() {
		return this.accessLog;
	}

	public HttpThrottleSettings getThrottling() {
		return this.throttling;
	}

	public List<String> getBinaryTypes() {
		return this.binaryTypes;
	}

	public void setBinaryTypes(List<String> binaryTypes) {
		this.binaryTypes = binaryTypes;
	}

	public Map<String, String> getContextHeaders() {
		return this.contextHeaders;
	}

	public void setContextHeaders(Map<String, String> contextHeaders) {
		this.contextHeaders = contextHeaders;
	}

	public boolean isStripStagePrefix() {
		return this.stripStagePrefix;
	}

	public void setStripStagePrefix(boolean stripStagePrefix) {
		this.stripStagePrefix = stripStagePrefix;
	}

	public String getBasePath() {
		return this.basePath;
	}

	public void setBasePath(String basePath) {
		this.basePath = basePath;
	}

	public Type getType() {
		return this.type;
	}

	public void setType(Type type) {
		this.type = type;
	}

	public FunctionUrlAuth getFunctionUrlAuth() {
		return this.functionUrlAuth;
	}

	public void setFunctionUrlAuth(FunctionUrlAuth functionUrlAuth) {
		this.functionUrlAuth = functionUrlAuth;
	}

	/** The kinds of HTTP front deploy can create. */
	public enum Type {

		HTTP_API, REST_API, FUNCTION_URL, ALB, NONE

	}

	/** Function URL authorization types. */
	public enum FunctionUrlAuth {

		NONE, AWS_IAM

	}

}
