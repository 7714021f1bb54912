package io.serverlessspring.shell.state;

import java.util.List;
import java.util.Map;

import io.serverlessspring.shell.model.HttpSecuritySpec;

/**
 * What guards the stage's front in AWS now, read so the planner can decide every change.
 *
 * @param cors the HTTP API's or function URL's CORS, or {@code null} for none
 * @param route the HTTP API's {@code $default} route authorization, or {@code null} when there is no route
 * @param authorizers the HTTP API's authorizers by id
 * @param stage the front's stage throttling and access log, or {@code null} when there is no stage
 * @param accessLogGroup the access-log group found (the desired one, or the one the stage logs to), or {@code null}
 * @param rest the REST API's settings, or {@code null}
 * @param usagePlan the usage plan named after the function, or {@code null}
 * @param apiKeys API keys by name (those the desired state names, and those tagged for the function)
 * @param domainMappings custom domain mappings to the stage's API
 */
public record ActualHttpSecurity(HttpSecuritySpec.Cors cors, ActualRoute route, Map<String, ActualAuthorizer> authorizers,
		ActualApiStage stage, String accessLogGroup, ActualRest rest, ActualUsagePlan usagePlan,
		Map<String, String> apiKeys, List<ActualDomainMapping> domainMappings) {

	public static final ActualHttpSecurity NONE = new ActualHttpSecurity(null, null, Map.of(), null, null, null, null,
			Map.of(), List.of());

	public record ActualRoute(String authorizationType, String authorizerId, List<String> scopes) {
	}

	public record ActualAuthorizer(String id, String name, String type, String issuer, List<String> audiences,
			String uri, Integer ttlSeconds, boolean simpleResponses) {
	}

	/** {@code accessLogArn} {@code null}: no access log. */
	public record ActualApiStage(double rateLimit, int burstLimit, String accessLogArn, String accessLogFormat) {
	}

	/**
	 * @param vpcEndpointIds the VPC endpoints a private API accepts
	 * @param policy the resource policy as written (unescaped, the API's own ARN prefix shortened back
	 * to {@code execute-api:/}), or {@code null}
	 * @param methodAuthorizations authorization type of each ANY method
	 * @param methodKeysRequired whether each ANY method requires an API key
	 * @param methodAuthorizerIds the authorizer of each ANY method ({@code null} entries: none)
	 * @param authorizers the API's authorizers by name
	 * @param preflights the CORS headers of the OPTIONS mock beside each ANY method ({@code null} entries:
	 * no OPTIONS method there)
	 * @param gatewayResponses the headers API Gateway adds to its own answers, by response type (only
	 * those set, not its built-in defaults)
	 */
	public record ActualRest(String endpointType, List<String> binaryMediaTypes, List<String> vpcEndpointIds,
			String policy, List<String> methodAuthorizations, List<Boolean> methodKeysRequired,
			List<String> methodAuthorizerIds, Map<String, ActualRestAuthorizer> authorizers,
			List<Map<String, String>> preflights, Map<String, Map<String, String>> gatewayResponses) {

		public boolean policySet() {
			return this.policy != null && this.policy.contains("\"Statement\"");
		}

	}

	/** A REST API authorizer ({@code COGNITO_USER_POOLS}, {@code TOKEN} or {@code REQUEST}). */
	public record ActualRestAuthorizer(String id, String name, String type, List<String> providerArns, String uri,
			String identitySource, Integer ttlSeconds) {
	}

	public record ActualUsagePlan(String id, String name, List<String> keyNames) {
	}

	public record ActualDomainMapping(String domain, String basePath, String mappingId, boolean httpApi) {
	}

}
