package io.serverlessspring.local.lambda;

import java.util.List;
import java.util.UUID;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.lambda.runtime.Invoker;
import io.serverlessspring.local.lambda.runtime.FunctionJvm;
import io.serverlessspring.local.server.Json;
import io.serverlessspring.local.server.LocalContext;

/**
 * Functions themselves: create, read, update (configuration or code) and delete, building the
 * {@code FunctionConfiguration} documents Lambda returns. Callers hold the registry's monitor.
 */
final class FunctionConfigurations {

	private final FunctionRegistry functions;

	private final LocalContext context;

	private final CodeStore code;

	private final FunctionStateMachine states;

	private final FunctionVersions versions;

	private final Invoker invoker;

	private final EventSourceMappings mappings;

	private final LayerVersions layers;

	FunctionConfigurations(FunctionRegistry functions, LocalContext context, CodeStore code, FunctionStateMachine states,
			FunctionVersions versions, Invoker invoker, EventSourceMappings mappings, LayerVersions layers) {
		this.layers = layers;
		this.functions = functions;
		this.context = context;
		this.code = code;
		this.states = states;
		this.versions = versions;
		this.invoker = invoker;
		this.mappings = mappings;
	}

	/** CreateFunction: the new function's configuration, Pending until its package is unpacked. */
	ObjectNode create(ObjectNode in) {
		String name = FunctionValidation.functionName(Json.required(in, "FunctionName", "InvalidParameterValueException"));
		if (this.functions.contains(name)) {
			throw LambdaErrors.conflict("Function already exist: " + name);
		}
		String role = FunctionValidation.role(this.context, Json.required(in, "Role", "InvalidParameterValueException"));
		FunctionValidation.zipPackage(in.path("PackageType").asString("Zip"));
		String runtime = FunctionValidation.runtime(Json.required(in, "Runtime", "InvalidParameterValueException"));
		Json.required(in, "Handler", "InvalidParameterValueException");
		byte[] zip = FunctionValidation.code(this.context, in.get("Code"), "Code");

		ObjectNode config = Json.object();
		config.put("FunctionName", name);
		config.put("FunctionArn", this.functions.functionArn(name));
		config.put("Runtime", runtime);
		config.put("Role", role);
		config.put("Handler", Json.string(in, "Handler"));
		config.put("CodeSize", zip.length);
		config.put("Description", in.path("Description").asString(""));
		config.put("Timeout", FunctionValidation.timeout(in, 3));
		config.put("MemorySize", FunctionValidation.memory(in, 128));
		config.put("LastModified", LambdaFunction.lastModifiedNow());
		config.put("CodeSha256", CodeStore.codeSha256(zip));
		config.put("Version", LambdaFunction.LATEST);
		config.set("Environment", FunctionValidation.environment(in));
		config.putObject("TracingConfig").put("Mode", in.path("TracingConfig").path("Mode").asString("PassThrough"));
		config.put("RevisionId", UUID.randomUUID().toString());
		config.put("PackageType", "Zip");
		config.set("Architectures", in.has("Architectures") ? FunctionValidation.architectures(in.get("Architectures"))
				: Json.array().add("x86_64"));
		config.putObject("EphemeralStorage").put("Size", in.path("EphemeralStorage").path("Size").asInt(512));
		ObjectNode snapStart = config.putObject("SnapStart");
		snapStart.put("ApplyOn", in.path("SnapStart").path("ApplyOn").asString("None"));
		snapStart.put("OptimizationStatus", "Off");
		ObjectNode logging = config.putObject("LoggingConfig");
		logging.put("LogFormat", in.path("LoggingConfig").path("LogFormat").asString("Text"));
		logging.put("LogGroup", in.path("LoggingConfig").path("LogGroup").asString("/aws/lambda/" + name));
		config.set("Layers", this.layers.references(in.get("Layers"), Json.array()));
		NetworkAndStorageFields.apply(in, config);
		FunctionStateMachine.markCreating(config);

		LambdaFunction function = new LambdaFunction();
		function.name = name;
		function.latest = config;
		function.codeKeys.put(LambdaFunction.LATEST, this.code.put(zip));
		function.tags.putAll(Json.stringMap(in, "Tags"));
		this.functions.add(function);
		ObjectNode response = config.deepCopy();
		if (in.path("Publish").asBoolean(false)) {
			this.versions.publish(function, null);
		}
		this.states.created(function);
		return response;
	}

	/** ListFunctions: every {@code $LATEST}, and with {@code FunctionVersion=ALL} every version too. */
	ObjectNode list(boolean allVersions) {
		ObjectNode out = Json.object();
		ArrayNode list = out.putArray("Functions");
		for (LambdaFunction function : this.functions.functions()) {
			list.add(function.latest.deepCopy());
			if (allVersions) {
				function.versions.values().forEach((v) -> list.add(v.deepCopy()));
			}
		}
		return out;
	}

	/** GetFunction: configuration, where to download the code, tags and reserved concurrency. */
	ObjectNode get(String identifier, String qualifier) {
		FunctionRegistry.Qualified q = this.functions.qualified(identifier, qualifier);
		ObjectNode config = this.functions.configuration(q);
		ObjectNode out = Json.object();
		out.set("Configuration", withRuntimeVersion(config.deepCopy()));
		ObjectNode location = out.putObject("Code");
		location.put("RepositoryType", "S3");
		location.put("Location", CodeDownloads.location(this.context, q.function().codeKeys.get(config.path("Version").asString())));
		if (!q.function().tags.isEmpty()) {
			out.set("Tags", Json.tree(q.function().tags));
		}
		if (q.function().reservedConcurrency != null) {
			out.putObject("Concurrency").put("ReservedConcurrentExecutions", q.function().reservedConcurrency);
		}
		return out;
	}

	ObjectNode configuration(String identifier, String qualifier) {
		return withRuntimeVersion(this.functions.configuration(this.functions.qualified(identifier, qualifier)).deepCopy());
	}

	/**
	 * Lambda's {@code RuntimeVersionConfig}, naming the JDK this machine runs the runtime on; its
	 * {@code Error} says when no JDK of the runtime's major version is installed (see {@link FunctionJvm}).
	 */
	private ObjectNode withRuntimeVersion(ObjectNode config) {
		String runtime = config.path("Runtime").asString("");
		FunctionJvm.Choice jvm = FunctionJvm.installed().choose(runtime);
		ObjectNode version = config.putObject("RuntimeVersionConfig");
		version.put("RuntimeVersionArn", "arn:aws:lambda:" + this.context.region() + "::runtime:local:"
				+ jvm.describe(runtime).replace(' ', '-'));
		if (jvm.note() != null) {
			ObjectNode error = version.putObject("Error");
			error.put("ErrorCode", "LocalJdkMissing");
			error.put("Message", jvm.note());
		}
		return config;
	}

	/** DeleteFunction: the whole function, or with a version qualifier that version only. */
	void delete(String identifier, String qualifier) {
		FunctionRegistry.Qualified q = this.functions.qualified(identifier, qualifier);
		LambdaFunction function = q.function();
		if (q.qualifier() == null || LambdaFunction.LATEST.equals(q.qualifier())) {
			if (q.qualifier() != null) {
				throw LambdaErrors.invalid("$LATEST version cannot be deleted without deleting the function.");
			}
			this.functions.remove(function.name);
			this.invoker.retire(function.name, null);
			this.mappings.functionDeleted(function.name);
		}
		else {
			this.versions.delete(function, q.qualifier());
		}
	}

	/**
	 * UpdateFunctionConfiguration: the members given change; the rest stays. Changes are made on a copy
	 * that replaces {@code $LATEST} only when every member passed, so a refused update changes nothing.
	 */
	ObjectNode updateConfiguration(String identifier, ObjectNode in) {
		LambdaFunction function = updatable(identifier, in);
		ObjectNode config = function.latest.deepCopy();
		if (in.has("Role")) {
			config.put("Role", FunctionValidation.role(this.context, Json.string(in, "Role")));
		}
		for (String text : List.of("Handler", "Description")) {
			if (in.has(text)) {
				config.put(text, Json.string(in, text));
			}
		}
		if (in.has("Timeout")) {
			config.put("Timeout", FunctionValidation.timeout(in, 3));
		}
		if (in.has("MemorySize")) {
			config.put("MemorySize", FunctionValidation.memory(in, 128));
		}
		if (in.has("Runtime")) {
			config.put("Runtime", FunctionValidation.runtime(Json.string(in, "Runtime")));
		}
		if (in.has("Environment")) {
			config.set("Environment", FunctionValidation.environment(in));
		}
		if (in.has("Layers")) {
			config.set("Layers", this.layers.references(in.get("Layers"), config.path("Layers")));
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
		NetworkAndStorageFields.apply(in, config);
		function.latest = config;
		this.states.updated(function);
		return config.deepCopy();
	}

	/** UpdateFunctionCode: a new package for {@code $LATEST}, published at once with {@code Publish}. */
	ObjectNode updateCode(String identifier, ObjectNode in) {
		LambdaFunction function = updatable(identifier, in);
		byte[] zip = FunctionValidation.code(this.context, in, "Code");
		if (in.has("Architectures")) {
			// The instruction set goes with the package: Lambda changes it only here, never in the configuration.
			function.latest.set("Architectures", FunctionValidation.architectures(in.get("Architectures")));
		}
		function.codeKeys.put(LambdaFunction.LATEST, this.code.put(zip));
		function.latest.put("CodeSize", zip.length);
		function.latest.put("CodeSha256", CodeStore.codeSha256(zip));
		this.states.updated(function);
		ObjectNode response = function.latest.deepCopy();
		if (in.path("Publish").asBoolean(false)) {
			response = this.versions.publish(function, null).deepCopy();
		}
		return response;
	}

	private LambdaFunction updatable(String identifier, ObjectNode in) {
		LambdaFunction function = this.functions.function(identifier);
		this.states.checkNotChanging(function);
		FunctionValidation.revision(function.latest.path("RevisionId").asString(), in);
		return function;
	}

}
