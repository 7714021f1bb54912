package io.serverlessspring.local.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.iam.IamService;
import io.serverlessspring.local.lambda.runtime.InvokedFunction;
import io.serverlessspring.local.lambda.runtime.Invoker;
import io.serverlessspring.local.lambda.runtime.RuntimeInvocationResult;
import io.serverlessspring.local.logs.LogsService;
import io.serverlessspring.local.s3.S3Service;
import io.serverlessspring.local.server.AwsException;
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
 * Lambda (rest-json): functions with code from a zip or S3, configuration, versions, aliases,
 * permissions, function URLs, concurrency and tags, with the {@code State}/{@code LastUpdateStatus}
 * machine (Pending → Active, InProgress → Successful while the package is unpacked); invoke runs the
 * code through {@link Invoker}. Event source mappings are in {@link EventSourceMappings}; function
 * URLs are served by {@link FunctionUrls}.
 */
public final class LambdaService implements AwsService, Persistent, EventSink {

	private static final System.Logger log = System.getLogger(LambdaService.class.getName());

	/** How long a function stays Pending / InProgress at least, so that waiters really wait. */
	private static final long MIN_TRANSITION_MILLIS = Long.getLong("serverless.local.lambda.transition-millis", 100);

	private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9-_]{1,64}");

	private static final Pattern ARN = Pattern
		.compile("(?:arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]+):(\\d{12}):function:)?(?:(\\d{12}):function:)?([a-zA-Z0-9-_]+)(?::(\\$LATEST|[a-zA-Z0-9-_]+))?");

	private static final Set<String> RUNTIMES = Set.of("java8.al2", "java11", "java17", "java21", "java25",
			"provided.al2", "provided.al2023", "python3.12", "python3.13", "nodejs20.x", "nodejs22.x");

	private static final DateTimeFormatter LAST_MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

	private final RestRouter router = new RestRouter("UnknownOperationException");

	private final TreeMap<String, LambdaFunction> functions = new TreeMap<>();

	private LocalContext context;

	private CodeStore code;

	private Path workDirectory;

	private boolean temporaryWorkDirectory;

	private Invoker invoker;

	private EventSourceMappings mappings;

	private FunctionUrls urls;

	public LambdaService() {
		String f = "/2015-03-31/functions/{FunctionName}";
		this.router
			.add("POST", "/2015-03-31/functions", (r, p) -> createFunction(r))
			.add("GET", "/2015-03-31/functions/", (r, p) -> listFunctions(r))
			.add("GET", "/2015-03-31/functions", (r, p) -> listFunctions(r))
			.add("GET", f, (r, p) -> getFunction(r, p.get("FunctionName")))
			.add("DELETE", f, (r, p) -> deleteFunction(r, p.get("FunctionName")))
			.add("GET", f + "/configuration", (r, p) -> getConfiguration(r, p.get("FunctionName")))
			.add("PUT", f + "/configuration", (r, p) -> updateConfiguration(r, p.get("FunctionName")))
			.add("PUT", f + "/code", (r, p) -> updateCode(r, p.get("FunctionName")))
			.add("POST", f + "/versions", (r, p) -> publishVersion(r, p.get("FunctionName")))
			.add("GET", f + "/versions", (r, p) -> listVersions(p.get("FunctionName")))
			.add("POST", f + "/aliases", (r, p) -> createAlias(r, p.get("FunctionName")))
			.add("GET", f + "/aliases", (r, p) -> listAliases(p.get("FunctionName")))
			.add("GET", f + "/aliases/{Name}", (r, p) -> getAlias(p.get("FunctionName"), p.get("Name")))
			.add("PUT", f + "/aliases/{Name}", (r, p) -> updateAlias(r, p.get("FunctionName"), p.get("Name")))
			.add("DELETE", f + "/aliases/{Name}", (r, p) -> deleteAlias(p.get("FunctionName"), p.get("Name")))
			.add("POST", f + "/policy", (r, p) -> addPermission(r, p.get("FunctionName")))
			.add("GET", f + "/policy", (r, p) -> getPolicy(r, p.get("FunctionName")))
			.add("DELETE", f + "/policy/{StatementId}", (r, p) -> removePermission(r, p.get("FunctionName"), p.get("StatementId")))
			.add("PUT", "/2017-10-31/functions/{FunctionName}/concurrency", (r, p) -> putConcurrency(r, p.get("FunctionName")))
			.add("GET", "/2019-09-30/functions/{FunctionName}/concurrency", (r, p) -> getConcurrency(p.get("FunctionName")))
			.add("DELETE", "/2017-10-31/functions/{FunctionName}/concurrency", (r, p) -> deleteConcurrency(p.get("FunctionName")))
			.add("PUT", "/2019-09-30/functions/{FunctionName}/provisioned-concurrency", (r, p) -> putProvisioned(r, p.get("FunctionName")))
			.add("GET", "/2019-09-30/functions/{FunctionName}/provisioned-concurrency", (r) -> r.hasQuery("List"), (r, p) -> listProvisioned(p.get("FunctionName")))
			.add("GET", "/2019-09-30/functions/{FunctionName}/provisioned-concurrency", (r, p) -> getProvisioned(r, p.get("FunctionName")))
			.add("DELETE", "/2019-09-30/functions/{FunctionName}/provisioned-concurrency", (r, p) -> deleteProvisioned(r, p.get("FunctionName")))
			.add("PUT", "/2019-09-25/functions/{FunctionName}/event-invoke-config", (r, p) -> putEventInvokeConfig(r, p.get("FunctionName"), true))
			.add("POST", "/2019-09-25/functions/{FunctionName}/event-invoke-config", (r, p) -> putEventInvokeConfig(r, p.get("FunctionName"), false))
			.add("GET", "/2019-09-25/functions/{FunctionName}/event-invoke-config", (r, p) -> getEventInvokeConfig(r, p.get("FunctionName")))
			.add("DELETE", "/2019-09-25/functions/{FunctionName}/event-invoke-config", (r, p) -> deleteEventInvokeConfig(r, p.get("FunctionName")))
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
		this.code = new CodeStore(this.workDirectory);
		this.invoker = new Invoker(context, this.code::unpacked, context.service(LogsService.class), this.workDirectory);
		this.mappings = new EventSourceMappings(this, context);
		this.mappings.register(this.router);
		this.urls = new FunctionUrls(this, context);
		this.urls.register(this.router);
		// functions loaded from saved state are ready at once
		this.functions.values().forEach((fn) -> this.urls.restore(fn));
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
		Matcher invoke = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations").matcher(request.rawPath());
		if ("POST".equals(request.method()) && invoke.matches()) {
			return invoke(request, java.net.URLDecoder.decode(invoke.group(1), StandardCharsets.UTF_8));
		}
		synchronized (this) {
			return this.router.route(request);
		}
	}

	// ---- functions -------------------------------------------------------------------------

	private AwsResponse createFunction(AwsRequest request) {
		ObjectNode in = request.json();
		String name = Json.required(in, "FunctionName", "InvalidParameterValueException");
		if (!NAME.matcher(name).matches()) {
			throw invalid("1 validation error detected: Value '" + name
					+ "' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9-_]+");
		}
		if (this.functions.containsKey(name)) {
			throw AwsException.conflict("ResourceConflictException", "Function already exist: " + name);
		}
		String role = Json.required(in, "Role", "InvalidParameterValueException");
		if (!this.context.service(IamService.class).roleExists(role)) {
			throw invalid("The role defined for the function cannot be assumed by Lambda.");
		}
		String packageType = in.path("PackageType").asString("Zip");
		if (!"Zip".equals(packageType)) {
			throw invalid("The local cloud runs Zip packages only; PackageType " + packageType + " is not supported");
		}
		String runtime = Json.required(in, "Runtime", "InvalidParameterValueException");
		if (!RUNTIMES.contains(runtime)) {
			throw invalid("Value " + runtime + " at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: " + RUNTIMES);
		}
		Json.required(in, "Handler", "InvalidParameterValueException");
		byte[] zip = code(in.get("Code"), "Code");

		ObjectNode config = Json.object();
		config.put("FunctionName", name);
		config.put("FunctionArn", functionArn(name));
		config.put("Runtime", runtime);
		config.put("Role", role);
		config.put("Handler", Json.string(in, "Handler"));
		config.put("CodeSize", zip.length);
		config.put("Description", in.path("Description").asString(""));
		config.put("Timeout", timeout(in, 3));
		config.put("MemorySize", memory(in, 128));
		config.put("LastModified", now());
		config.put("CodeSha256", CodeStore.codeSha256(zip));
		config.put("Version", LambdaFunction.LATEST);
		config.set("Environment", environment(in, Json.object()));
		config.putObject("TracingConfig").put("Mode", in.path("TracingConfig").path("Mode").asString("PassThrough"));
		config.put("RevisionId", UUID.randomUUID().toString());
		config.put("PackageType", "Zip");
		config.set("Architectures", in.has("Architectures") ? in.get("Architectures") : Json.array().add("x86_64"));
		config.putObject("EphemeralStorage").put("Size", in.path("EphemeralStorage").path("Size").asInt(512));
		ObjectNode snapStart = config.putObject("SnapStart");
		snapStart.put("ApplyOn", in.path("SnapStart").path("ApplyOn").asString("None"));
		snapStart.put("OptimizationStatus", "Off");
		ObjectNode logging = config.putObject("LoggingConfig");
		logging.put("LogFormat", in.path("LoggingConfig").path("LogFormat").asString("Text"));
		logging.put("LogGroup", in.path("LoggingConfig").path("LogGroup").asString("/aws/lambda/" + name));
		config.putArray("Layers");
		config.put("State", "Pending");
		config.put("StateReason", "The function is being created.");
		config.put("StateReasonCode", "Creating");

		LambdaFunction function = new LambdaFunction();
		function.name = name;
		function.latest = config;
		function.codeKeys.put(LambdaFunction.LATEST, this.code.put(zip));
		function.tags.putAll(Json.stringMap(in, "Tags"));
		this.functions.put(name, function);
		ObjectNode response = config.deepCopy();
		if (in.path("Publish").asBoolean(false)) {
			publish(function, null);
		}
		prepare(function, true);
		return AwsResponse.json(201, response);
	}

	private AwsResponse listFunctions(AwsRequest request) {
		ObjectNode out = Json.object();
		ArrayNode list = out.putArray("Functions");
		boolean all = "ALL".equals(request.query("FunctionVersion"));
		for (LambdaFunction function : this.functions.values()) {
			list.add(function.latest.deepCopy());
			if (all) {
				function.versions.values().forEach((v) -> list.add(v.deepCopy()));
			}
		}
		return AwsResponse.json(200, out);
	}

	private AwsResponse getFunction(AwsRequest request, String identifier) {
		Qualified q = qualified(identifier, request.query("Qualifier"));
		ObjectNode config = configuration(q);
		ObjectNode out = Json.object();
		out.set("Configuration", config.deepCopy());
		ObjectNode code = out.putObject("Code");
		code.put("RepositoryType", "S3");
		code.put("Location", this.context.endpoint() + "/_local/lambda-code/" + q.function().codeKeys.get(config.path("Version").asString()));
		if (!q.function().tags.isEmpty()) {
			out.set("Tags", Json.tree(q.function().tags));
		}
		if (q.function().reservedConcurrency != null) {
			out.putObject("Concurrency").put("ReservedConcurrentExecutions", q.function().reservedConcurrency);
		}
		return AwsResponse.json(200, out);
	}

	private AwsResponse getConfiguration(AwsRequest request, String identifier) {
		return AwsResponse.json(200, configuration(qualified(identifier, request.query("Qualifier"))).deepCopy());
	}

	private AwsResponse deleteFunction(AwsRequest request, String identifier) {
		Qualified q = qualified(identifier, request.query("Qualifier"));
		LambdaFunction function = q.function();
		if (q.qualifier() == null || LambdaFunction.LATEST.equals(q.qualifier())) {
			if (q.qualifier() != null) {
				throw invalid("$LATEST version cannot be deleted without deleting the function.");
			}
			this.functions.remove(function.name);
			this.invoker.retire(function.name, null);
			this.mappings.functionDeleted(function.name);
		}
		else {
			int version = versionNumber(q);
			for (ObjectNode alias : function.aliases.values()) {
				if (alias.path("FunctionVersion").asString().equals(Integer.toString(version))) {
					throw AwsException.conflict("ResourceConflictException",
							"Unable to delete version because the following aliases reference it: [" + alias.path("Name").asString() + "]");
				}
			}
			function.versions.remove(version);
			function.codeKeys.remove(Integer.toString(version));
			this.invoker.retire(function.name, Integer.toString(version));
		}
		return AwsResponse.empty(204);
	}

	private AwsResponse updateConfiguration(AwsRequest request, String identifier) {
		LambdaFunction function = function(identifier);
		ObjectNode in = request.json();
		checkUpdatable(function, in);
		ObjectNode config = function.latest;
		if (in.has("Role")) {
			String role = Json.string(in, "Role");
			if (!this.context.service(IamService.class).roleExists(role)) {
				throw invalid("The role defined for the function cannot be assumed by Lambda.");
			}
			config.put("Role", role);
		}
		if (in.has("Handler")) {
			config.put("Handler", Json.string(in, "Handler"));
		}
		if (in.has("Description")) {
			config.put("Description", Json.string(in, "Description"));
		}
		if (in.has("Timeout")) {
			config.put("Timeout", timeout(in, 3));
		}
		if (in.has("MemorySize")) {
			config.put("MemorySize", memory(in, 128));
		}
		if (in.has("Runtime")) {
			String runtime = Json.string(in, "Runtime");
			if (!RUNTIMES.contains(runtime)) {
				throw invalid("Value " + runtime + " at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: " + RUNTIMES);
			}
			config.put("Runtime", runtime);
		}
		if (in.has("Environment")) {
			config.set("Environment", environment(in, Json.object()));
		}
		if (in.has("TracingConfig")) {
			config.putObject("TracingConfig").put("Mode", in.path("TracingConfig").path("Mode").asString("PassThrough"));
		}
		if (in.has("EphemeralStorage")) {
			config.putObject("EphemeralStorage").put("Size", in.path("EphemeralStorage").path("Size").asInt(512));
		}
		if (in.has("SnapStart")) {
			((ObjectNode) config.get("SnapStart")).put("ApplyOn", in.path("SnapStart").path("ApplyOn").asString("None"));
		}
		if (in.has("LoggingConfig")) {
			ObjectNode logging = (ObjectNode) config.get("LoggingConfig");
			in.get("LoggingConfig").properties().forEach((e) -> logging.set(e.getKey(), e.getValue()));
		}
		updated(function);
		return AwsResponse.json(200, config.deepCopy());
	}

	private AwsResponse updateCode(AwsRequest request, String identifier) {
		LambdaFunction function = function(identifier);
		ObjectNode in = request.json();
		checkUpdatable(function, in);
		byte[] zip = code(in, "Code");
		function.codeKeys.put(LambdaFunction.LATEST, this.code.put(zip));
		function.latest.put("CodeSize", zip.length);
		function.latest.put("CodeSha256", CodeStore.codeSha256(zip));
		updated(function);
		ObjectNode response = function.latest.deepCopy();
		if (in.path("Publish").asBoolean(false)) {
			response = publish(function, null).deepCopy();
		}
		return AwsResponse.json(200, response);
	}

	private AwsResponse publishVersion(AwsRequest request, String identifier) {
		LambdaFunction function = function(identifier);
		ObjectNode in = request.json();
		if ("InProgress".equals(function.latest.path("LastUpdateStatus").asString())
				|| "Pending".equals(function.latest.path("State").asString())) {
			throw inProgress(function);
		}
		String expectedSha = Json.string(in, "CodeSha256");
		if (expectedSha != null && !expectedSha.equals(function.latest.path("CodeSha256").asString())) {
			throw invalid("CodeSha256 (" + expectedSha + ") is different from current CodeSha256 in $LATEST ("
					+ function.latest.path("CodeSha256").asString() + "). Please try again with the CodeSha256 in $LATEST.");
		}
		checkRevision(function.latest, in);
		// Lambda does not publish a new version when nothing changed since the last one
		if (!function.versions.isEmpty()) {
			ObjectNode last = function.versions.lastEntry().getValue();
			if (sameContent(last, function.latest)
					&& function.codeKeys.get(last.path("Version").asString()).equals(function.codeKeys.get(LambdaFunction.LATEST))) {
				return AwsResponse.json(201, last.deepCopy());
			}
		}
		return AwsResponse.json(201, publish(function, Json.string(in, "Description")).deepCopy());
	}

	private ObjectNode publish(LambdaFunction function, String description) {
		int number = function.nextVersion++;
		ObjectNode version = function.latest.deepCopy();
		version.put("Version", Integer.toString(number));
		version.put("FunctionArn", functionArn(function.name) + ":" + number);
		version.put("RevisionId", UUID.randomUUID().toString());
		if (description != null) {
			version.put("Description", description);
		}
		function.versions.put(number, version);
		function.codeKeys.put(Integer.toString(number), function.codeKeys.get(LambdaFunction.LATEST));
		return version;
	}

	private static boolean sameContent(ObjectNode a, ObjectNode b) {
		ObjectNode x = a.deepCopy();
		ObjectNode y = b.deepCopy();
		for (String volatileField : List.of("Version", "FunctionArn", "RevisionId", "LastModified",
				"State", "StateReason", "StateReasonCode", "LastUpdateStatus", "LastUpdateStatusReason", "LastUpdateStatusReasonCode")) {
			x.remove(volatileField);
			y.remove(volatileField);
		}
		return x.equals(y);
	}

	private AwsResponse listVersions(String identifier) {
		LambdaFunction function = function(identifier);
		ObjectNode out = Json.object();
		ArrayNode list = out.putArray("Versions");
		list.add(function.latest.deepCopy());
		function.versions.values().forEach((v) -> list.add(v.deepCopy()));
		return AwsResponse.json(200, out);
	}

	// ---- aliases ---------------------------------------------------------------------------

	private AwsResponse createAlias(AwsRequest request, String identifier) {
		LambdaFunction function = function(identifier);
		ObjectNode in = request.json();
		String name = Json.required(in, "Name", "InvalidParameterValueException");
		if (function.aliases.containsKey(name)) {
			throw AwsException.conflict("ResourceConflictException", "Alias already exists: " + functionArn(function.name) + ":" + name);
		}
		if (name.matches("\\d+") || LambdaFunction.LATEST.equals(name)) {
			throw invalid("1 validation error detected: Value '" + name + "' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)");
		}
		String version = Json.required(in, "FunctionVersion", "InvalidParameterValueException");
		checkVersionExists(function, version);
		ObjectNode alias = Json.object();
		alias.put("AliasArn", functionArn(function.name) + ":" + name);
		alias.put("Name", name);
		alias.put("FunctionVersion", version);
		alias.put("Description", in.path("Description").asString(""));
		alias.put("RevisionId", UUID.randomUUID().toString());
		if (in.has("RoutingConfig")) {
			alias.set("RoutingConfig", in.get("RoutingConfig"));
		}
		function.aliases.put(name, alias);
		return AwsResponse.json(201, alias.deepCopy());
	}

	private AwsResponse getAlias(String identifier, String name) {
		return AwsResponse.json(200, alias(function(identifier), name).deepCopy());
	}

	private AwsResponse updateAlias(AwsRequest request, String identifier, String name) {
		LambdaFunction function = function(identifier);
		ObjectNode alias = alias(function, name);
		ObjectNode in = request.json();
		checkRevision(alias, in);
		if (in.has("FunctionVersion")) {
			String version = Json.string(in, "FunctionVersion");
			checkVersionExists(function, version);
			alias.put("FunctionVersion", version);
		}
		if (in.has("Description")) {
			alias.put("Description", Json.string(in, "Description"));
		}
		if (in.has("RoutingConfig")) {
			alias.set("RoutingConfig", in.get("RoutingConfig"));
		}
		alias.put("RevisionId", UUID.randomUUID().toString());
		return AwsResponse.json(200, alias.deepCopy());
	}

	private AwsResponse deleteAlias(String identifier, String name) {
		LambdaFunction function = function(identifier);
		alias(function, name);
		function.aliases.remove(name);
		return AwsResponse.empty(204);
	}

	private AwsResponse listAliases(String identifier) {
		LambdaFunction function = function(identifier);
		ObjectNode out = Json.object();
		ArrayNode list = out.putArray("Aliases");
		function.aliases.values().forEach((a) -> list.add(a.deepCopy()));
		return AwsResponse.json(200, out);
	}

	private ObjectNode alias(LambdaFunction function, String name) {
		ObjectNode alias = function.aliases.get(name);
		if (alias == null) {
			throw notFound("Cannot find alias arn: " + functionArn(function.name) + ":" + name);
		}
		return alias;
	}

	private void checkVersionExists(LambdaFunction function, String version) {
		if (function.configuration(version) == null) {
			throw notFound("Function not found: " + functionArn(function.name) + ":" + version);
		}
	}

	// ---- permissions -----------------------------------------------------------------------

	private AwsResponse addPermission(AwsRequest request, String identifier) {
		Qualified q = qualified(identifier, request.query("Qualifier"));
		ObjectNode in = request.json();
		String sid = Json.required(in, "StatementId", "InvalidParameterValueException");
		String action = Json.required(in, "Action", "InvalidParameterValueException");
		String principal = Json.required(in, "Principal", "InvalidParameterValueException");
		for (ObjectNode statement : q.function().statements) {
			if (statement.path("Sid").asString().equals(sid)) {
				throw AwsException.conflict("ResourceConflictException",
						"The statement id (" + sid + ") provided already exists. Please provide a new statement id, or remove the existing statement.");
			}
		}
		ObjectNode statement = Json.object();
		statement.put("Sid", sid);
		statement.put("Effect", "Allow");
		if (principal.contains(".amazonaws.com")) {
			statement.putObject("Principal").put("Service", principal);
		}
		else {
			statement.putObject("Principal").put("AWS", principal.matches("\\d{12}") ? "arn:aws:iam::" + principal + ":root" : principal);
		}
		statement.put("Action", action.contains(":") ? action : "lambda:" + action);
		statement.put("Resource", (q.qualifier() != null) ? functionArn(q.function().name) + ":" + q.qualifier() : functionArn(q.function().name));
		ObjectNode condition = Json.object();
		if (in.has("SourceArn")) {
			condition.putObject("ArnLike").put("AWS:SourceArn", Json.string(in, "SourceArn"));
		}
		if (in.has("SourceAccount")) {
			condition.putObject("StringEquals").put("AWS:SourceAccount", Json.string(in, "SourceAccount"));
		}
		if (in.has("FunctionUrlAuthType")) {
			condition.putObject("StringEquals").put("lambda:FunctionUrlAuthType", Json.string(in, "FunctionUrlAuthType"));
		}
		if (!condition.isEmpty()) {
			statement.set("Condition", condition);
		}
		q.function().statements.add(statement);
		ObjectNode out = Json.object();
		out.put("Statement", Json.text(statement));
		return AwsResponse.json(201, out);
	}

	private AwsResponse getPolicy(AwsRequest request, String identifier) {
		Qualified q = qualified(identifier, request.query("Qualifier"));
		if (q.function().statements.isEmpty()) {
			throw notFound("The resource you requested does not exist.");
		}
		ObjectNode policy = Json.object();
		policy.put("Version", "2012-10-17");
		policy.put("Id", "default");
		ArrayNode statements = policy.putArray("Statement");
		q.function().statements.forEach(statements::add);
		ObjectNode out = Json.object();
		out.put("Policy", Json.text(policy));
		out.put("RevisionId", q.function().latest.path("RevisionId").asString());
		return AwsResponse.json(200, out);
	}

	private AwsResponse removePermission(AwsRequest request, String identifier, String sid) {
		Qualified q = qualified(identifier, request.query("Qualifier"));
		boolean removed = q.function().statements.removeIf((s) -> s.path("Sid").asString().equals(sid));
		if (!removed) {
			throw notFound("Statement " + sid + " is not found in resource policy.");
		}
		return AwsResponse.empty(204);
	}

	// ---- concurrency, account, tags --------------------------------------------------------

	private AwsResponse putConcurrency(AwsRequest request, String identifier) {
		LambdaFunction function = function(identifier);
		ObjectNode in = request.json();
		if (!in.has("ReservedConcurrentExecutions") || in.get("ReservedConcurrentExecutions").asInt(-1) < 0) {
			throw invalid("1 validation error detected: Value null at 'reservedConcurrentExecutions' failed to satisfy constraint: Member must not be null");
		}
		function.reservedConcurrency = in.get("ReservedConcurrentExecutions").asInt();
		ObjectNode out = Json.object();
		out.put("ReservedConcurrentExecutions", function.reservedConcurrency);
		return AwsResponse.json(200, out);
	}

	private AwsResponse getConcurrency(String identifier) {
		LambdaFunction function = function(identifier);
		ObjectNode out = Json.object();
		if (function.reservedConcurrency != null) {
			out.put("ReservedConcurrentExecutions", function.reservedConcurrency);
		}
		return AwsResponse.json(200, out);
	}

	private AwsResponse deleteConcurrency(String identifier) {
		function(identifier).reservedConcurrency = null;
		return AwsResponse.empty(204);
	}

	// ---- asynchronous invocation: retries and destinations ------------------------------------

	/** Seconds before the first and second retry of a failed Event invocation (Lambda: about 1 and 2 minutes). */
	private static final long[] RETRY_DELAYS = java.util.Arrays.stream(
			System.getProperty("serverless.local.lambda.async-retry-delays-seconds", "60,120").split(","))
		.mapToLong((d) -> Long.parseLong(d.trim())).toArray();

	/**
	 * An Event invocation as Lambda runs it: queued; on a function error retried (by default twice,
	 * or the configured {@code MaximumRetryAttempts}) unless older than {@code MaximumEventAgeInSeconds};
	 * then sent to the configured OnSuccess / OnFailure destination (SQS, SNS, Lambda, EventBridge).
	 */
	void invokeAsync(InvokedFunction target, byte[] payload) {
		invokeAsync(target, payload, 1, System.currentTimeMillis(), java.util.UUID.randomUUID().toString());
	}

	private void invokeAsync(InvokedFunction target, byte[] payload, int attempt, long queuedAt, String requestId) {
		this.invoker.invokeAsync(target, payload, (result) -> {
			ObjectNode config = eventInvokeConfig(target);
			int maxRetries = config.path("MaximumRetryAttempts").asInt(2);
			long maxAgeMillis = config.path("MaximumEventAgeInSeconds").asLong(21_600) * 1000;
			boolean failed = result == null || result.failed();
			if (failed && attempt <= maxRetries && attempt <= RETRY_DELAYS.length) {
				long delay = RETRY_DELAYS[attempt - 1] * 1000;
				if (System.currentTimeMillis() + delay - queuedAt <= maxAgeMillis) {
					this.context.timers().schedule(() -> {
						try {
							invokeAsync(target(target.invokedArn(), null), payload, attempt + 1, queuedAt, requestId);
						}
						catch (AwsException gone) {
							log.log(System.Logger.Level.INFO, "Retry of " + target.invokedArn() + " dropped: " + gone.getMessage());
						}
					}, delay, TimeUnit.MILLISECONDS);
					return;
				}
			}
			String destination = config.path("DestinationConfig").path(failed ? "OnFailure" : "OnSuccess").path("Destination").asString(null);
			if (destination != null) {
				sendToDestination(destination, target, payload, result, attempt, requestId, failed ? "RetriesExhausted" : "Success");
			}
		});
	}

	/** The invocation record Lambda sends to a destination. */
	private void sendToDestination(String destination, InvokedFunction target, byte[] payload, RuntimeInvocationResult result, int attempts,
			String requestId, String condition) {
		ObjectNode record = Json.object();
		record.put("version", "1.0");
		record.put("timestamp", java.time.Instant.now().toString());
		ObjectNode request = record.putObject("requestContext");
		request.put("requestId", requestId);
		request.put("functionArn", functionArn(target.functionName()) + ":" + target.version());
		request.put("condition", condition);
		request.put("approximateInvokeCount", attempts);
		record.set("requestPayload", parseOrText(payload));
		ObjectNode response = record.putObject("responseContext");
		response.put("statusCode", 200);
		response.put("executedVersion", target.version());
		if (result != null && result.failed()) {
			response.put("functionError", result.functionError());
		}
		record.set("responsePayload", (result != null) ? parseOrText(result.payload()) : null);
		try {
			this.context.deliver(destination, Json.text(record));
		}
		catch (RuntimeException ex) {
			log.log(System.Logger.Level.WARNING, "Destination " + destination + " of " + target.functionName() + " failed: " + ex.getMessage());
		}
	}

	private static JsonNode parseOrText(byte[] bytes) {
		try {
			return Json.mapper().readTree(bytes);
		}
		catch (RuntimeException ex) {
			return Json.mapper().getNodeFactory().stringNode(new String(bytes, StandardCharsets.UTF_8));
		}
	}

	private synchronized ObjectNode eventInvokeConfig(InvokedFunction target) {
		LambdaFunction function = this.functions.get(target.functionName());
		if (function == null) {
			return Json.object();
		}
		String[] arn = target.invokedArn().split(":");
		String qualifier = (arn.length > 7) ? arn[7] : LambdaFunction.LATEST;
		ObjectNode config = function.eventInvokeConfigs.get(qualifier);
		return (config != null) ? config : Json.object();
	}

	private AwsResponse putEventInvokeConfig(AwsRequest request, String identifier, boolean replace) {
		Qualified q = qualified(identifier, request.query("Qualifier"));
		String qualifier = (q.qualifier() != null) ? q.qualifier() : LambdaFunction.LATEST;
		ObjectNode in = request.json();
		int retries = in.path("MaximumRetryAttempts").asInt(2);
		if (retries < 0 || retries > 2) {
			throw invalid("1 validation error detected: Value '" + retries + "' at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value less than or equal to 2");
		}
		long age = in.path("MaximumEventAgeInSeconds").asLong(21_600);
		if (age < 60 || age > 21_600) {
			throw invalid("1 validation error detected: Value '" + age + "' at 'maximumEventAgeInSeconds' failed to satisfy constraint: Member must have value between 60 and 21600");
		}
		ObjectNode existing = q.function().eventInvokeConfigs.get(qualifier);
		if (!replace && existing == null) {
			throw notFound("The function " + functionArn(q.function().name) + " doesn't have an EventInvokeConfig");
		}
		ObjectNode config = (replace || existing == null) ? Json.object() : existing;
		for (String field : List.of("MaximumRetryAttempts", "MaximumEventAgeInSeconds", "DestinationConfig")) {
			if (in.has(field)) {
				config.set(field, in.get(field));
			}
		}
		for (String kind : List.of("OnSuccess", "OnFailure")) {
			String destination = config.path("DestinationConfig").path(kind).path("Destination").asString(null);
			if (destination != null && !this.context.canDeliverTo(destination)) {
				throw invalid("The destination ARN " + destination + " is invalid.");
			}
		}
		config.set("LastModified", Json.epochSeconds(this.context.clock().millis()));
		config.put("FunctionArn", functionArn(q.function().name) + ":" + qualifier);
		q.function().eventInvokeConfigs.put(qualifier, config);
		return AwsResponse.json(200, config.deepCopy());
	}

	private AwsResponse getEventInvokeConfig(AwsRequest request, String identifier) {
		Qualified q = qualified(identifier, request.query("Qualifier"));
		ObjectNode config = q.function().eventInvokeConfigs.get((q.qualifier() != null) ? q.qualifier() : LambdaFunction.LATEST);
		if (config == null) {
			throw notFound("The function " + functionArn(q.function().name) + " doesn't have an EventInvokeConfig");
		}
		return AwsResponse.json(200, config.deepCopy());
	}

	private AwsResponse deleteEventInvokeConfig(AwsRequest request, String identifier) {
		Qualified q = qualified(identifier, request.query("Qualifier"));
		if (q.function().eventInvokeConfigs.remove((q.qualifier() != null) ? q.qualifier() : LambdaFunction.LATEST) == null) {
			throw notFound("The function " + functionArn(q.function().name) + " doesn't have an EventInvokeConfig");
		}
		return AwsResponse.empty(204);
	}

	/**
	 * Provisioned concurrency: the configuration is kept and that many environments of the alias's
	 * (or version's) code are started ahead of requests, as Lambda does.
	 */
	private AwsResponse putProvisioned(AwsRequest request, String identifier) {
		Qualified q = qualified(identifier, request.query("Qualifier"));
		if (q.qualifier() == null || LambdaFunction.LATEST.equals(q.qualifier())) {
			throw invalid("Provisioned Concurrency Configs cannot be applied to unpublished function versions.");
		}
		ObjectNode in = request.json();
		int count = in.path("ProvisionedConcurrentExecutions").asInt(0);
		if (count < 1) {
			throw invalid("1 validation error detected: Value '" + count + "' at 'provisionedConcurrentExecutions' failed to satisfy constraint: Member must have value greater than or equal to 1");
		}
		ObjectNode config = Json.object();
		config.put("RequestedProvisionedConcurrentExecutions", count);
		config.put("AvailableProvisionedConcurrentExecutions", count);
		config.put("AllocatedProvisionedConcurrentExecutions", count);
		config.put("Status", "READY");
		config.put("LastModified", now());
		q.function().provisioned.put(q.qualifier(), config);
		InvokedFunction target = target(identifier, q.qualifier());
		this.invoker.prewarm(target, count);
		ObjectNode response = config.deepCopy();
		response.put("Status", "IN_PROGRESS");
		response.put("AvailableProvisionedConcurrentExecutions", 0);
		response.put("AllocatedProvisionedConcurrentExecutions", 0);
		return AwsResponse.json(202, response);
	}

	private AwsResponse getProvisioned(AwsRequest request, String identifier) {
		Qualified q = qualified(identifier, request.query("Qualifier"));
		ObjectNode config = (q.qualifier() != null) ? q.function().provisioned.get(q.qualifier()) : null;
		if (config == null) {
			throw AwsException.notFound("ProvisionedConcurrencyConfigNotFoundException", "No Provisioned Concurrency Config found for this function");
		}
		return AwsResponse.json(200, config.deepCopy());
	}

	private AwsResponse listProvisioned(String identifier) {
		LambdaFunction function = function(identifier);
		ObjectNode out = Json.object();
		ArrayNode list = out.putArray("ProvisionedConcurrencyConfigs");
		function.provisioned.forEach((qualifier, config) -> list.add(config.deepCopy().put("FunctionArn", functionArn(function.name) + ":" + qualifier)));
		return AwsResponse.json(200, out);
	}

	private AwsResponse deleteProvisioned(AwsRequest request, String identifier) {
		Qualified q = qualified(identifier, request.query("Qualifier"));
		if (q.qualifier() == null || q.function().provisioned.remove(q.qualifier()) == null) {
			throw AwsException.notFound("ProvisionedConcurrencyConfigNotFoundException", "No Provisioned Concurrency Config found for this function");
		}
		return AwsResponse.empty(204);
	}

	private AwsResponse accountSettings() {
		ObjectNode out = Json.object();
		ObjectNode limit = out.putObject("AccountLimit");
		limit.put("TotalCodeSize", 80530636800L);
		limit.put("CodeSizeUnzipped", 262144000);
		limit.put("CodeSizeZipped", 52428800);
		limit.put("ConcurrentExecutions", Invoker.MAX_ENVIRONMENTS);
		limit.put("UnreservedConcurrentExecutions", Invoker.MAX_ENVIRONMENTS);
		ObjectNode usage = out.putObject("AccountUsage");
		usage.put("TotalCodeSize", this.functions.values().stream().mapToLong((f) -> f.latest.path("CodeSize").asLong()).sum());
		usage.put("FunctionCount", this.functions.size());
		return AwsResponse.json(200, out);
	}

	private AwsResponse tagResource(AwsRequest request, String arn) {
		functionByArn(arn).tags.putAll(Json.stringMap(request.json(), "Tags"));
		return AwsResponse.empty(204);
	}

	private AwsResponse listTags(String arn) {
		ObjectNode out = Json.object();
		out.set("Tags", Json.tree(functionByArn(arn).tags));
		return AwsResponse.json(200, out);
	}

	private AwsResponse untagResource(AwsRequest request, String arn) {
		LambdaFunction function = functionByArn(arn);
		request.queryParameters().getOrDefault("tagKeys", List.of()).forEach(function.tags::remove);
		return AwsResponse.empty(204);
	}

	private LambdaFunction functionByArn(String arn) {
		Matcher m = ARN.matcher(arn);
		if (!arn.startsWith("arn:") || !m.matches()) {
			throw invalid("1 validation error detected: Value '" + arn + "' at 'resource' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:.*");
		}
		return function(m.group(4));
	}

	// ---- invoke ----------------------------------------------------------------------------

	private AwsResponse invoke(AwsRequest request, String identifier) {
		String type = (request.header("X-Amz-Invocation-Type") != null) ? request.header("X-Amz-Invocation-Type") : "RequestResponse";
		InvokedFunction target = target(identifier, request.query("Qualifier"));
		int limit = "Event".equals(type) ? 262_144 : 6_291_456;
		if (request.body().length > limit) {
			throw new AwsException(413, "RequestTooLargeException",
					"Request must be smaller than " + limit + " bytes for the InvokeFunction operation");
		}
		switch (type) {
			case "DryRun" -> {
				return AwsResponse.empty(204).header("X-Amz-Executed-Version", target.version());
			}
			case "Event" -> {
				invokeAsync(target, request.body());
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
			default -> throw invalid("1 validation error detected: Value '" + type
					+ "' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]");
		}
	}

	/**
	 * Resolves what an invocation of {@code identifier} (name or ARN, optionally qualified) runs;
	 * a function that is not Active (or is mid-update) cannot be invoked yet, as in Lambda.
	 */
	public synchronized InvokedFunction target(String identifier, String qualifier) {
		Qualified q = qualified(identifier, qualifier);
		String version = LambdaFunction.LATEST;
		String invokedArn = functionArn(q.function().name);
		if (q.qualifier() != null) {
			invokedArn += ":" + q.qualifier();
			ObjectNode alias = q.function().aliases.get(q.qualifier());
			version = (alias != null) ? alias.path("FunctionVersion").asString() : q.qualifier();
		}
		ObjectNode config = q.function().configuration(version);
		if (config == null) {
			throw notFound("Function not found: " + invokedArn);
		}
		String state = q.function().latest.path("State").asString();
		if (!"Active".equals(state)) {
			throw AwsException.conflict("ResourceConflictException",
					"The operation cannot be performed at this time. The function is currently in the following state: " + state);
		}
		return new InvokedFunction(q.function().name, version, config.deepCopy(), q.function().codeKeys.get(version),
				invokedArn, q.function().reservedConcurrency);
	}

	/**
	 * Whether the function's resource policy lets {@code servicePrincipal} (e.g.
	 * {@code apigateway.amazonaws.com}) invoke it, as AWS checks before a service invokes a function.
	 */
	public synchronized boolean allowsInvocationBy(String identifier, String servicePrincipal) {
		LambdaFunction function = qualified(identifier, null).function();
		return function.statements.stream()
			.anyMatch((s) -> servicePrincipal.equals(s.path("Principal").path("Service").asString(null)));
	}

	@Override
	public boolean acceptsArn(String arn) {
		return arn.startsWith("arn:aws:lambda:");
	}

	/** Async invoke (Event) of the function an ARN names: what schedules, rules and notifications do. */
	@Override
	public void deliver(String arn, String event) {
		invokeAsync(target(arn, null), event.getBytes(StandardCharsets.UTF_8));
	}

	// ---- front door: function URLs -----------------------------------------------------------

	@Override
	public List<FrontDoor> frontDoors() {
		return List.of(this.urls, new CodeDownloads());
	}

	/** Serves {@code Code.Location} of GetFunction: the deployed zip, as S3's presigned URL does in AWS. */
	private final class CodeDownloads implements FrontDoor {

		private static final String PREFIX = "/_local/lambda-code/";

		@Override
		public boolean accepts(AwsRequest request) {
			return request.rawPath().startsWith(PREFIX);
		}

		@Override
		public AwsResponse serve(AwsRequest request) {
			String key = request.rawPath().substring(PREFIX.length());
			if (!key.matches("[0-9a-f]{64}") || !LambdaService.this.code.contains(key)) {
				return AwsResponse.text(404, "Not Found");
			}
			return AwsResponse.bytes(200, LambdaService.this.code.bytes(key), "application/zip");
		}

	}

	// ---- state machine ------------------------------------------------------------------------

	/** Marks an update InProgress; Successful once the package is unpacked (or Failed). */
	private void updated(LambdaFunction function) {
		ObjectNode config = function.latest;
		config.put("LastModified", now());
		config.put("RevisionId", UUID.randomUUID().toString());
		config.put("LastUpdateStatus", "InProgress");
		config.put("LastUpdateStatusReason", "The function is being created.");
		config.put("LastUpdateStatusReasonCode", "Creating");
		prepare(function, false);
	}

	private void prepare(LambdaFunction function, boolean creating) {
		String codeKey = function.codeKeys.get(LambdaFunction.LATEST);
		String revision = function.latest.path("RevisionId").asString();
		long started = System.currentTimeMillis();
		this.context.timers().execute(() -> {
			String failure = null;
			try {
				this.code.unpacked(codeKey);
			}
			catch (RuntimeException ex) {
				failure = ex.getMessage();
			}
			String problem = failure;
			long wait = Math.max(0, MIN_TRANSITION_MILLIS - (System.currentTimeMillis() - started));
			this.context.timers().schedule(() -> settle(function, revision, creating, problem), wait, TimeUnit.MILLISECONDS);
		});
	}

	private synchronized void settle(LambdaFunction function, String revision, boolean creating, String failure) {
		ObjectNode config = function.latest;
		if (this.functions.get(function.name) != function || !revision.equals(config.path("RevisionId").asString())) {
			return; // deleted or changed again meanwhile: the newer change settles itself
		}
		this.invoker.retire(function.name, LambdaFunction.LATEST);
		if (creating) {
			config.put("State", (failure == null) ? "Active" : "Failed");
			config.remove(List.of("StateReason", "StateReasonCode"));
			if (failure != null) {
				config.put("StateReason", failure);
				config.put("StateReasonCode", "InvalidZipFileException");
			}
		}
		config.put("LastUpdateStatus", (failure == null) ? "Successful" : "Failed");
		config.remove(List.of("LastUpdateStatusReason", "LastUpdateStatusReasonCode"));
		if (failure != null) {
			config.put("LastUpdateStatusReason", failure);
			config.put("LastUpdateStatusReasonCode", "InvalidZipFileException");
		}
		// published versions copy the settled state
		for (ObjectNode version : function.versions.values()) {
			if (!"Active".equals(version.path("State").asString())) {
				version.put("State", config.path("State").asString());
				version.put("LastUpdateStatus", config.path("LastUpdateStatus").asString());
				version.remove(List.of("StateReason", "StateReasonCode", "LastUpdateStatusReason", "LastUpdateStatusReasonCode"));
			}
		}
	}

	private void checkUpdatable(LambdaFunction function, ObjectNode in) {
		if ("InProgress".equals(function.latest.path("LastUpdateStatus").asString())
				|| "Pending".equals(function.latest.path("State").asString())) {
			throw inProgress(function);
		}
		checkRevision(function.latest, in);
	}

	private AwsException inProgress(LambdaFunction function) {
		return AwsException.conflict("ResourceConflictException",
				"The operation cannot be performed at this time. An update is in progress for resource: " + functionArn(function.name));
	}

	private static void checkRevision(ObjectNode current, ObjectNode in) {
		String expected = Json.string(in, "RevisionId");
		if (expected != null && !expected.equals(current.path("RevisionId").asString())) {
			throw new AwsException(412, "PreconditionFailedException",
					"The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id");
		}
	}

	// ---- helpers -------------------------------------------------------------------------------

	/** A function and the qualifier the caller gave (from the ARN or {@code ?Qualifier=}), or null. */
	record Qualified(LambdaFunction function, String qualifier) {
	}

	Qualified qualified(String identifier, String qualifierParameter) {
		Matcher m = ARN.matcher(identifier);
		if (!m.matches()) {
			throw invalid("1 validation error detected: Value '" + identifier
					+ "' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?");
		}
		LambdaFunction function = function(m.group(4));
		String qualifier = m.group(5);
		if (qualifierParameter != null) {
			if (qualifier != null && !qualifier.equals(qualifierParameter)) {
				throw invalid("The derived qualifier from the function name does not match the specified qualifier.");
			}
			qualifier = qualifierParameter;
		}
		if (qualifier != null && !LambdaFunction.LATEST.equals(qualifier) && !function.aliases.containsKey(qualifier)
				&& function.configuration(qualifier) == null) {
			throw notFound("Function not found: " + functionArn(function.name) + ":" + qualifier);
		}
		return new Qualified(function, qualifier);
	}

	private ObjectNode configuration(Qualified q) {
		if (q.qualifier() == null) {
			return q.function().latest;
		}
		ObjectNode alias = q.function().aliases.get(q.qualifier());
		String version = (alias != null) ? alias.path("FunctionVersion").asString() : q.qualifier();
		return q.function().configuration(version);
	}

	private int versionNumber(Qualified q) {
		try {
			return Integer.parseInt(q.qualifier());
		}
		catch (NumberFormatException ex) {
			throw invalid("Deletion of aliases is not supported through DeleteFunction; use DeleteAlias");
		}
	}

	LambdaFunction function(String identifier) {
		Matcher m = ARN.matcher(identifier);
		String name = m.matches() ? m.group(4) : identifier;
		LambdaFunction function = this.functions.get(name);
		if (function == null) {
			throw notFound("Function not found: " + functionArn(name));
		}
		return function;
	}

	synchronized LambdaFunction functionOrNull(String name) {
		return this.functions.get(name);
	}

	synchronized List<LambdaFunction> functions() {
		return List.copyOf(this.functions.values());
	}

	String functionArn(String name) {
		return this.context.arn("lambda", "function:" + name);
	}

	private byte[] code(JsonNode code, String field) {
		if (code == null || code.isNull() || !code.isObject()) {
			throw invalid("1 validation error detected: Value null at '" + field.toLowerCase() + "' failed to satisfy constraint: Member must not be null");
		}
		if (code.hasNonNull("ZipFile")) {
			try {
				return Base64.getDecoder().decode(code.get("ZipFile").asString());
			}
			catch (IllegalArgumentException ex) {
				throw invalid("ZipFile is not valid base64");
			}
		}
		String bucket = Json.string(code, "S3Bucket");
		String key = Json.string(code, "S3Key");
		if (bucket != null && key != null) {
			try {
				return this.context.service(S3Service.class).objectBytes(bucket, key);
			}
			catch (AwsException ex) {
				throw invalid("Error occurred while GetObject. S3 Error Code: " + ex.code() + ". S3 Error Message: " + ex.getMessage());
			}
		}
		if (code.hasNonNull("ImageUri")) {
			throw invalid("The local cloud runs Zip packages only; ImageUri is not supported");
		}
		throw invalid("Please provide a source for function code (ZipFile, or S3Bucket and S3Key).");
	}

	private static int timeout(JsonNode in, int defaultValue) {
		int timeout = in.path("Timeout").asInt(defaultValue);
		if (timeout < 1 || timeout > 900) {
			throw invalid("1 validation error detected: Value '" + timeout + "' at 'timeout' failed to satisfy constraint: Member must have value between 1 and 900");
		}
		return timeout;
	}

	private static int memory(JsonNode in, int defaultValue) {
		int memory = in.path("MemorySize").asInt(defaultValue);
		if (memory < 128 || memory > 10240) {
			throw invalid("1 validation error detected: Value '" + memory + "' at 'memorySize' failed to satisfy constraint: Member must have value between 128 and 10240");
		}
		return memory;
	}

	private static ObjectNode environment(JsonNode in, ObjectNode defaults) {
		JsonNode variables = in.path("Environment").path("Variables");
		ObjectNode environment = Json.object();
		ObjectNode values = environment.putObject("Variables");
		if (variables.isObject()) {
			for (Map.Entry<String, JsonNode> entry : variables.properties()) {
				if (!entry.getKey().matches("[a-zA-Z]([a-zA-Z0-9_])+")) {
					throw invalid("Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys or invalid names: " + entry.getKey());
				}
				values.put(entry.getKey(), entry.getValue().asString());
			}
		}
		return environment;
	}

	private static String now() {
		return ZonedDateTime.now(ZoneOffset.UTC).format(LAST_MODIFIED);
	}

	static AwsException invalid(String message) {
		return AwsException.badRequest("InvalidParameterValueException", message);
	}

	static AwsException notFound(String message) {
		return AwsException.notFound("ResourceNotFoundException", message);
	}

	// ---- persistence ---------------------------------------------------------------------------

	@Override
	public synchronized JsonNode saveState() {
		ObjectNode state = Json.object();
		state.set("functions", Json.tree(List.copyOf(this.functions.values())));
		if (this.mappings != null) {
			state.set("eventSourceMappings", this.mappings.saveState());
		}
		return state;
	}

	@Override
	public synchronized void loadState(JsonNode state) {
		this.functions.clear();
		for (JsonNode node : state.path("functions")) {
			LambdaFunction function = Json.mapper().treeToValue(node, LambdaFunction.class);
			// a saved Pending/InProgress function was being unpacked: it is ready now
			function.latest.put("State", "Active");
			function.latest.put("LastUpdateStatus", "Successful");
			this.functions.put(function.name, function);
		}
		this.pendingMappings = state.path("eventSourceMappings");
	}

	/** Saved mappings, applied once {@link #start} has created the mappings component. */
	JsonNode pendingMappings;

}
