package io.serverlessspring.shell.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.serverlessspring.boot.naming.Arns;
import io.serverlessspring.shell.model.DesiredStage;
import io.serverlessspring.shell.model.HttpSecuritySpec;
import io.serverlessspring.shell.state.ActualHttpSecurity;
import io.serverlessspring.shell.state.ActualHttpSecurity.ActualRest;
import io.serverlessspring.shell.state.ActualHttpSecurity.ActualRestAuthorizer;
import io.serverlessspring.shell.state.ActualStage;

/**
 * Plans what guards a REST API, each part from the desired settings and what the reader found: API
 * settings (endpoint type, VPC endpoints, binary types, resource policy), the authorizer and the
 * methods' authorization, CORS (OPTIONS mocks and gateway responses), the stage's throttling and
 * access log, API keys. Planned on every deploy of a REST API, so a setting removed is taken off.
 */
final class RestApiSecurityPlanner {

	private RestApiSecurityPlanner() {
	}

	static void plan(DesiredStage desired, ActualStage actual, HttpSecuritySpec security, List<ResourceChange> changes) {
		boolean exists = actual.restApi() != null && actual.security().rest() != null;
		Value apiId = (actual.restApi() != null) ? Value.known(actual.restApi().id()) : Value.ref(Value.REST_API_ID);
		ActualRest rest = exists ? actual.security().rest() : null;
		settings(security.rest(), rest, apiId, changes);

		HttpSecuritySpec.Auth auth = security.auth();
		String authorization = authorization(auth);
		Map<String, ActualRestAuthorizer> authorizers = exists ? rest.authorizers() : Map.of();
		String wantedName = authorizerName(desired, auth);
		ActualRestAuthorizer current = (wantedName != null) ? authorizers.get(wantedName) : null;
		Value authorizerId = (wantedName != null) ? authorizer(desired, auth, wantedName, current, apiId, changes) : null;
		permission(desired, actual, auth, apiId, current, changes);
		methods(desired, security, rest, apiId, authorization, authorizerId, changes);
		// Authorizers no longer wanted go once no method uses them.
		for (ActualRestAuthorizer old : authorizers.values()) {
			if (!old.name().equals(wantedName) && ours(desired, old.name())) {
				changes.add(new HttpSecurityChanges.RestAuthorizer(Action.DELETE, apiId, old.id(), old.name(), old.type(),
						null, List.of(), old.providerArns(), null, 0, "no longer used", List.of()));
			}
		}
		cors(desired, security.cors(), rest, apiId, changes);
		stage(desired, actual, security, exists, apiId, changes);
		if (!security.rest().apiKeys().isEmpty()) {
			HttpSecurityPlanner.apiKeys(desired, actual, security.rest(), apiId, changes);
		}
		removedApiKeys(security.rest(), actual.security(), changes);
	}

	/**
	 * Keys deploy made (tagged for the function) that the settings no longer name are deleted, with their
	 * usage-plan entry; with no key left wanted, the usage plan named after the function goes too.
	 */
	private static void removedApiKeys(HttpSecuritySpec.Rest wanted, ActualHttpSecurity found, List<ResourceChange> changes) {
		ActualHttpSecurity.ActualUsagePlan plan = found.usagePlan();
		Value planId = (plan != null) ? Value.known(plan.id()) : null;
		found.apiKeys().forEach((name, id) -> {
			if (!wanted.apiKeys().contains(name)) {
				changes.add(new HttpSecurityChanges.ApiKey(Action.DELETE, name, id, planId, Map.of(), "no longer named",
						List.of(FieldChange.of("usage plan", (planId != null) ? planId.toString() : null, null))));
			}
		});
		if (plan != null && wanted.apiKeys().isEmpty()) {
			changes.add(new HttpSecurityChanges.UsagePlan(Action.DELETE, plan.name(), plan.id(), null, null, 0, null, 0, 0,
					"no API keys", List.of()));
		}
	}

	/** Endpoint type, VPC endpoints (added and removed), binary media types, resource policy (set, changed, removed). */
	private static void settings(HttpSecuritySpec.Rest wanted, ActualRest rest, Value apiId, List<ResourceChange> changes) {
		boolean exists = rest != null;
		// A new REST API is REGIONAL, without binary types, policy or VPC endpoints.
		String currentType = exists ? rest.endpointType() : "REGIONAL";
		List<String> binaries = exists ? rest.binaryMediaTypes() : List.of();
		List<String> add = wanted.binaryMediaTypes().stream().filter(t -> !binaries.contains(t)).toList();
		List<String> remove = binaries.stream().filter(t -> !wanted.binaryMediaTypes().contains(t)).toList();
		List<String> endpoints = exists ? rest.vpcEndpointIds() : List.of();
		List<String> wantedEndpoints = "PRIVATE".equals(wanted.endpointType()) ? wanted.vpcEndpointIds() : List.of();
		List<String> addEndpoints = wantedEndpoints.stream().filter(e -> !endpoints.contains(e)).toList();
		List<String> removeEndpoints = endpoints.stream().filter(e -> !wantedEndpoints.contains(e)).toList();
		String currentPolicy = exists ? rest.policy() : null;
		boolean policySet = exists && rest.policySet();
		boolean policyWanted = wanted.resourcePolicy() != null && !wanted.resourcePolicy().isBlank();
		// null: leave it; "": remove it.
		String policy = policyWanted
				? ((policySet && Diff.sameJson(currentPolicy, wanted.resourcePolicy())) ? null : wanted.resourcePolicy())
				: (policySet ? "" : null);
		if (!wanted.endpointType().equals(currentType) || !add.isEmpty() || !remove.isEmpty() || !addEndpoints.isEmpty()
				|| !removeEndpoints.isEmpty() || policy != null) {
			changes.add(new HttpSecurityChanges.RestSettings(Action.UPDATE, apiId, currentType, wanted.endpointType(), add,
					remove, addEndpoints, removeEndpoints, policy, "endpoint type, binary media types, VPC endpoints, policy",
					new Diff().field("endpoint type", currentType, wanted.endpointType())
						.set("binary media types", binaries, wanted.binaryMediaTypes())
						.set("VPC endpoints", endpoints, wantedEndpoints)
						.field("resource policy", (policy != null) ? currentPolicy : null,
								(policy != null) ? (policy.isEmpty() ? "none" : policy) : null)
						.fields()));
		}
	}

	/** The methods' authorization type for the auth settings; a JWT authorizer exists only on HTTP APIs. */
	static String authorization(HttpSecuritySpec.Auth auth) {
		return switch (auth.type()) {
			case "AWS_IAM" -> "AWS_IAM";
			case "COGNITO" -> "COGNITO_USER_POOLS";
			case "LAMBDA" -> "CUSTOM";
			case "JWT" -> throw new IllegalArgumentException("serverless.http.auth.type=jwt needs an HTTP API "
					+ "(serverless.http.type: http-api); a REST API takes cognito or lambda");
			default -> "NONE";
		};
	}

	/** The REST authorizer's name ({@code null}: none wanted), as {@code template} names it. */
	private static String authorizerName(DesiredStage desired, HttpSecuritySpec.Auth auth) {
		return switch (auth.type()) {
			case "COGNITO" -> desired.functionName() + "-cognito";
			case "LAMBDA" -> desired.functionName() + "-authorizer";
			default -> null;
		};
	}

	private static boolean ours(DesiredStage desired, String name) {
		return name.equals(desired.functionName() + "-cognito") || name.equals(desired.functionName() + "-authorizer");
	}

	/** Creates or updates the wanted authorizer; returns its id (a reference when this plan creates it). */
	private static Value authorizer(DesiredStage desired, HttpSecuritySpec.Auth auth, String name,
			ActualRestAuthorizer current, Value apiId, List<ResourceChange> changes) {
		boolean cognito = "COGNITO".equals(auth.type());
		String type = cognito ? "COGNITO_USER_POOLS" : auth.lambdaType();
		List<String> pools = cognito
				? List.of(HttpSecurityPlanner.required(auth.cognitoUserPoolArn(), "serverless.http.auth.cognito.user-pool-arn"))
				: List.of();
		String uri = cognito ? null : Arns.lambdaInvocationUri(desired.region(), HttpSecurityPlanner.authorizerFunction(desired, auth));
		String identity = cognito ? "method.request.header.Authorization"
				: HttpSecuritySpec.Auth.restIdentitySource(auth.lambdaIdentitySource());
		// API Gateway keeps a Cognito authorizer's TTL at its default; only a Lambda one is compared.
		Integer ttl = cognito ? ((current != null) ? current.ttlSeconds() : null) : Integer.valueOf(auth.lambdaTtlSeconds());
		Diff diff = new Diff().field("type", (current != null) ? current.type() : null, type)
			.field("identity source", (current != null) ? current.identitySource() : null, identity)
			.set("user pools", (current != null) ? current.providerArns() : List.of(), pools)
			.field("uri", (current != null) ? current.uri() : null, uri)
			.field("ttl seconds", (current != null) ? current.ttlSeconds() : null, ttl);
		if (!diff.isEmpty()) {
			changes.add(new HttpSecurityChanges.RestAuthorizer((current == null) ? Action.CREATE : Action.UPDATE, apiId,
					(current != null) ? current.id() : null, name, type, identity, pools,
					(current != null) ? current.providerArns() : List.of(), uri, cognito ? 300 : auth.lambdaTtlSeconds(),
					cognito ? "Cognito " + pools.get(0) : type + " Lambda " + uri, diff.fields()));
		}
		return (current != null) ? Value.known(current.id()) : Value.ref(Value.AUTHORIZER_ID);
	}

	/** The invoke permission of a Lambda authorizer bean (granted for this API), removed when none is used. */
	private static void permission(DesiredStage desired, ActualStage actual, HttpSecuritySpec.Auth auth, Value apiId,
			ActualRestAuthorizer current, List<ResourceChange> changes) {
		String statement = actual.permissions().get(HttpSecurityPlanner.AUTHORIZER_PERMISSION);
		if ("LAMBDA".equals(auth.type())) {
			boolean own = auth.lambdaFunctionArn() == null;
			boolean granted = own
					? statement != null && apiId instanceof Value.Known known && statement.contains(known.value())
					: current != null;
			if (!granted) {
				changes.add(HttpSecurityPlanner.authorizerPermission(desired, auth, apiId, Value.REST_API_ID,
						(own && statement != null) ? Action.REPLACE : Action.CREATE));
			}
		}
		else if (statement != null) {
			changes.add(HttpPlanner.removePermission(desired.functionName(), HttpSecurityPlanner.AUTHORIZER_PERMISSION,
					"no Lambda authorizer"));
		}
	}

	/** The ANY methods' authorization, authorizer and key requirement, compared with each method. */
	private static void methods(DesiredStage desired, HttpSecuritySpec security, ActualRest rest, Value apiId,
			String authorization, Value authorizerId, List<ResourceChange> changes) {
		boolean keys = !security.rest().apiKeys().isEmpty();
		// A REST API this plan creates gets an authorization without authorizer and the key requirement when made.
		String created = (HttpSecurityPlanner.methodAuthorization(security) != null)
				? HttpSecurityPlanner.methodAuthorization(security) : "NONE";
		List<String> authorizations = (rest != null) ? rest.methodAuthorizations() : List.of(created);
		List<Boolean> required = (rest != null) ? rest.methodKeysRequired() : List.of(keys);
		List<String> authorizerIds = (rest != null) ? rest.methodAuthorizerIds() : Collections.singletonList(null);
		String wantedAuthorizer = (authorizerId instanceof Value.Known known) ? known.value() : null;
		boolean authorizationDiffers = authorizations.stream().anyMatch(a -> !authorization.equals(a))
				|| authorizerId instanceof Value.Ref
				|| authorizerIds.stream().anyMatch(a -> !Objects.equals(Diff.emptyToNull(a), wantedAuthorizer));
		boolean keysDiffer = required.stream().anyMatch(r -> r != keys);
		if (authorizationDiffers || keysDiffer) {
			List<String> currentAuthorizers = authorizerIds.stream().filter(Objects::nonNull).distinct().toList();
			changes.add(new HttpSecurityChanges.RestMethods(Action.UPDATE, apiId, desired.stage(),
					authorizationDiffers ? authorization : null, authorizationDiffers ? authorizerId : null, keys,
					"authorization " + (authorizationDiffers ? authorization : "unchanged") + (keys ? ", API key required" : ""),
					new Diff().set("authorization", authorizations, List.of(authorization))
						.set("authorizer", currentAuthorizers,
								(authorizerId != null) ? List.of(authorizerId.toString()) : List.of())
						.field("API key required", required, List.of(keys))
						.fields()));
		}
	}

	/** The OPTIONS mocks and gateway responses, made, changed or removed as a whole. */
	private static void cors(DesiredStage desired, HttpSecuritySpec.Cors cors, ActualRest rest, Value apiId,
			List<ResourceChange> changes) {
		Map<String, String> preflight = (cors != null) ? cors.restPreflightHeaders() : null;
		Map<String, String> gateway = (cors != null) ? cors.restGatewayResponseHeaders() : null;
		List<Map<String, String>> preflights = (rest != null) ? rest.preflights() : Collections.singletonList(null);
		Map<String, Map<String, String>> responses = (rest != null) ? rest.gatewayResponses() : Map.of();
		List<Map<String, String>> currentResponses = new ArrayList<>();
		HttpSecuritySpec.CORS_GATEWAY_RESPONSES.forEach(type -> currentResponses.add(responses.get(type)));
		Map<String, String> current = preflights.stream().filter(Objects::nonNull).findFirst().orElse(null);
		if (cors != null) {
			boolean same = preflights.stream().allMatch(preflight::equals)
					&& currentResponses.stream().allMatch(gateway::equals);
			if (!same) {
				changes.add(new HttpSecurityChanges.RestCors((current == null) ? Action.CREATE : Action.UPDATE, apiId,
						desired.stage(), preflight, gateway, String.join(", ", cors.origins()),
						new Diff().field("preflight headers", current, preflight)
							.field("gateway response headers", currentResponses.get(0), gateway)
							.fields()));
			}
		}
		else if (current != null || currentResponses.stream().anyMatch(r -> r != null
				&& r.containsKey("Access-Control-Allow-Origin"))) {
			changes.add(new HttpSecurityChanges.RestCors(Action.DELETE, apiId, desired.stage(), null, null, "none",
					List.of(FieldChange.of("preflight headers", current, null))));
		}
	}

	/** Throttling of every method and the access log of the stage (the log group first). */
	private static void stage(DesiredStage desired, ActualStage actual, HttpSecuritySpec security, boolean exists,
			Value apiId, List<ResourceChange> changes) {
		HttpSecuritySpec.AccessLog log = security.accessLog();
		HttpSecurityPlanner.accessLogGroup(desired, actual, changes);
		ActualHttpSecurity.ActualApiStage stage = exists ? actual.security().stage() : null;
		boolean throttled = security.throttleRate() > 0 || security.throttleBurst() > 0;
		double rate = throttled ? security.throttleRate() : 0;
		int burst = throttled ? security.throttleBurst() : 0;
		String logArn = (log != null) ? Arns.logGroup(desired.region(), desired.account(), log.logGroup()) : null;
		Diff diff = new Diff().field("throttling rate", (stage != null) ? stage.rateLimit() : 0.0, rate)
			.field("throttling burst", (stage != null) ? stage.burstLimit() : 0, burst)
			.field("access log", (stage != null) ? stage.accessLogArn() : null, logArn)
			.field("access log format", (stage != null && stage.accessLogArn() != null) ? stage.accessLogFormat() : null,
					(log != null) ? log.format() : null);
		if (!diff.isEmpty()) {
			changes.add(new HttpSecurityChanges.ApiStage(Action.UPDATE, apiId, desired.stage(), true, rate, burst, logArn,
					(log != null) ? log.format() : null,
					(throttled ? "throttling " + security.throttleRate() + "/s burst " + security.throttleBurst()
							: "no throttling") + ((log != null) ? ", access log " + log.logGroup() : ""),
					diff.fields()));
		}
	}

}
