package io.serverlessspring.shell.execute;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.serverlessspring.shell.model.FunctionSpec;
import io.serverlessspring.shell.model.ManagedEnvironment;
import io.serverlessspring.shell.plan.Action;
import io.serverlessspring.shell.plan.FunctionChanges;
import io.serverlessspring.shell.plan.Value;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.DeadLetterConfig;
import software.amazon.awssdk.services.lambda.model.Environment;
import software.amazon.awssdk.services.lambda.model.EphemeralStorage;
import software.amazon.awssdk.services.lambda.model.FileSystemConfig;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.ProvisionedConcurrencyConfigNotFoundException;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.SnapStart;
import software.amazon.awssdk.services.lambda.model.SnapStartApplyOn;
import software.amazon.awssdk.services.lambda.model.TracingConfig;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.VpcConfig;

/** The function, its versions, its aliases and its concurrency. */
final class FunctionHandlers {

	/** How long a new role may take to become assumable by Lambda (IAM is eventually consistent). */
	private static final Duration ROLE_PROPAGATION = Duration.ofSeconds(90);

	private FunctionHandlers() {
	}

	static void register(Executor.Registry registry) {
		registry.on(FunctionChanges.Function.class, FunctionHandlers::function);
		registry.on(FunctionChanges.Configuration.class, (change, ctx) -> configure(ctx, change.spec(), change.roleArn()));
		registry.on(FunctionChanges.Code.class, (change, ctx) -> code(ctx, change.function(), change.bucket(), change.key(),
				change.architecture()));
		registry.on(FunctionChanges.Tags.class, (change, ctx) -> ctx.clients()
			.lambda()
			.tagResource(b -> b.resource(change.functionArn()).tags(change.tags())));
		registry.on(FunctionChanges.Version.class, FunctionHandlers::version);
		registry.on(FunctionChanges.Alias.class, FunctionHandlers::alias);
		registry.on(FunctionChanges.Concurrency.class, FunctionHandlers::concurrency);
	}

	private static void function(FunctionChanges.Function change, ExecutionContext ctx) {
		LambdaClient lambda = ctx.clients().lambda();
		if (change.action() == Action.DELETE) {
			try {
				lambda.deleteFunction(b -> b.functionName(change.name()));
			}
			catch (ResourceNotFoundException ex) {
				// already gone
			}
			return;
		}
		FunctionSpec spec = change.spec();
		CreateFunctionRequest request = CreateFunctionRequest.builder()
			.functionName(spec.name())
			.description(spec.description())
			.runtime(spec.runtime())
			.handler(spec.handler())
			.role(change.roleArn())
			.architectures(Architecture.fromValue(spec.architecture()))
			.memorySize(spec.memory())
			.timeout(spec.timeout())
			.ephemeralStorage(EphemeralStorage.builder().size(spec.ephemeralStorage()).build())
			.environment(Environment.builder().variables(ManagedEnvironment.merge(spec.environment(), Map.of())).build())
			.layers(LayerHandlers.resolve(ctx, spec.layers()))
			.tracingConfig(TracingConfig.builder().mode(spec.tracing()).build())
			.kmsKeyArn(spec.kmsKeyArn())
			.deadLetterConfig(spec.deadLetterTarget() != null
					? DeadLetterConfig.builder().targetArn(spec.deadLetterTarget()).build() : null)
			.vpcConfig(spec.subnetIds().isEmpty() ? null
					: VpcConfig.builder().subnetIds(spec.subnetIds()).securityGroupIds(spec.securityGroupIds()).build())
			.snapStart(snapStart(spec))
			.fileSystemConfigs(fileSystems(spec))
			.code(FunctionCode.builder().s3Bucket(change.bucket()).s3Key(change.key()).build())
			.tags(change.tags())
			.publish(false)
			.build();
		try {
			whileRolePropagates(ctx, () -> lambda.createFunction(request));
		}
		catch (ResourceConflictException ex) {
			// Created by an interrupted deploy: bring it to the desired state instead.
			configure(ctx, spec, change.roleArn());
			code(ctx, spec.name(), change.bucket(), change.key(), spec.architecture());
			lambda.tagResource(b -> b.resource(lambda.getFunction(f -> f.functionName(spec.name())).configuration().functionArn())
				.tags(change.tags()));
			return;
		}
		ctx.await("function " + spec.name() + " to be active", () -> lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName(spec.name())));
	}

	private static void configure(ExecutionContext ctx, FunctionSpec spec, String roleArn) {
		// Read just before writing, so variables set outside the tool meanwhile are kept too.
		var current = ctx.clients().lambda().getFunctionConfiguration(b -> b.functionName(spec.name())).environment();
		Map<String, String> environment = ManagedEnvironment.merge(spec.environment(),
				(current != null && current.variables() != null) ? current.variables() : Map.of());
		UpdateFunctionConfigurationRequest request = UpdateFunctionConfigurationRequest.builder()
			.functionName(spec.name())
			.description(spec.description())
			.runtime(spec.runtime())
			.handler(spec.handler())
			.role(roleArn)
			.memorySize(spec.memory())
			.timeout(spec.timeout())
			.ephemeralStorage(EphemeralStorage.builder().size(spec.ephemeralStorage()).build())
			.environment(Environment.builder().variables(environment).build())
			.layers(LayerHandlers.resolve(ctx, spec.layers()))
			.tracingConfig(TracingConfig.builder().mode(spec.tracing()).build())
			.kmsKeyArn(spec.kmsKeyArn() != null ? spec.kmsKeyArn() : "")
			.deadLetterConfig(DeadLetterConfig.builder().targetArn(spec.deadLetterTarget() != null ? spec.deadLetterTarget() : "").build())
			.vpcConfig(VpcConfig.builder().subnetIds(spec.subnetIds()).securityGroupIds(spec.securityGroupIds()).build())
			.snapStart(snapStart(spec))
			// An empty list unmounts what an earlier deploy mounted.
			.fileSystemConfigs(fileSystems(spec))
			.build();
		whileUpdating(ctx, spec.name(),
				() -> whileRolePropagates(ctx, () -> ctx.clients().lambda().updateFunctionConfiguration(request)));
		awaitUpdated(ctx, spec.name());
	}

	private static void code(ExecutionContext ctx, String function, String bucket, String key, String architecture) {
		whileUpdating(ctx, function, () -> ctx.clients()
			.lambda()
			.updateFunctionCode(b -> b.functionName(function).s3Bucket(bucket).s3Key(key)
				.architectures(Architecture.fromValue(architecture))));
		awaitUpdated(ctx, function);
	}

	private static void version(FunctionChanges.Version change, ExecutionContext ctx) {
		LambdaClient lambda = ctx.clients().lambda();
		if (change.action() == Action.DELETE) {
			for (String version : change.versions()) {
				try {
					lambda.deleteFunction(b -> b.functionName(change.function()).qualifier(version));
				}
				catch (ResourceNotFoundException ex) {
					// already gone
				}
			}
			return;
		}
		PublishVersionResponse published = whileUpdating(ctx, change.function(), () -> lambda
			.publishVersion(b -> b.functionName(change.function()).codeSha256(change.codeSha256()).description(change.description())));
		ctx.output(Value.VERSION, published.version());
		if (change.snapStart()) {
			ctx.await("the SnapStart snapshot of version " + published.version(), () -> lambda.waiter().waitUntilPublishedVersionActive(b -> b.functionName(change.function()).qualifier(published.version())));
		}
	}

	private static void alias(FunctionChanges.Alias change, ExecutionContext ctx) {
		LambdaClient lambda = ctx.clients().lambda();
		if (change.action() == Action.DELETE) {
			try {
				lambda.deleteAlias(b -> b.functionName(change.function()).name(change.name()));
			}
			catch (ResourceNotFoundException ex) {
				// already gone
			}
			return;
		}
		String version = ctx.resolve(change.version());
		ctx.output(Value.VERSION, version);
		try {
			lambda.updateAlias(b -> b.functionName(change.function()).name(change.name()).functionVersion(version));
		}
		catch (ResourceNotFoundException ex) {
			lambda.createAlias(b -> b.functionName(change.function()).name(change.name()).functionVersion(version)
				.description("What every front, schedule and event source invokes"));
		}
	}

	private static void concurrency(FunctionChanges.Concurrency change, ExecutionContext ctx) {
		LambdaClient lambda = ctx.clients().lambda();
		if (change.qualifier() != null && change.value() == null) {
			try {
				lambda.deleteProvisionedConcurrencyConfig(b -> b.functionName(change.function()).qualifier(change.qualifier()));
			}
			catch (ResourceNotFoundException | ProvisionedConcurrencyConfigNotFoundException ex) {
				// already gone
			}
		}
		else if (change.qualifier() != null) {
			lambda.putProvisionedConcurrencyConfig(b -> b.functionName(change.function()).qualifier(change.qualifier())
				.provisionedConcurrentExecutions(change.value()));
		}
		else if (change.value() == null) {
			lambda.deleteFunctionConcurrency(b -> b.functionName(change.function()));
		}
		else {
			lambda.putFunctionConcurrency(b -> b.functionName(change.function()).reservedConcurrentExecutions(change.value()));
		}
	}

	private static List<FileSystemConfig> fileSystems(FunctionSpec spec) {
		return spec.fileSystems()
			.stream()
			.map(f -> FileSystemConfig.builder().arn(f.accessPointArn()).localMountPath(f.localMountPath()).build())
			.toList();
	}

	private static SnapStart snapStart(FunctionSpec spec) {
		return SnapStart.builder()
			.applyOn(spec.snapStart() ? SnapStartApplyOn.PUBLISHED_VERSIONS : SnapStartApplyOn.NONE)
			.build();
	}

	private static void awaitUpdated(ExecutionContext ctx, String function) {
		ctx.await("the update of " + function, () -> ctx.clients().lambda().waiter().waitUntilFunctionUpdatedV2(b -> b.functionName(function)));
	}

	/** Retries while Lambda says another update of the function is in progress. */
	private static <T> T whileUpdating(ExecutionContext ctx, String function, Supplier<T> call) {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
		while (true) {
			try {
				return call.get();
			}
			catch (ResourceConflictException ex) {
				if (Instant.now().isAfter(deadline)) {
					throw ex;
				}
				ctx.progress("    an update of " + function + " is in progress; waiting for it ...");
				awaitUpdated(ctx, function);
			}
		}
	}

	/** Retries while a just-created role cannot be assumed yet (IAM is eventually consistent). */
	private static <T> T whileRolePropagates(ExecutionContext ctx, Supplier<T> call) {
		Instant deadline = Instant.now().plus(ROLE_PROPAGATION);
		long backoff = 1000;
		while (true) {
			try {
				return call.get();
			}
			catch (InvalidParameterValueException ex) {
				String message = String.valueOf(ex.getMessage());
				if (!message.contains("cannot be assumed") || Instant.now().isAfter(deadline)) {
					throw ex;
				}
				ctx.progress("    the new role is not usable by Lambda yet; retrying ...");
				try {
					Thread.sleep(backoff);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("interrupted", interrupted);
				}
				backoff = Math.min(backoff * 2, 10000);
			}
		}
	}

}
