package io.serverlessspring.shell.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.shell.aws.AwsClients;
import io.serverlessspring.shell.model.HttpSecuritySpec;
import io.serverlessspring.shell.model.StageTags;
import io.serverlessspring.shell.state.ActualHttpSecurity.ActualApiStage;
import io.serverlessspring.shell.state.ActualHttpSecurity.ActualAuthorizer;
import io.serverlessspring.shell.state.ActualHttpSecurity.ActualDomainMapping;
import io.serverlessspring.shell.state.ActualHttpSecurity.ActualRest;
import io.serverlessspring.shell.state.ActualHttpSecurity.ActualRoute;
import io.serverlessspring.shell.state.ActualHttpSecurity.ActualUsagePlan;
import io.serverlessspring.shell.state.ActualStage.ActualFunctionUrl;
import io.serverlessspring.shell.state.ActualStage.ActualHttpApi;
import io.serverlessspring.shell.state.ActualStage.ActualRestApi;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.apigateway.model.ApiKey;
import software.amazon.awssdk.services.apigateway.model.Resource;
import software.amazon.awssdk.services.apigateway.model.RestApi;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.Api;
import software.amazon.awssdk.services.apigatewayv2.model.Cors;
import software.amazon.awssdk.services.apigatewayv2.model.Route;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** Reads the stage's HTTP fronts and everything that guards them, by name and tags. Read-only calls. */
public final class HttpStateReader {

	private HttpStateReader() {
	}

	/** The HTTP API named after the function and tagged as ours; never an untagged namesake. */
	public static ActualHttpApi httpApi(AwsClients clients, String function) {
		ApiGatewayV2Client client = clients.apiGatewayV2();
		Api api = ApiGatewayV2Apis.find(client, (candidate) -> ResourceNames.api(function).equals(candidate.name())
				&& candidate.tags() != null && StageTags.ours(candidate.tags(), function));
		if (api == null) {
			return null;
		}
		return new ActualHttpApi(api.apiId(), api.apiEndpoint(), api.tags(), ApiGatewayV2Apis.integrations(client, api.apiId()),
				ApiGatewayV2Apis.routes(client, api.apiId()), ApiGatewayV2Apis.stages(client, api.apiId()));
	}

	public static ActualRestApi restApi(AwsClients clients, String function) {
		List<RestApi> apis;
		try {
			apis = clients.apiGateway().getRestApis(b -> b.limit(500)).items();
		}
		catch (AwsServiceException ex) {
			if (unsupported(clients, ex)) {
				// An emulator without API Gateway v1: no REST API can exist there.
				return null;
			}
			throw ex;
		}
		for (RestApi api : apis) {
			if (ResourceNames.api(function).equals(api.name()) && api.tags() != null
					&& StageTags.ours(api.tags(), function)) {
				return new ActualRestApi(api.id(), api.tags());
			}
		}
		return null;
	}

	public static ActualFunctionUrl functionUrl(AwsClients clients, String function) {
		try {
			var url = clients.lambda().getFunctionUrlConfig(b -> b.functionName(function).qualifier(ResourceNames.ALIAS));
			return new ActualFunctionUrl(url.functionUrl(), url.authTypeAsString(), cors(url.cors()));
		}
		catch (ResourceNotFoundException ex) {
			return null;
		}
	}

	/**
	 * What guards the fronts that exist.
	 *
	 * @param desired the desired settings (they name the access-log group and API keys), or
	 * {@code null} when reading for undeploy
	 * @param forRemoval also read what only undeploy needs (keys tagged for the function, domain mappings)
	 */
	public static ActualHttpSecurity security(AwsClients clients, String function, String stageName,
			HttpSecuritySpec desired, ActualHttpApi httpApi, ActualRestApi restApi, boolean forRemoval) {
		// An API is read even when no guard is wanted: guards removed from the settings are planned off it.
		HttpSecuritySpec.Cors cors = null;
		ActualRoute route = null;
		Map<String, ActualAuthorizer> authorizers = new LinkedHashMap<>();
		ActualApiStage stage = null;
		String accessLogGroup = null;
		if (httpApi != null) {
			ApiGatewayV2Client v2 = clients.apiGatewayV2();
			cors = cors(v2.getApi(b -> b.apiId(httpApi.id())).corsConfiguration());
			for (Route r : v2.getRoutes(b -> b.apiId(httpApi.id())).items()) {
				if ("$default".equals(r.routeKey())) {
					route = new ActualRoute(r.authorizationTypeAsString(), r.authorizerId(), List.copyOf(r.authorizationScopes()));
				}
			}
			// The route's authorizer (GetAuthorizer: not every emulator lists authorizers).
			if (route != null && route.authorizerId() != null && authorizerDesired(desired)) {
				String authorizerId = route.authorizerId();
				var a = v2.getAuthorizer(b -> b.apiId(httpApi.id()).authorizerId(authorizerId));
				authorizers.put(authorizerId, new ActualAuthorizer(authorizerId, a.name(), a.authorizerTypeAsString(),
						a.jwtConfiguration() != null ? a.jwtConfiguration().issuer() : null,
						a.jwtConfiguration() != null ? List.copyOf(a.jwtConfiguration().audience()) : List.of(),
						a.authorizerUri(), a.authorizerResultTtlInSeconds(), Boolean.TRUE.equals(a.enableSimpleResponses())));
			}
			if (httpApi.stages().contains("$default")) {
				var s = v2.getStage(b -> b.apiId(httpApi.id()).stageName("$default"));
				var settings = s.defaultRouteSettings();
				stage = new ActualApiStage(
						(settings != null && settings.throttlingRateLimit() != null) ? settings.throttlingRateLimit() : 0,
						(settings != null && settings.throttlingBurstLimit() != null) ? settings.throttlingBurstLimit() : 0,
						(s.accessLogSettings() != null) ? s.accessLogSettings().destinationArn() : null,
						(s.accessLogSettings() != null) ? s.accessLogSettings().format() : null);
				if (stage.accessLogArn() != null && stage.accessLogArn().contains(":log-group:")) {
					accessLogGroup = logGroupIfExists(clients,
							stage.accessLogArn().substring(stage.accessLogArn().indexOf(":log-group:") + 11));
				}
			}
		}
		if (accessLogGroup == null && desired != null && desired.accessLog() != null) {
			accessLogGroup = logGroupIfExists(clients, desired.accessLog().logGroup());
		}
		if (accessLogGroup == null && forRemoval) {
			accessLogGroup = logGroupIfExists(clients, HttpSecuritySpec.defaultAccessLogGroup(function));
		}
		ActualRest rest = null;
		ActualUsagePlan usagePlan = null;
		Map<String, String> keys = new LinkedHashMap<>();
		if (restApi != null) {
			rest = rest(clients, restApi.id());
			if (stage == null) {
				stage = restStage(clients, restApi.id(), stageName);
			}
			if (accessLogGroup == null && stage != null && stage.accessLogArn() != null
					&& stage.accessLogArn().contains(":log-group:")) {
				accessLogGroup = logGroupIfExists(clients,
						stage.accessLogArn().substring(stage.accessLogArn().indexOf(":log-group:") + 11));
			}
		}
		if (restApi != null || forRemoval) {
			usagePlan = usagePlan(clients, function);
			List<String> wanted = (desired != null) ? desired.rest().apiKeys() : List.of();
			// Keys deploy made (tagged for the function) are read too, so one no longer named is deleted.
			keys.putAll(apiKeys(clients, function, wanted, forRemoval || restApi != null));
		}
		List<ActualDomainMapping> domains = forRemoval ? domainMappings(clients, httpApi, restApi) : List.of();
		return new ActualHttpSecurity(cors, route, authorizers, stage, accessLogGroup, rest, usagePlan, keys, domains);
	}

	private static boolean authorizerDesired(HttpSecuritySpec desired) {
		String type = (desired != null) ? desired.auth().type() : "NONE";
		return type.equals("JWT") || type.equals("COGNITO") || type.equals("LAMBDA");
	}

	private static ActualRest rest(AwsClients clients, String id) {
		var api = clients.apiGateway().getRestApi(b -> b.restApiId(id));
		String type = (api.endpointConfiguration() != null && !api.endpointConfiguration().typesAsStrings().isEmpty())
				? api.endpointConfiguration().typesAsStrings().get(0) : "EDGE";
		List<String> authorizations = new ArrayList<>();
		List<Boolean> keys = new ArrayList<>();
		List<String> authorizerIds = new ArrayList<>();
		List<Map<String, String>> preflights = new ArrayList<>();
		for (Resource resource : clients.apiGateway().getResources(b -> b.restApiId(id).limit(500)).items()) {
			if (resource.resourceMethods() != null && resource.resourceMethods().containsKey("ANY")) {
				var method = clients.apiGateway().getMethod(b -> b.restApiId(id).resourceId(resource.id()).httpMethod("ANY"));
				authorizations.add(method.authorizationType());
				keys.add(Boolean.TRUE.equals(method.apiKeyRequired()));
				authorizerIds.add(method.authorizerId());
				preflights.add(resource.resourceMethods().containsKey("OPTIONS") ? preflight(clients, id, resource.id()) : null);
			}
		}
		// API Gateway answers the policy JSON-escaped, with its own ARN where the policy said execute-api:/.
		String policy = (api.policy() == null || api.policy().isBlank()) ? null
				: api.policy().replace("\\\"", "\"").replace("\\/", "/")
					.replaceAll("arn:aws[a-z-]*:execute-api:[a-z0-9-]+:\\d{12}:" + id + "/", "execute-api:/");
		List<String> endpoints = (api.endpointConfiguration() != null) ? List.copyOf(api.endpointConfiguration().vpcEndpointIds())
				: List.of();
		return new ActualRest(type, List.copyOf(api.binaryMediaTypes()), endpoints, policy, authorizations, keys,
				authorizerIds, restAuthorizers(clients, id), preflights, gatewayResponses(clients, id));
	}

	/** The header values an OPTIONS mock's 204 integration response answers with (quotes removed). */
	private static Map<String, String> preflight(AwsClients clients, String id, String resourceId) {
		var method = clients.apiGateway().getMethod(b -> b.restApiId(id).resourceId(resourceId).httpMethod("OPTIONS"));
		var integration = method.methodIntegration();
		var response = (integration != null) ? integration.integrationResponses().get("204") : null;
		return headers((response != null) ? response.responseParameters() : Map.of(), "method.response.header.");
	}

	private static Map<String, ActualHttpSecurity.ActualRestAuthorizer> restAuthorizers(AwsClients clients, String id) {
		Map<String, ActualHttpSecurity.ActualRestAuthorizer> found = new LinkedHashMap<>();
		try {
			for (var a : clients.apiGateway().getAuthorizers(b -> b.restApiId(id).limit(500)).items()) {
				found.put(a.name(), new ActualHttpSecurity.ActualRestAuthorizer(a.id(), a.name(), a.typeAsString(),
						List.copyOf(a.providerARNs()), a.authorizerUri(), a.identitySource(), a.authorizerResultTtlInSeconds()));
			}
		}
		catch (AwsServiceException ex) {
			if (!unsupported(clients, ex)) {
				throw ex;
			}
		}
		return found;
	}

	/** The CORS gateway responses set on the API (API Gateway's built-in defaults count as none). */
	private static Map<String, Map<String, String>> gatewayResponses(AwsClients clients, String id) {
		Map<String, Map<String, String>> found = new LinkedHashMap<>();
		for (String type : HttpSecuritySpec.CORS_GATEWAY_RESPONSES) {
			try {
				var response = clients.apiGateway().getGatewayResponse(b -> b.restApiId(id).responseType(type));
				Map<String, String> headers = headers(response.responseParameters(), "gatewayresponse.header.");
				if (!Boolean.TRUE.equals(response.defaultResponse()) || !headers.isEmpty()) {
					found.put(type, headers);
				}
			}
			catch (software.amazon.awssdk.services.apigateway.model.NotFoundException ex) {
				// not set
			}
			catch (AwsServiceException ex) {
				if (!unsupported(clients, ex)) {
					throw ex;
				}
			}
		}
		return found;
	}

	/** {@code prefix + name -> 'value'} parameters as {@code name -> value}. */
	private static Map<String, String> headers(Map<String, String> parameters, String prefix) {
		Map<String, String> headers = new LinkedHashMap<>();
		(parameters != null ? parameters : Map.<String, String>of()).forEach((key, value) -> {
			if (key.startsWith(prefix) && value != null) {
				headers.put(key.substring(prefix.length()),
						(value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) ? value.substring(1, value.length() - 1)
								: value);
			}
		});
		return headers;
	}

	private static ActualApiStage restStage(AwsClients clients, String id, String stageName) {
		try {
			var stage = clients.apiGateway().getStage(b -> b.restApiId(id).stageName(stageName));
			var settings = stage.methodSettings().get("*/*");
			var log = stage.accessLogSettings();
			return new ActualApiStage(
					(settings != null && settings.throttlingRateLimit() != null) ? settings.throttlingRateLimit() : 0,
					(settings != null && settings.throttlingBurstLimit() != null) ? settings.throttlingBurstLimit() : 0,
					(log != null && log.destinationArn() != null && !log.destinationArn().isBlank()) ? log.destinationArn() : null,
					(log != null) ? log.format() : null);
		}
		catch (software.amazon.awssdk.services.apigateway.model.NotFoundException ex) {
			return null;
		}
	}

	private static ActualUsagePlan usagePlan(AwsClients clients, String function) {
		try {
			for (var plan : clients.apiGateway().getUsagePlans(b -> b.limit(500)).items()) {
				if (function.equals(plan.name())) {
					List<String> names = new ArrayList<>();
					clients.apiGateway().getUsagePlanKeys(b -> b.usagePlanId(plan.id())).items().forEach(k -> names.add(k.name()));
					return new ActualUsagePlan(plan.id(), plan.name(), names);
				}
			}
		}
		catch (AwsServiceException ex) {
			if (!unsupported(clients, ex)) {
				throw ex;
			}
		}
		return null;
	}

	/** API keys by name: the desired ones that exist, and (with {@code tagged}) those tagged for the function. */
	private static Map<String, String> apiKeys(AwsClients clients, String function, List<String> wanted,
			boolean withTagged) {
		Map<String, String> keys = new LinkedHashMap<>();
		try {
			for (ApiKey key : clients.apiGateway().getApiKeys(b -> b.limit(500)).items()) {
				boolean tagged = key.tags() != null && StageTags.ours(key.tags(), function);
				if (wanted.contains(key.name()) || (withTagged && tagged)) {
					keys.putIfAbsent(key.name(), key.id());
				}
			}
		}
		catch (AwsServiceException ex) {
			if (!unsupported(clients, ex)) {
				throw ex;
			}
		}
		return keys;
	}

	private static List<ActualDomainMapping> domainMappings(AwsClients clients, ActualHttpApi httpApi,
			ActualRestApi restApi) {
		List<ActualDomainMapping> found = new ArrayList<>();
		try {
			if (httpApi != null || restApi != null) {
				for (var domain : clients.apiGatewayV2().getDomainNames(b -> { }).items()) {
					for (var mapping : clients.apiGatewayV2()
						.getApiMappings(b -> b.domainName(domain.domainName()))
						.items()) {
						boolean ours = (httpApi != null && httpApi.id().equals(mapping.apiId()))
								|| (restApi != null && restApi.id().equals(mapping.apiId()));
						if (ours) {
							found.add(new ActualDomainMapping(domain.domainName(), mapping.apiMappingKey(),
									mapping.apiMappingId(), true));
						}
					}
				}
			}
		}
		catch (AwsServiceException ex) {
			if (!unsupported(clients, ex)) {
				throw ex;
			}
		}
		return found;
	}

	private static String logGroupIfExists(AwsClients clients, String name) {
		return clients.logs()
			.describeLogGroups(b -> b.logGroupNamePrefix(name))
			.logGroups()
			.stream()
			.anyMatch(group -> name.equals(group.logGroupName())) ? name : null;
	}

	static HttpSecuritySpec.Cors cors(Cors cors) {
		if (cors == null || cors.allowOrigins().isEmpty()) {
			return null;
		}
		return new HttpSecuritySpec.Cors(List.copyOf(cors.allowOrigins()), List.copyOf(cors.allowMethods()),
				List.copyOf(cors.allowHeaders()), List.copyOf(cors.exposeHeaders()), Boolean.TRUE.equals(cors.allowCredentials()),
				cors.maxAge() != null ? cors.maxAge() : 0);
	}

	static HttpSecuritySpec.Cors cors(software.amazon.awssdk.services.lambda.model.Cors cors) {
		if (cors == null || cors.allowOrigins().isEmpty()) {
			return null;
		}
		return new HttpSecuritySpec.Cors(List.copyOf(cors.allowOrigins()), List.copyOf(cors.allowMethods()),
				List.copyOf(cors.allowHeaders()), List.copyOf(cors.exposeHeaders()), Boolean.TRUE.equals(cors.allowCredentials()),
				cors.maxAge() != null ? cors.maxAge() : 0);
	}

	/**
	 * A REST API stage's invoke URL: the execute-api host on AWS; on an emulator (endpoint override)
	 * the local form {@code <endpoint>/restapis/<id>/<stage>/_user_request_/}, which serverless-local
	 * (and LocalStack) serve.
	 */
	public static String restApiUrl(io.serverlessspring.shell.aws.AwsTarget target, String id, String stage) {
		if (target.emulated()) {
			String endpoint = target.endpoint().toString();
			endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
			return endpoint + "/restapis/" + id + "/" + stage + "/_user_request_/";
		}
		return "https://" + id + ".execute-api." + target.region() + ".amazonaws.com/" + stage + "/";
	}

	/** An emulator without this service or operation: nothing of it can exist there. */
	private static boolean unsupported(AwsClients clients, AwsServiceException ex) {
		return clients.target().emulated() && (ex.statusCode() == 404 || ex.statusCode() == 501 || (ex.awsErrorDetails() != null
				&& String.valueOf(ex.awsErrorDetails().errorCode()).matches("UnknownService.*|.*NotImplemented.*|UnknownOperation.*")));
	}

}
