package io.serverlessspring.local.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.lambda.runtime.InvokedFunction;
import io.serverlessspring.local.lambda.runtime.Invoker;
import io.serverlessspring.local.lambda.runtime.RuntimeInvocationResult;
import io.serverlessspring.local.logs.LogsService;
import io.serverlessspring.local.server.AwsRequest;
import io.serverlessspring.local.server.AwsResponse;
import io.serverlessspring.local.server.AwsService;
import io.serverlessspring.local.server.EventSink;
import io.serverlessspring.local.server.FrontDoor;
import io.serverlessspring.local.server.Json;
import io.serverlessspring.local.server.LocalContext;
import io.serverlessspring.local.server.Persistent;
import io.serverlessspring.local.server.Protocol;
import io.serverlessspring.local.server.RestRouter;

/**
 * Lambda (rest-json): the wire protocol only, each operation's route mapped to the part of the service
 * that owns it: {@link FunctionConfigurations} (functions), {@link FunctionVersions},
 * {@link FunctionAliases}, {@link ResourcePolicies}, {@link ConcurrencySettings},
 * {@link AsyncInvocations} (Event invokes, retries, destinations), {@link FunctionUrls} and
 * {@link EventSourceMappings}; the model is the {@link FunctionRegistry}, states move in the
 * {@link FunctionStateMachine}, checks are in {@link FunctionValidation}, saving in
 * {@link LambdaStateStore}. Invoke runs the code through the {@link Invoker}.
 */
public final class LambdaService implements AwsService, Persistent, EventSink {

	private static final System.Logger log = System.getLogger(LambdaService.class.getName());

	private static final Pattern INVOKE = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations");

	private final RestRouter router = new RestRouter("UnknownOperationException");

	private final FunctionRegistry functions = new FunctionRegistry();

	private final LayerVersions layers = new LayerVersions();

	private final LambdaStateStore store = new LambdaStateStore(this.functions, this.layers);

	private LocalContext context;

	private CodeStore code;

	/** The code keys the last saved state refers to: kept until a newer state is on disk. */
	private volatile Set<String> savedCodeKeys = Set.of();

	private Path workDirectory;

	private boolean temporaryWorkDirectory;

	private Invoker invoker;

	private FunctionConfigurations configurations;

	private FunctionVersions versions;

	private FunctionAliases aliases;

	private ResourcePolicies policies;

	private ConcurrencySettings concurrency;

	private AsyncInvocations async;

	private EventSourceMappings mappings;

	private FunctionUrls urls;

	public LambdaService() {
		String f = "/2015-03-31/functions/{FunctionName}";
		String name = "FunctionName";
		this.router
			.add("POST", "/2015-03-31/functions", (r, p) -> json(201, this.configurations.create(r.json())))
			.add("GET", "/2015-03-31/functions/", (r, p) -> listFunctions(r))
			.add("GET", "/2015-03-31/functions", (r, p) -> listFunctions(r))
			.add("GET", f, (r, p) -> json(200, this.configurations.get(p.get(name), r.query("Qualifier"))))
			.add("DELETE", f, (r, p) -> empty(() -> this.configurations.delete(p.get(name), r.query("Qualifier"))))
			.add("GET", f + "/configuration", (r, p) -> json(200, this.configurations.configuration(p.get(name), r.query("Qualifier"))))
			.add("PUT", f + "/configuration", (r, p) -> json(200, this.configurations.updateConfiguration(p.get(name), r.json())))
			.add("PUT", f + "/code", (r, p) -> json(200, this.configurations.updateCode(p.get(name), r.json())))
			.add("POST", f + "/versions", (r, p) -> json(201, this.versions.publishVersion(p.get(name), r.json())))
			.add("GET", f + "/versions", (r, p) -> json(200, this.versions.list(p.get(name))))
			.add("POST", f + "/aliases", (r, p) -> json(201, this.aliases.create(p.get(name), r.json())))
			.add("GET", f + "/aliases", (r, p) -> json(200, this.aliases.list(p.get(name))))
			.add("GET", f + "/aliases/{Name}", (r, p) -> json(200, this.aliases.get(p.get(name), p.get("Name"))))
			.add("PUT", f + "/aliases/{Name}", (r, p) -> json(200, this.aliases.update(p.get(name), p.get("Name"), r.json())))
			.add("DELETE", f + "/aliases/{Name}", (r, p) -> empty(() -> this.aliases.delete(p.get(name), p.get("Name"))))
			.add("POST", f + "/policy", (r, p) -> json(201, this.policies.add(p.get(name), r.query("Qualifier"), r.json())))
			.add("GET", f + "/policy", (r, p) -> json(200, this.policies.get(p.get(name), r.query("Qualifier"))))
			.add("DELETE", f + "/policy/{StatementId}",
					(r, p) -> empty(() -> this.policies.remove(p.get(name), r.query("Qualifier"), p.get("StatementId"))));
		String reserved = "/2017-10-31/functions/{FunctionName}/concurrency";
		String provisioned = "/2019-09-30/functions/{FunctionName}/provisioned-concurrency";
		this.router
			.add("PUT", reserved, (r, p) -> json(200, this.concurrency.putReserved(p.get(name), r.json())))
			.add("GET", "/2019-09-30/functions/{FunctionName}/concurrency", (r, p) -> json(200, this.concurrency.getReserved(p.get(name))))
			.add("DELETE", reserved, (r, p) -> empty(() -> this.concurrency.deleteReserved(p.get(name))))
			.add("PUT", provisioned, (r, p) -> json(202, this.concurrency.putProvisioned(p.get(name), r.query("Qualifier"), r.json())))
			.add("GET", provisioned, (r) -> r.hasQuery("List"), (r, p) -> json(200, this.concurrency.listProvisioned(p.get(name))))
			.add("GET", provisioned, (r, p) -> json(200, this.concurrency.getProvisioned(p.get(name), r.query("Qualifier"))))
			.add("DELETE", provisioned, (r, p) -> empty(() -> this.concurrency.deleteProvisioned(p.get(name), r.query("Qualifier"))));
		String eventInvokeConfig = "/2019-09-25/functions/{FunctionName}/event-invoke-config";
		this.router
			.add("PUT", eventInvokeConfig, (r, p) -> json(200, this.async.putConfig(p.get(name), r.query("Qualifier"), r.json(), true)))
			.add("POST", eventInvokeConfig, (r, p) -> json(200, this.async.putConfig(p.get(name), r.query("Qualifier"), r.json(), false)))
			.add("GET", eventInvokeConfig, (r, p) -> json(200, this.async.getConfig(p.get(name), r.query("Qualifier"))))
			.add("DELETE", eventInvokeConfig, (r, p) -> empty(() -> this.async.deleteConfig(p.get(name), r.query("Qualifier"))));
		String layer = "/2018-10-31/layers/{LayerName}/versions";
		this.router
			.add("POST", layer, (r, p) -> json(201, this.layers.publish(p.get("LayerName"), r.json())))
			.add("GET", layer, (r, p) -> json(200, this.layers.list(p.get("LayerName"))))
			.add("GET", layer + "/{VersionNumber}", (r, p) -> json(200, this.layers.get(p.get("LayerName"), p.get("VersionNumber"))))
			.add("DELETE", layer + "/{VersionNumber}",
					(r, p) -> empty(() -> this.layers.delete(p.get("LayerName"), p.get("VersionNumber"), layerArnsInUse())))
			.add("GET", "/2018-10-31/layers", (r) -> "LayerVersion".equals(r.query("find")),
					(r, p) -> json(200, this.layers.getByArn(r.query("Arn"))))
			.add("GET", "/2018-10-31/layers", (r, p) -> json(200, this.layers.listLayers()));
		this.router
			.add("GET", "/2016-08-19/account-settings/", (r, p) -> accountSettings())
			.add("GET", "/2016-08-19/account-settings", (r, p) -> accountSettings())
			.add("POST", "/2017-03-31/tags/{ARN}", (r, p) -> tagResource(r, p.get("ARN")))
			.add("GET", "/2017-03-31/tags/{ARN}", (r, p) -> listTags(p.get("ARN")))
			.add("DELETE", "/2017-03-31/tags/{ARN}", (r, p) -> untagResource(r, p.get("ARN")));
	}

	@Override
	public String signingName() {
		return "lambda";
	}

	@Override
	public Protocol protocol() {
		return Protocol.REST_JSON;
	}

	@Override
	public void start(LocalContext context) {
		this.context = context;
		try {
			if (context.stateDirectory().isPresent()) {
				this.workDirectory = context.stateDirectory().get().resolve("lambda");
			}
			else {
				this.workDirectory = Files.createTempDirectory("serverless-local-lambda-");
				this.temporaryWorkDirectory = true;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.functions.attach(context);
		this.code = new CodeStore(this.workDirectory);
		this.layers.start(context, this.code);
		this.invoker = new Invoker(context, new Invoker.CodeAccess() {
			@Override
			public Path unpacked(String codeKey) {
				return LambdaService.this.code.unpacked(codeKey);
			}

			@Override
			public List<Path> layers(InvokedFunction target) {
				// no registry monitor here: the invoker's is held, and the control plane takes them the other way round
				return LambdaService.this.layers.unpacked(target.configuration());
			}
		}, context.service(LogsService.class), this.workDirectory);
		FunctionStateMachine states = new FunctionStateMachine(this.functions, context, this.code, this.invoker);
		this.mappings = new EventSourceMappings(this.functions, this.invoker, context, this.store.savedMappings());
		this.mappings.register(this.router);
		this.urls = new FunctionUrls(this.functions, this.invoker, context);
		this.urls.register(this.router);
		this.versions = new FunctionVersions(this.functions, states, this.invoker);
		this.configurations = new FunctionConfigurations(this.functions, context, this.code, states, this.versions,
				this.invoker, this.mappings, this.layers);
		this.aliases = new FunctionAliases(this.functions);
		this.policies = new ResourcePolicies(this.functions);
		this.concurrency = new ConcurrencySettings(this.functions, this.invoker);
		this.async = new AsyncInvocations(this.functions, context, this.invoker);
		// functions loaded from saved state are ready at once
		this.functions.functions().forEach((fn) -> this.urls.restore(fn));
		this.mappings.startPollers();
	}

	@Override
	public void close() {
		if (this.mappings != null) {
			this.mappings.close();
		}
		if (this.invoker != null) {
			this.invoker.close();
		}
		if (this.temporaryWorkDirectory) {
			try {
				CodeStore.deleteRecursively(this.workDirectory);
			}
			catch (IOException ex) {
				log.log(System.Logger.Level.DEBUG, "Could not delete " + this.workDirectory, ex);
			}
		}
	}

	/** The data plane, for benchmarks and in-process callers. */
	public Invoker invoker() {
		return this.invoker;
	}

	@Override
	public AwsResponse handle(AwsRequest request) {
		Matcher invoke = INVOKE.matcher(request.rawPath());
		if ("POST".equals(request.method()) && invoke.matches()) {
			return invoke(request, URLDecoder.decode(invoke.group(1), StandardCharsets.UTF_8));
		}
		// the control plane runs under the registry's monitor, as does everything else that reads or changes functions
		synchronized (this.functions) {
			AwsResponse response = this.router.route(request);
			if (this.temporaryWorkDirectory && ("DELETE".equals(request.method()) || "PUT".equals(request.method()))) {
				// nothing is saved: packages no function refers to any more can go at once
				Set<String> keep = referencedCodeKeys();
				keep.addAll(this.invoker.codeKeysInUse());
				this.code.retainOnly(keep);
			}
			return response;
		}
	}

	private static AwsResponse json(int status, ObjectNode body) {
		return AwsResponse.json(status, body);
	}

	private static AwsResponse empty(Runnable operation) {
		operation.run();
		return AwsResponse.empty(204);
	}

	private AwsResponse listFunctions(AwsRequest request) {
		return json(200, this.configurations.list("ALL".equals(request.query("FunctionVersion"))));
	}

	private AwsResponse accountSettings() {
		ObjectNode out = Json.object();
		ObjectNode limit = out.putObject("AccountLimit");
		limit.put("TotalCodeSize", 80530636800L);
		limit.put("CodeSizeUnzipped", 262144000);
		limit.put("CodeSizeZipped", 52428800);
		limit.put("ConcurrentExecutions", this.invoker.maxEnvironments());
		limit.put("UnreservedConcurrentExecutions", this.invoker.maxEnvironments());
		ObjectNode usage = out.putObject("AccountUsage");
		usage.put("TotalCodeSize", this.functions.totalCodeSize());
		usage.put("FunctionCount", this.functions.count());
		return json(200, out);
	}

	private AwsResponse tagResource(AwsRequest request, String arn) {
		this.functions.functionByArn(arn).tags.putAll(Json.stringMap(request.json(), "Tags"));
		return AwsResponse.empty(204);
	}

	private AwsResponse listTags(String arn) {
		ObjectNode out = Json.object();
		out.set("Tags", Json.tree(this.functions.functionByArn(arn).tags));
		return json(200, out);
	}

	private AwsResponse untagResource(AwsRequest request, String arn) {
		LambdaFunction function = this.functions.functionByArn(arn);
		request.queryParameters().getOrDefault("tagKeys", List.of()).forEach(function.tags::remove);
		return AwsResponse.empty(204);
	}

	// ---- invoke: the data plane ------------------------------------------------------------

	private AwsResponse invoke(AwsRequest request, String identifier) {
		String type = (request.header("X-Amz-Invocation-Type") != null) ? request.header("X-Amz-Invocation-Type") : "RequestResponse";
		InvokedFunction target = this.functions.target(identifier, request.query("Qualifier"));
		FunctionValidation.invocationPayload(type, request.body().length);
		switch (type) {
			case "DryRun" -> {
				return AwsResponse.empty(204).header("X-Amz-Executed-Version", target.version());
			}
			case "Event" -> {
				this.async.invoke(target, request.body());
				return AwsResponse.empty(202).header("X-Amz-Executed-Version", target.version());
			}
			case "RequestResponse" -> {
				RuntimeInvocationResult result = this.invoker.invoke(target, request.body(),
						request.header("X-Amz-Client-Context"));
				AwsResponse response = AwsResponse.bytes(200, result.payload(), "application/json")
					.header("X-Amz-Executed-Version", target.version())
					.header("X-Amz-Function-Error", result.functionError());
				if ("Tail".equals(request.header("X-Amz-Log-Type"))) {
					response.header("X-Amz-Log-Result", result.tailBase64());
				}
				return response;
			}
			default -> throw FunctionValidation.unknownInvocationType(type);
		}
	}

	/**
	 * Resolves what an invocation of {@code identifier} (name or ARN, optionally qualified) runs;
	 * a function that is not Active (or is mid-update) cannot be invoked yet, as in Lambda.
	 */
	public InvokedFunction target(String identifier, String qualifier) {
		return this.functions.target(identifier, qualifier);
	}

	/**
	 * Whether the function's resource policy lets {@code servicePrincipal} (e.g.
	 * {@code apigateway.amazonaws.com}) invoke it, as AWS checks before a service invokes a function.
	 */
	public boolean allowsInvocationBy(String identifier, String servicePrincipal) {
		return this.policies.allowsInvocationBy(identifier, servicePrincipal);
	}

	@Override
	public boolean acceptsArn(String arn) {
		return arn.startsWith("arn:aws:lambda:");
	}

	/** Async invoke (Event) of the function an ARN names: what schedules, rules and notifications do. */
	@Override
	public void deliver(String arn, String event) {
		this.async.invoke(target(arn, null), event.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public List<FrontDoor> frontDoors() {
		return List.of(this.urls, new CodeDownloads(this.code));
	}

	// ---- persistence ---------------------------------------------------------------------------

	@Override
	public JsonNode saveState() {
		synchronized (this.functions) {
			this.savedCodeKeys = referencedCodeKeys();
			return this.store.save(this.mappings);
		}
	}

	/** The packages the saved state no longer refers to (and no environment runs) are deleted. */
	@Override
	public void stateSaved() {
		Set<String> keep = new HashSet<>(this.savedCodeKeys);
		synchronized (this.functions) {
			keep.addAll(referencedCodeKeys());
		}
		keep.addAll(this.invoker.codeKeysInUse());
		this.code.retainOnly(keep);
	}

	private Set<String> referencedCodeKeys() {
		Set<String> keys = new HashSet<>();
		this.functions.functions().forEach((function) -> keys.addAll(function.codeKeys.values()));
		this.layers.forgetUnused(layerArnsInUse());
		keys.addAll(this.layers.codeKeys());
		return keys;
	}

	/** The layer versions some function's $LATEST or published version names. */
	private Set<String> layerArnsInUse() {
		Set<String> arns = new HashSet<>();
		for (LambdaFunction function : this.functions.functions()) {
			java.util.stream.Stream.concat(java.util.stream.Stream.of(function.latest), function.versions.values().stream())
				.forEach((config) -> config.path("Layers").forEach((layer) -> arns.add(layer.path("Arn").asString())));
		}
		return arns;
	}

	@Override
	public void loadState(JsonNode state) {
		this.store.load(state);
	}

}
