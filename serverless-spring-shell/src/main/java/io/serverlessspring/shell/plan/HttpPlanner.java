package io.serverlessspring.shell.plan;

import java.util.List;
import java.util.Map;

import io.serverlessspring.boot.naming.Arns;
import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.boot.settings.HttpSettings;
import io.serverlessspring.shell.model.DesiredStage;
import io.serverlessspring.shell.state.ActualStage;

/** Plans the HTTP front (HTTP API, REST API, function URL; the load balancer by {@link AlbPlanner}) and the permission letting it invoke the alias. */
final class HttpPlanner {

	private HttpPlanner() {
	}

	static void plan(DesiredStage desired, ActualStage actual, List<ResourceChange> changes, List<String> unchanged) {
		HttpSettings.Type type = desired.http().type();
		String name = desired.http().name();
		String function = desired.functionName();
		// Remove fronts of another kind (the type setting changed).
		if (type != HttpSettings.Type.HTTP_API && actual.httpApi() != null) {
			changes.add(new HttpChanges.HttpApi(Action.DELETE, name, actual.httpApi().id(), null, function, Map.of(), null,
					"serverless.http.type is now " + type.name().toLowerCase().replace('_', '-'), List.of()));
		}
		if (type != HttpSettings.Type.REST_API && actual.restApi() != null) {
			changes.add(new HttpChanges.RestApi(Action.DELETE, name, actual.restApi().id(), null, null, null, null, false,
					Map.of(), "", List.of()));
		}
		if (type != HttpSettings.Type.FUNCTION_URL && actual.functionUrl() != null) {
			changes.add(new HttpChanges.FunctionUrl(Action.DELETE, function, ResourceNames.ALIAS, actual.functionUrl().url(),
					null, "", List.of()));
		}
		boolean apiFront = type == HttpSettings.Type.HTTP_API || type == HttpSettings.Type.REST_API;
		if (!apiFront && actual.permissions().containsKey(Planner.HTTP_PERMISSION)) {
			changes.add(removePermission(function, Planner.HTTP_PERMISSION, ""));
		}
		if (type != HttpSettings.Type.FUNCTION_URL && actual.permissions().containsKey(Planner.URL_PERMISSION)) {
			changes.add(removePermission(function, Planner.URL_PERMISSION, ""));
		}
		switch (type) {
			case HTTP_API -> {
				ActualStage.ActualHttpApi api = actual.httpApi();
				if (api == null) {
					HttpSecurityPlanner.accessLogGroup(desired, actual, changes);
					changes.add(new HttpChanges.HttpApi(Action.CREATE, name, null, desired.aliasArn(), function,
							desired.tags(), HttpSecurityPlanner.stageSettings(desired),
							"integration -> " + ResourceNames.ALIAS + ", route $default, stage $default",
							List.of(FieldChange.of("integration", null, desired.aliasArn()))));
				}
				else {
					String missing = missingHttpApiParts(api, desired.aliasArn());
					if (missing.isEmpty()) {
						unchanged.add("HTTP API " + name + " (" + api.id() + ")");
					}
					else {
						changes.add(new HttpChanges.HttpApi(Action.UPDATE, name, api.id(), desired.aliasArn(), function,
								desired.tags(), HttpSecurityPlanner.stageSettings(desired), missing, List.of(FieldChange.of("missing", null, missing))));
					}
				}
				apiPermission(desired, actual, (api != null) ? api.id() : null, Value.HTTP_API_ID, changes);
			}
			case REST_API -> {
				ActualStage.ActualRestApi api = actual.restApi();
				if (api == null) {
					changes.add(new HttpChanges.RestApi(Action.CREATE, name, null, desired.aliasArn(), desired.region(),
							desired.stage(), HttpSecurityPlanner.methodAuthorization(desired.http().security()),
							HttpSecurityPlanner.apiKeyRequired(desired.http().security()), desired.tags(),
							"{proxy+} and / -> " + ResourceNames.ALIAS + ", stage " + desired.stage(),
							List.of(FieldChange.of("integration", null, desired.aliasArn()))));
				}
				else if (actual.security().rest() == null || actual.security().stage() == null) {
					// A REST API without its stage: an earlier deploy stopped half-way.
					changes.add(new HttpChanges.RestApi(Action.UPDATE, name, api.id(), desired.aliasArn(), desired.region(),
							desired.stage(), HttpSecurityPlanner.methodAuthorization(desired.http().security()),
							HttpSecurityPlanner.apiKeyRequired(desired.http().security()), desired.tags(),
							"ensure integration and stage",
							List.of(FieldChange.of("stage", null, desired.stage()))));
				}
				else {
					unchanged.add("REST API " + name + " (" + api.id() + ")");
				}
				apiPermission(desired, actual, (api != null) ? api.id() : null, Value.REST_API_ID, changes);
			}
			case FUNCTION_URL -> {
				ActualStage.ActualFunctionUrl url = actual.functionUrl();
				String auth = desired.http().functionUrlAuth();
				if (url == null) {
					changes.add(new HttpChanges.FunctionUrl(Action.CREATE, function, ResourceNames.ALIAS, null, auth,
							"auth " + auth, List.of(FieldChange.of("auth", null, auth))));
				}
				else if (!auth.equals(url.authType())) {
					changes.add(new HttpChanges.FunctionUrl(Action.UPDATE, function, ResourceNames.ALIAS, url.url(), auth,
							"auth " + url.authType() + " -> " + auth, List.of(FieldChange.of("auth", url.authType(), auth))));
				}
				else {
					unchanged.add("function URL " + url.url());
				}
				boolean publicUrl = "NONE".equals(auth);
				if (publicUrl && !actual.permissions().containsKey(Planner.URL_PERMISSION)) {
					changes.add(new HttpChanges.Permission(Action.CREATE, function, ResourceNames.ALIAS,
							Planner.URL_PERMISSION, "*", "lambda:InvokeFunctionUrl", null, null, "NONE",
							"anyone may call the URL", List.of(FieldChange.of("principal", null, "*"))));
				}
				else if (!publicUrl && actual.permissions().containsKey(Planner.URL_PERMISSION)) {
					changes.add(removePermission(function, Planner.URL_PERMISSION, "URL needs signed requests"));
				}
			}
			case ALB, NONE -> {
			}
		}
		AlbPlanner.plan(desired, actual, changes, unchanged);
		HttpSecurityPlanner.plan(desired, actual, changes, unchanged);
	}

	/** The permission letting API Gateway invoke the alias, for the API that exists or the one this plan creates. */
	private static void apiPermission(DesiredStage desired, ActualStage actual, String apiId, String output,
			List<ResourceChange> changes) {
		String statement = actual.permissions().get(Planner.HTTP_PERMISSION);
		if (statement != null && apiId != null && statement.contains(apiId)) {
			return;
		}
		String prefix = Arns.executeApi(desired.region(), desired.account(), "", "");
		Value source = (apiId != null) ? Value.known(Arns.executeApi(desired.region(), desired.account(), apiId, "/*"))
				: Value.ref(prefix, output, "/*");
		changes.add(new HttpChanges.Permission((statement == null) ? Action.CREATE : Action.REPLACE,
				desired.functionName(), ResourceNames.ALIAS, Planner.HTTP_PERMISSION, "apigateway.amazonaws.com",
				"lambda:InvokeFunction", source, null, null, "API Gateway may invoke " + ResourceNames.ALIAS,
				List.of(FieldChange.of("source", null, source.toString()))));
	}

	static HttpChanges.Permission removePermission(String function, String statementId, String detail) {
		return new HttpChanges.Permission(Action.DELETE, function, ResourceNames.ALIAS, statementId, null, null, null, null,
				null, detail, List.of());
	}

	/** What an existing HTTP API lacks, as words for the plan; empty when complete. */
	static String missingHttpApiParts(ActualStage.ActualHttpApi api, String aliasArn) {
		List<String> missing = new java.util.ArrayList<>();
		String integration = integrationFor(api.integrations(), aliasArn);
		if (integration == null) {
			missing.add("integration -> " + ResourceNames.ALIAS);
		}
		String target = api.routes().get("$default");
		if (target == null || integration == null || !target.equals("integrations/" + integration)) {
			missing.add("route $default");
		}
		if (!api.stages().contains("$default")) {
			missing.add("stage $default");
		}
		return String.join(", ", missing);
	}

	private static String integrationFor(Map<String, String> integrations, String aliasArn) {
		for (Map.Entry<String, String> entry : integrations.entrySet()) {
			if (entry.getValue() != null && entry.getValue().contains(aliasArn)) {
				return entry.getKey();
			}
		}
		return null;
	}

}
