package io.serverlessspring.shell.plan;

import java.util.List;
import java.util.Map;

import io.serverlessspring.shell.model.HttpSecuritySpec;

/**
 * Changes to what guards and shapes a front besides its integration ({@code serverless.http.*}):
 * CORS, authorizers and route authorization, stage throttling and access log, REST settings and
 * methods, usage plan and API keys. Each is planned only when what AWS holds differs.
 */
public final class HttpSecurityChanges {

	private HttpSecurityChanges() {
	}

	/** CORS of the HTTP API ({@code front} {@code HTTP API}) or of the function URL; {@code cors} null: none. */
	public record Cors(Action action, String front, Value target, HttpSecuritySpec.Cors cors, String detail,
			List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "CORS";
		}

		@Override
		public String resource() {
			return this.front + " " + this.target;
		}

	}

	/**
	 * The HTTP API's authorizer: JWT ({@code issuer}, {@code audiences}) or a Lambda REQUEST authorizer
	 * ({@code uri}); {@code id} the existing one to update or delete. Outputs {@link Value#AUTHORIZER_ID}.
	 */
	public record Authorizer(Action action, Value apiId, String id, String name, String type, String identitySource,
			String issuer, List<String> audiences, String uri, int ttlSeconds, boolean simpleResponses, String detail,
			List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "authorizer";
		}

		@Override
		public String resource() {
			return this.name;
		}

	}

	/** Authorization of the HTTP API's {@code $default} route. */
	public record RouteAuthorization(Action action, Value apiId, String authorizationType, Value authorizerId,
			List<String> scopes, String detail, List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "route";
		}

		@Override
		public String resource() {
			return "$default";
		}

	}

	/**
	 * A stage's throttling (0: account limits) and, on an HTTP API, its access log
	 * ({@code accessLogArn} {@code null}: none).
	 */
	public record ApiStage(Action action, Value apiId, String stage, boolean restApi, double rateLimit,
			int burstLimit, String accessLogArn, String accessLogFormat, String detail, List<FieldChange> fields)
			implements ResourceChange {

		@Override
		public String kind() {
			return "API stage";
		}

		@Override
		public String resource() {
			return this.stage;
		}

	}

	/**
	 * REST API settings: endpoint type, binary media types and (private API) VPC endpoint ids to add or
	 * remove, resource policy ({@code null}: left as it is; empty: removed).
	 */
	public record RestSettings(Action action, Value restApiId, String endpointTypeBefore, String endpointType,
			List<String> addBinaryMediaTypes, List<String> removeBinaryMediaTypes, List<String> addVpcEndpointIds,
			List<String> removeVpcEndpointIds,
			String resourcePolicy, String detail, List<FieldChange> fields)
			implements ResourceChange {

		@Override
		public String kind() {
			return "REST API settings";
		}

		@Override
		public String resource() {
			return this.restApiId.toString();
		}

	}

	/**
	 * The ANY methods' authorization ({@code null}: left alone), their authorizer ({@code null}: none) and
	 * API key requirement; the stage is redeployed after.
	 */
	public record RestMethods(Action action, Value restApiId, String stage, String authorizationType,
			Value authorizerId, boolean apiKeyRequired, String detail, List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "REST methods";
		}

		@Override
		public String resource() {
			return this.restApiId + "/" + this.stage;
		}

	}

	/**
	 * A REST API authorizer: {@code COGNITO_USER_POOLS} ({@code providerArns}: the user pools) or a Lambda
	 * {@code TOKEN}/{@code REQUEST} authorizer ({@code uri}, result TTL); {@code id} the existing one to
	 * update or delete, {@code providerArnsBefore} what it holds now. Outputs {@link Value#AUTHORIZER_ID}.
	 */
	public record RestAuthorizer(Action action, Value restApiId, String id, String name, String type,
			String identitySource, List<String> providerArns, List<String> providerArnsBefore, String uri, int ttlSeconds,
			String detail, List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "REST authorizer";
		}

		@Override
		public String resource() {
			return this.name;
		}

	}

	/**
	 * A REST API's CORS: an OPTIONS mock beside each ANY method answering the preflight with
	 * {@code preflightHeaders}, and {@code gatewayHeaders} on the API's own 4XX/5XX answers; both
	 * {@code null} on delete. The stage is redeployed after.
	 */
	public record RestCors(Action action, Value restApiId, String stage, Map<String, String> preflightHeaders,
			Map<String, String> gatewayHeaders, String detail, List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "REST CORS";
		}

		@Override
		public String resource() {
			return this.restApiId + "/" + this.stage;
		}

	}

	/** The stage's usage plan (named after the function); outputs {@link Value#USAGE_PLAN_ID}. */
	public record UsagePlan(Action action, String name, String id, Value restApiId, String stage, int quotaLimit,
			String quotaPeriod, double rateLimit, int burstLimit, String detail, List<FieldChange> fields)
			implements ResourceChange {

		@Override
		public String kind() {
			return "usage plan";
		}

		@Override
		public String resource() {
			return this.name;
		}

	}

	/** An API key in the usage plan; {@code id} the existing key (reused or deleted). */
	public record ApiKey(Action action, String name, String id, Value usagePlanId, Map<String, String> tags,
			String detail, List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "API key";
		}

		@Override
		public String resource() {
			return this.name;
		}

	}

}
