package io.serverlessspring.shell.model;

import java.util.List;

import io.serverlessspring.boot.settings.HttpAccessLogSettings;
import io.serverlessspring.boot.settings.HttpAuthSettings;
import io.serverlessspring.boot.settings.HttpCorsSettings;
import io.serverlessspring.boot.settings.HttpRestApiSettings;
import io.serverlessspring.boot.settings.HttpSettings;

/**
 * What guards and shapes the HTTP front besides its integration: CORS, authorization, throttling,
 * API Gateway's access log, and what only a REST API has. Plain values from {@code serverless.http.*}.
 *
 * @param cors CORS, or {@code null} for none
 * @param auth how requests are authorised
 * @param throttleRate steady requests per second (0: account limits)
 * @param throttleBurst burst (0: account limits)
 * @param accessLog API Gateway's access log, or {@code null} for none
 * @param rest REST-only settings
 */
public record HttpSecuritySpec(Cors cors, Auth auth, double throttleRate, int throttleBurst, AccessLog accessLog,
		Rest rest) {

	/** Nothing beyond the defaults: deploy plans no security step. */
	public static final HttpSecuritySpec NONE = new HttpSecuritySpec(null, Auth.NONE, 0, 0, null, Rest.DEFAULT);

	public static HttpSecuritySpec of(HttpSettings http, String function) {
		HttpCorsSettings cors = http.getCors();
		HttpAuthSettings auth = http.getAuth();
		HttpAccessLogSettings log = http.getAccessLog();
		HttpRestApiSettings rest = http.getRest();
		return new HttpSecuritySpec(
				cors.isEnabled() ? new Cors(List.copyOf(cors.getAllowedOrigins()), List.copyOf(cors.getAllowedMethods()),
						List.copyOf(cors.getAllowedHeaders()), List.copyOf(cors.getExposedHeaders()), cors.isAllowCredentials(),
						(int) cors.getMaxAge().toSeconds())
						: null,
				new Auth(auth.getType().name(), auth.getJwt().getIssuer(), List.copyOf(auth.getJwt().getAudiences()),
						auth.getJwt().getIdentitySource(), List.copyOf(auth.getJwt().getScopes()),
						auth.getCognito().getUserPoolArn(), List.copyOf(auth.getCognito().getAppClientIds()),
						auth.getLambda().getBean(), auth.getLambda().getFunctionArn(), auth.getLambda().getType().name(),
						auth.getLambda().getIdentitySource(), (int) auth.getLambda().getResultTtl().toSeconds(),
						auth.getLambda().isSimpleResponses()),
				http.getThrottling().getRateLimit(), http.getThrottling().getBurstLimit(),
				log.isEnabled() ? new AccessLog(log.getLogGroup() != null ? log.getLogGroup() : defaultAccessLogGroup(function),
						log.getFormat(), log.getRetentionDays()) : null,
				new Rest(rest.getEndpointType().name(), List.copyOf(rest.getVpcEndpointIds()),
						http.getType() == HttpSettings.Type.REST_API ? restBinaryMediaTypes(http) : List.copyOf(rest.getBinaryMediaTypes()),
						rest.getResourcePolicy(), List.copyOf(rest.getApiKeys().getNames()), rest.getApiKeys().getQuotaLimit(),
						rest.getApiKeys().getQuotaPeriod().name(), rest.getApiKeys().getRateLimit(),
						rest.getApiKeys().getBurstLimit()));
	}

	/**
	 * A REST API's binary media types: {@code serverless.http.rest.binary-media-types}, or when empty
	 * {@code serverless.http.binary-types} (the types the function answers base64-encoded). Deploy and
	 * {@code template} both use this.
	 */
	public static List<String> restBinaryMediaTypes(HttpSettings http) {
		List<String> rest = http.getRest().getBinaryMediaTypes();
		return List.copyOf(rest.isEmpty() ? http.getBinaryTypes() : rest);
	}

	/** The access-log group when {@code serverless.http.access-log.log-group} is not set. */
	public static String defaultAccessLogGroup(String function) {
		return "/aws/apigateway/" + function;
	}

	/** Whether there is anything for deploy to configure beyond the integration. */
	public boolean isDefault() {
		return this.cors == null && "NONE".equals(this.auth.type()) && this.throttleRate == 0 && this.throttleBurst == 0
				&& this.accessLog == null && this.rest.equals(Rest.DEFAULT);
	}

	/** A short description for the plan. */
	public String describe() {
		StringBuilder text = new StringBuilder();
		if (this.cors != null) {
			text.append("CORS ").append(String.join(",", this.cors.origins())).append("; ");
		}
		if (!"NONE".equals(this.auth.type())) {
			text.append("auth ").append(this.auth.type().toLowerCase().replace('_', '-')).append("; ");
		}
		if (this.throttleRate > 0 || this.throttleBurst > 0) {
			text.append("throttling ").append(this.throttleRate).append("/s burst ").append(this.throttleBurst).append("; ");
		}
		if (this.accessLog != null) {
			text.append("access log ").append(this.accessLog.logGroup()).append("; ");
		}
		if (!this.rest.equals(Rest.DEFAULT)) {
			text.append("REST settings; ");
		}
		return text.toString().replaceAll("; $", "");
	}

	/** CORS. */
	public record Cors(List<String> origins, List<String> methods, List<String> headers, List<String> exposedHeaders,
			boolean credentials, int maxAgeSeconds) {

		/** The headers a REST API's OPTIONS mock answers a preflight with (header name to value). */
		public java.util.Map<String, String> restPreflightHeaders() {
			java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
			headers.put("Access-Control-Allow-Origin", String.join(",", this.origins));
			headers.put("Access-Control-Allow-Methods", String.join(",", this.methods));
			headers.put("Access-Control-Allow-Headers", String.join(",", this.headers));
			headers.put("Access-Control-Max-Age", Integer.toString(this.maxAgeSeconds));
			if (this.credentials) {
				headers.put("Access-Control-Allow-Credentials", "true");
			}
			return headers;
		}

		/**
		 * The headers a REST API adds to its own 4XX/5XX answers (gateway responses), so a browser can read
		 * an authorizer's 401 or a throttling 429 instead of reporting a CORS failure.
		 */
		public java.util.Map<String, String> restGatewayResponseHeaders() {
			java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
			headers.put("Access-Control-Allow-Origin", String.join(",", this.origins));
			headers.put("Access-Control-Allow-Headers", String.join(",", this.headers));
			if (this.credentials) {
				headers.put("Access-Control-Allow-Credentials", "true");
			}
			return headers;
		}

	}

	/** The gateway responses a REST API's CORS headers go on. */
	public static final List<String> CORS_GATEWAY_RESPONSES = List.of("DEFAULT_4XX", "DEFAULT_5XX");

	/**
	 * Authorization; {@code lambdaSimpleResponses}: the HTTP API Lambda authorizer answers
	 * {@code isAuthorized} (EnableSimpleResponses) rather than an IAM policy, as the app's runtime does.
	 */
	public record Auth(String type, String jwtIssuer, List<String> jwtAudiences, String jwtIdentitySource,
			List<String> scopes, String cognitoUserPoolArn, List<String> cognitoClientIds, String lambdaBean,
			String lambdaFunctionArn, String lambdaType, String lambdaIdentitySource, int lambdaTtlSeconds,
			boolean lambdaSimpleResponses) {

		static final Auth NONE = new Auth("NONE", null, List.of(), "$request.header.Authorization", List.of(), null,
				List.of(), null, null, "REQUEST", "$request.header.Authorization", 300, true);

		/**
		 * A REST authorizer's identity source: the HTTP API form of the setting ({@code $request.header.X},
		 * {@code $request.querystring.q}) in the REST form ({@code method.request.header.X}), comma-separated.
		 */
		public static String restIdentitySource(String source) {
			return source.replace("$request.header.", "method.request.header.")
				.replace("$request.querystring.", "method.request.querystring.")
				.replace("$context.", "context.")
				.replace("$stageVariables.", "stageVariables.")
				.replaceAll("\\s*,\\s*", ",");
		}


	}

	/** API Gateway's access log. */
	public record AccessLog(String logGroup, String format, int retentionDays) {
	}

	/** What only a REST API has. */
	public record Rest(String endpointType, List<String> vpcEndpointIds, List<String> binaryMediaTypes,
			String resourcePolicy, List<String> apiKeys, int quotaLimit, String quotaPeriod, double keyRateLimit,
			int keyBurstLimit) {

		static final Rest DEFAULT = new Rest("REGIONAL", List.of(), List.of(), null, List.of(), 0, "MONTH", 0, 0);

	}

}
