package io.serverlessspring.shell.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import io.serverlessspring.boot.naming.Arns;
import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.shell.model.DesiredStage;
import io.serverlessspring.shell.model.HttpSecuritySpec;
import io.serverlessspring.shell.state.ActualHttpSecurity;
import io.serverlessspring.shell.state.ActualHttpSecurity.ActualAuthorizer;
import io.serverlessspring.shell.state.ActualStage;

/**
 * Plans {@code serverless.http.*} CORS, authorization, throttling, access log and REST settings:
 * each part compared with what the reader found, a change only where they differ.
 */
final class HttpSecurityPlanner {

	/** Statement id of the permission letting API Gateway call a Lambda authorizer. */
	static final String AUTHORIZER_PERMISSION = "serverless-authorizer";

	private HttpSecurityPlanner() {
	}

	static void plan(DesiredStage desired, ActualStage actual, List<ResourceChange> changes, List<String> unchanged) {
		HttpSecuritySpec security = desired.http().security();
		// Planned even with the defaults: a guard removed from the settings is taken off the API.
		security = (security != null) ? security : HttpSecuritySpec.NONE;
		int before = changes.size();
		switch (desired.http().type()) {
			case HTTP_API -> httpApi(desired, actual, security, changes);
			case REST_API -> RestApiSecurityPlanner.plan(desired, actual, security, changes);
			case FUNCTION_URL -> {
				ActualStage.ActualFunctionUrl url = actual.functionUrl();
				HttpSecuritySpec.Cors current = (url != null) ? url.cors() : null;
				if (security.cors() != null && !sameCors(current, security.cors())) {
					changes.add(cors("function URL", Value.known(desired.functionName()), current, security.cors()));
				}
			}
			default -> {
			}
		}
		if (changes.size() == before && !security.isDefault()) {
			unchanged.add("HTTP settings (" + security.describe() + ")");
		}
	}

	private static void httpApi(DesiredStage desired, ActualStage actual, HttpSecuritySpec security,
			List<ResourceChange> changes) {
		ActualHttpSecurity found = (actual.httpApi() != null) ? actual.security() : ActualHttpSecurity.NONE;
		Value apiId = (actual.httpApi() != null) ? Value.known(actual.httpApi().id()) : Value.ref(Value.HTTP_API_ID);
		if (security.cors() != null && !sameCors(found.cors(), security.cors())) {
			changes.add(cors("HTTP API", apiId, found.cors(), security.cors()));
		}
		else if (security.cors() == null && found.cors() != null) {
			changes.add(new HttpSecurityChanges.Cors(Action.DELETE, "HTTP API", apiId, null, "none",
					List.of(FieldChange.of("origins", found.cors().origins(), null))));
		}
		authorization(desired, actual, security.auth(), found, apiId, changes);

		if (actual.httpApi() == null) {
			return; // the stage is made with its throttling and access log (HttpPlanner)
		}
		accessLogGroup(desired, actual, changes);
		HttpSecuritySpec.AccessLog log = security.accessLog();
		boolean throttled = security.throttleRate() > 0 || security.throttleBurst() > 0;
		ActualHttpSecurity.ActualApiStage stage = found.stage();
		double rate = throttled ? security.throttleRate() : 0;
		int burst = throttled ? security.throttleBurst() : 0;
		String logArn = (log != null) ? Arns.logGroup(desired.region(), desired.account(), log.logGroup()) : null;
		Diff diff = new Diff();
		diff.field("throttling rate", (stage != null) ? stage.rateLimit() : 0.0, rate)
			.field("throttling burst", (stage != null) ? stage.burstLimit() : 0, burst)
			.field("access log", (stage != null) ? stage.accessLogArn() : null, logArn)
			.field("access log format", (stage != null && stage.accessLogArn() != null) ? stage.accessLogFormat() : null,
					(log != null) ? log.format() : null);
		if (!diff.isEmpty()) {
			changes.add(new HttpSecurityChanges.ApiStage(Action.UPDATE, apiId, "$default", false, rate, burst, logArn,
					(log != null) ? log.format() : null,
					(throttled ? "throttling " + security.throttleRate() + "/s burst " + security.throttleBurst()
							: "no throttling") + (log != null ? ", access log " + log.logGroup() : ""),
					diff.fields()));
		}
	}

	private static void authorization(DesiredStage desired, ActualStage actual, HttpSecuritySpec.Auth auth,
			ActualHttpSecurity found, Value apiId, List<ResourceChange> changes) {
		ActualHttpSecurity.ActualRoute route = found.route();
		ActualAuthorizer current = (route != null && route.authorizerId() != null)
				? found.authorizers().get(route.authorizerId()) : null;
		String type;
		Value authorizerId = null;
		List<String> scopes = List.of();
		switch (auth.type()) {
			case "AWS_IAM" -> type = "AWS_IAM";
			case "JWT", "COGNITO" -> {
				type = "JWT";
				authorizerId = jwtAuthorizer(desired, auth, current, apiId, changes);
				scopes = auth.scopes();
			}
			case "LAMBDA" -> {
				type = "CUSTOM";
				authorizerId = lambdaAuthorizer(desired, actual, auth, current, apiId, changes);
			}
			default -> type = "NONE";
		}
		String currentType = (route != null && route.authorizationType() != null) ? route.authorizationType() : "NONE";
		String currentAuthorizer = (route != null) ? route.authorizerId() : null;
		String wantedAuthorizer = (authorizerId instanceof Value.Known known) ? known.value() : null;
		// Without an authorizer wanted, one the route still names is not used (NONE/AWS_IAM ignore it).
		boolean same = type.equals(currentType) && !(authorizerId instanceof Value.Ref)
				&& (authorizerId == null || Objects.equals(wantedAuthorizer, currentAuthorizer))
				&& lower(scopes).equals(lower(route != null ? route.scopes() : List.of()));
		if (!same) {
			changes.add(new HttpSecurityChanges.RouteAuthorization(Action.UPDATE, apiId, type, authorizerId, scopes,
					"authorization " + type, new Diff().field("authorization", currentType, type)
						.field("authorizer", currentAuthorizer, (authorizerId != null) ? authorizerId.toString() : null)
						.field("scopes", (route != null) ? route.scopes() : null, scopes)
						.fields()));
		}
	}

	private static Value jwtAuthorizer(DesiredStage desired, HttpSecuritySpec.Auth auth, ActualAuthorizer current,
			Value apiId, List<ResourceChange> changes) {
		String issuer;
		List<String> audiences;
		if ("COGNITO".equals(auth.type())) {
			String pool = required(auth.cognitoUserPoolArn(), "serverless.http.auth.cognito.user-pool-arn");
			String[] parts = pool.split(":");
			issuer = "https://cognito-idp." + (parts.length > 3 ? parts[3] : desired.region()) + ".amazonaws.com/"
					+ pool.substring(pool.lastIndexOf('/') + 1);
			audiences = auth.cognitoClientIds();
		}
		else {
			issuer = required(auth.jwtIssuer(), "serverless.http.auth.jwt.issuer");
			audiences = auth.jwtAudiences();
		}
		String name = desired.functionName() + "-jwt";
		boolean jwt = current != null && "JWT".equals(current.type());
		if (jwt && issuer.equals(current.issuer()) && lower(audiences).equals(lower(current.audiences()))) {
			return Value.known(current.id());
		}
		Action action = jwt ? Action.UPDATE : Action.CREATE;
		changes.add(new HttpSecurityChanges.Authorizer(action, apiId, jwt ? current.id() : null, name, "JWT",
				auth.jwtIdentitySource(), issuer, audiences, null, 0, false, "JWT, issuer " + issuer,
				new Diff().field("issuer", jwt ? current.issuer() : null, issuer)
					.set("audiences", jwt ? current.audiences() : List.of(), audiences)
					.fields()));
		return jwt ? Value.known(current.id()) : Value.ref(Value.AUTHORIZER_ID);
	}

	private static Value lambdaAuthorizer(DesiredStage desired, ActualStage actual, HttpSecuritySpec.Auth auth,
			ActualAuthorizer current, Value apiId, List<ResourceChange> changes) {
		String function = authorizerFunction(desired, auth);
		String uri = Arns.lambdaInvocationUri(desired.region(), function);
		String name = desired.functionName() + "-authorizer";
		boolean request = current != null && "REQUEST".equals(current.type());
		Value id = request ? Value.known(current.id()) : Value.ref(Value.AUTHORIZER_ID);
		boolean same = request && uri.equals(current.uri())
				&& Objects.equals(current.ttlSeconds(), auth.lambdaTtlSeconds())
				&& current.simpleResponses() == auth.lambdaSimpleResponses();
		if (!same) {
			changes.add(new HttpSecurityChanges.Authorizer(request ? Action.UPDATE : Action.CREATE, apiId,
					request ? current.id() : null, name, "REQUEST", auth.lambdaIdentitySource(), null, List.of(), uri,
					auth.lambdaTtlSeconds(), auth.lambdaSimpleResponses(), "Lambda " + function,
					new Diff().field("uri", request ? current.uri() : null, uri)
						.field("ttl seconds", request ? current.ttlSeconds() : null, auth.lambdaTtlSeconds())
						.field("simple responses", request ? current.simpleResponses() : null, auth.lambdaSimpleResponses())
						.fields()));
		}
		boolean own = auth.lambdaFunctionArn() == null;
		boolean granted = own ? actual.permissions().containsKey(AUTHORIZER_PERMISSION) : request;
		if (!granted) {
			changes.add(authorizerPermission(desired, auth, apiId, Value.HTTP_API_ID, Action.CREATE));
		}
		return id;
	}

	/**
	 * The permission letting API Gateway ({@code apiId}, or the API this plan makes: {@code apiOutput}) call
	 * the Lambda authorizer: the stage's alias (a bean) or the given function.
	 */
	static HttpChanges.Permission authorizerPermission(DesiredStage desired, HttpSecuritySpec.Auth auth, Value apiId,
			String apiOutput, Action action) {
		boolean own = auth.lambdaFunctionArn() == null;
		String function = own ? desired.functionName() : auth.lambdaFunctionArn();
		String prefix = Arns.executeApi(desired.region(), desired.account(), "", "");
		Value source = (apiId instanceof Value.Known known)
				? Value.known(Arns.executeApi(desired.region(), desired.account(), known.value(), "/authorizers/*"))
				: Value.ref(prefix, apiOutput, "/authorizers/*");
		return new HttpChanges.Permission(action, function, own ? ResourceNames.ALIAS : null, AUTHORIZER_PERMISSION,
				"apigateway.amazonaws.com", "lambda:InvokeFunction", source, null, null, "API Gateway may call the authorizer",
				List.of(FieldChange.of("source", null, source.toString())));
	}

	/** The function a Lambda authorizer invokes: the given ARN, or the stage's alias when it is a bean. */
	static String authorizerFunction(DesiredStage desired, HttpSecuritySpec.Auth auth) {
		return (auth.lambdaFunctionArn() != null) ? auth.lambdaFunctionArn()
				: (auth.lambdaBean() != null) ? desired.aliasArn()
						: required(null, "serverless.http.auth.lambda.bean or serverless.http.auth.lambda.function-arn");
	}

	/** The access-log group, planned before the stage that logs to it. */
	static void accessLogGroup(DesiredStage desired, ActualStage actual, List<ResourceChange> changes) {
		HttpSecuritySpec security = desired.http().security();
		HttpSecuritySpec.AccessLog log = (security != null) ? security.accessLog() : null;
		if (log != null && actual.security().accessLogGroup() == null) {
			changes.add(new StageChanges.LogGroup(Action.CREATE, log.logGroup(), log.retentionDays(), desired.tags(),
					"access log", List.of(FieldChange.of("retention days", null, log.retentionDays()))));
		}
	}

	/** The stage settings a new HTTP API's {@code $default} stage is made with; {@code null}: none. */
	static HttpChanges.StageSettings stageSettings(DesiredStage desired) {
		HttpSecuritySpec security = desired.http().security();
		if (security == null) {
			return null;
		}
		HttpSecuritySpec.AccessLog log = security.accessLog();
		boolean throttled = security.throttleRate() > 0 || security.throttleBurst() > 0;
		if (!throttled && log == null) {
			return null;
		}
		return new HttpChanges.StageSettings(throttled ? security.throttleRate() : 0, throttled ? security.throttleBurst() : 0,
				(log != null) ? Arns.logGroup(desired.region(), desired.account(), log.logGroup()) : null,
				(log != null) ? log.format() : null);
	}

	/** The authorization a new REST API's methods are made with ({@code null}: none yet, one with an authorizer is set after it). */
	static String methodAuthorization(HttpSecuritySpec security) {
		String type = (security != null) ? security.auth().type() : "NONE";
		return switch (type) {
			case "AWS_IAM" -> "AWS_IAM";
			case "NONE" -> "NONE";
			default -> null;
		};
	}

	static boolean apiKeyRequired(HttpSecuritySpec security) {
		return security != null && !security.rest().apiKeys().isEmpty();
	}

	static void apiKeys(DesiredStage desired, ActualStage actual, HttpSecuritySpec.Rest rest, Value apiId,
			List<ResourceChange> changes) {
		ActualHttpSecurity.ActualUsagePlan plan = actual.security().usagePlan();
		Value planId;
		if (plan == null) {
			String name = desired.functionName();
			changes.add(new HttpSecurityChanges.UsagePlan(Action.CREATE, name, null, apiId, desired.stage(),
					rest.quotaLimit(), rest.quotaPeriod(), rest.keyRateLimit(), rest.keyBurstLimit(), "",
					new Diff().field("quota", null, rest.quotaLimit() > 0 ? rest.quotaLimit() + "/" + rest.quotaPeriod() : null)
						.field("rate", null, rest.keyRateLimit() > 0 ? rest.keyRateLimit() : null)
						.fields()));
			planId = Value.ref(Value.USAGE_PLAN_ID);
		}
		else {
			planId = Value.known(plan.id());
		}
		List<String> inPlan = (plan != null) ? plan.keyNames() : List.of();
		for (String key : rest.apiKeys()) {
			if (!inPlan.contains(key)) {
				changes.add(new HttpSecurityChanges.ApiKey(Action.CREATE, key, actual.security().apiKeys().get(key), planId,
						desired.tags(), "in usage plan " + desired.functionName(),
						List.of(FieldChange.of("usage plan", null, planId.toString()))));
			}
		}
	}

	static HttpSecurityChanges.Cors cors(String front, Value target, HttpSecuritySpec.Cors current,
			HttpSecuritySpec.Cors wanted) {
		return new HttpSecurityChanges.Cors((current == null) ? Action.CREATE : Action.UPDATE, front, target, wanted,
				String.join(", ", wanted.origins()),
				new Diff().set("origins", current != null ? current.origins() : List.of(), wanted.origins())
					.set("methods", current != null ? current.methods() : List.of(), wanted.methods())
					.set("headers", current != null ? current.headers() : List.of(), wanted.headers())
					.set("exposed headers", current != null ? current.exposedHeaders() : List.of(), wanted.exposedHeaders())
					.field("credentials", current != null ? current.credentials() : null, wanted.credentials())
					.field("max age", current != null ? current.maxAgeSeconds() : null, wanted.maxAgeSeconds())
					.fields());
	}

	static boolean sameCors(HttpSecuritySpec.Cors current, HttpSecuritySpec.Cors wanted) {
		if (current == null || wanted == null) {
			return current == wanted;
		}
		return lower(current.origins()).equals(lower(wanted.origins()))
				&& lower(current.methods()).equals(lower(wanted.methods()))
				&& lower(current.headers()).equals(lower(wanted.headers()))
				&& lower(current.exposedHeaders()).equals(lower(wanted.exposedHeaders()))
				&& current.credentials() == wanted.credentials() && current.maxAgeSeconds() == wanted.maxAgeSeconds();
	}

	static Set<String> lower(List<String> values) {
		Set<String> set = new LinkedHashSet<>();
		(values != null ? values : new ArrayList<String>()).forEach(v -> set.add(v.toLowerCase(Locale.ROOT)));
		return set;
	}

	static String required(String value, String setting) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(setting + " is required for this authorization type.");
		}
		return value;
	}

}
