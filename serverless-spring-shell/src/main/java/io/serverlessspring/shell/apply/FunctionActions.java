package io.serverlessspring.shell.apply;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.serverlessspring.shell.model.DesiredStage;
import io.serverlessspring.shell.model.FunctionSpec;
import io.serverlessspring.shell.model.ManagedEnvironment;
import io.serverlessspring.shell.model.Names;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.DeadLetterConfig;
import software.amazon.awssdk.services.lambda.model.Environment;
import software.amazon.awssdk.services.lambda.model.EphemeralStorage;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.SnapStart;
import software.amazon.awssdk.services.lambda.model.SnapStartApplyOn;
import software.amazon.awssdk.services.lambda.model.TracingConfig;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.VpcConfig;

/** The function, its versions, its live alias and its concurrency. */
public final class FunctionActions {

	/** How long a new role may take to become assumable by Lambda (IAM is eventually consistent). */
	private static final Duration ROLE_PROPAGATION = Duration.ofSeconds(90);

	private FunctionActions() {
	}

	public static void create(ApplyContext ctx) {
		DesiredStage desired = ctx.desired();
		FunctionSpec spec = desired.function();
		CreateFunctionRequest request = CreateFunctionRequest.builder()
			.functionName(spec.name())
			.description(spec.description())
			.runtime(spec.runtime())
			.handler(spec.handler())
			.role(desired.roleArn())
			.architectures(Architecture.fromValue(spec.architecture()))
			.memorySize(spec.memory())
			.timeout(spec.timeout())
			.ephemeralStorage(EphemeralStorage.builder().size(spec.ephemeralStorage()).build())
			.environment(Environment.builder().variables(ManagedEnvironment.merge(spec.environment(), Map.of())).build())
			.layers(spec.layers())
			.tracingConfig(TracingConfig.builder().mode(spec.tracing()).build())
			.kmsKeyArn(spec.kmsKeyArn())
			.deadLetterConfig(spec.deadLetterTarget() != null
					? DeadLetterConfig.builder().targetArn(spec.deadLetterTarget()).build() : null)
			.vpcConfig(spec.subnetIds().isEmpty() ? null
					: VpcConfig.builder().subnetIds(spec.subnetIds()).securityGroupIds(spec.securityGroupIds()).build())
			.snapStart(snapStart(spec))
			.code(FunctionCode.builder().s3Bucket(desired.bucket()).s3Key(desired.code().key()).build())
			.tags(tags(desired))
			.publish(false)
			.build();
		try {
			whileRolePropagates(ctx, () -> ctx.clients().lambda().createFunction(request));
		}
		catch (ResourceConflictException ex) {
			// Created by an interrupted deploy: bring it to the desired state instead.
			updateConfiguration(ctx);
			updateCode(ctx);
			tag(ctx);
			return;
		}
		ctx.clients().lambda().waiter().waitUntilFunctionActiveV2(b -> b.functionName(spec.name()));
	}

	public static void updateConfiguration(ApplyContext ctx) {
		DesiredStage desired = ctx.desired();
		FunctionSpec spec = desired.function();
		// Read just before writing, so variables set outside the tool meanwhile are kept too.
		var current = ctx.clients().lambda().getFunctionConfiguration(b -> b.functionName(spec.name())).environment();
		Map<String, String> environment = ManagedEnvironment.merge(spec.environment(),
				(current != null && current.variables() != null) ? current.variables() : Map.of());
		UpdateFunctionConfigurationRequest request = UpdateFunctionConfigurationRequest.builder()
			.functionName(spec.name())
			.description(spec.description())
			.runtime(spec.runtime())
			.handler(spec.handler())
			.role(desired.roleArn())
			.memorySize(spec.memory())
			.timeout(spec.timeout())
			.ephemeralStorage(EphemeralStorage.builder().size(spec.ephemeralStorage()).build())
			.environment(Environment.builder().variables(environment).build())
			.layers(spec.layers())
			.tracingConfig(TracingConfig.builder().mode(spec.tracing()).build())
			.kmsKeyArn(spec.kmsKeyArn() != null ? spec.kmsKeyArn() : "")
			.deadLetterConfig(DeadLetterConfig.builder().targetArn(spec.deadLetterTarget() != null ? spec.deadLetterTarget() : "").build())
			.vpcConfig(VpcConfig.builder().subnetIds(spec.subnetIds()).securityGroupIds(spec.securityGroupIds()).build())
			.snapStart(snapStart(spec))
			.build();
		whileUpdating(ctx, () -> whileRolePropagates(ctx, () -> ctx.clients().lambda().updateFunctionConfiguration(request)));
		awaitUpdated(ctx);
	}

	public static void updateCode(ApplyContext ctx) {
		DesiredStage desired = ctx.desired();
		whileUpdating(ctx, () -> ctx.clients()
			.lambda()
			.updateFunctionCode(b -> b.functionName(desired.functionName())
				.s3Bucket(desired.bucket())
				.s3Key(desired.code().key())
				.architectures(Architecture.fromValue(desired.function().architecture()))));
		awaitUpdated(ctx);
	}

	public static void tag(ApplyContext ctx) {
		ctx.clients().lambda().tagResource(b -> b.resource(ctx.desired().functionArn()).tags(tags(ctx.desired())));
	}

	public static void reservedConcurrency(ApplyContext ctx) {
		Integer reserved = ctx.desired().function().reservedConcurrency();
		String name = ctx.desired().functionName();
		if (reserved == null) {
			ctx.clients().lambda().deleteFunctionConcurrency(b -> b.functionName(name));
		}
		else {
			ctx.clients().lambda().putFunctionConcurrency(b -> b.functionName(name).reservedConcurrentExecutions(reserved));
		}
	}

	public static void publishVersion(ApplyContext ctx) {
		DesiredStage desired = ctx.desired();
		PublishVersionResponse published = whileUpdating(ctx, () -> ctx.clients()
			.lambda()
			.publishVersion(b -> b.functionName(desired.functionName())
				.codeSha256(desired.code().codeSha256())
				.description(desired.versionDescription())));
		ctx.setVersion(published.version());
		if (desired.function().snapStart()) {
			ctx.progress("    waiting for the SnapStart snapshot of version " + published.version() + " ...");
			ctx.clients()
				.lambda()
				.waiter()
				.waitUntilPublishedVersionActive(b -> b.functionName(desired.functionName()).qualifier(published.version()));
		}
	}

	public static void pointAlias(ApplyContext ctx) {
		String name = ctx.desired().functionName();
		String version = ctx.version();
		LambdaClient lambda = ctx.clients().lambda();
		try {
			lambda.updateAlias(b -> b.functionName(name).name(Names.ALIAS).functionVersion(version));
		}
		catch (ResourceNotFoundException ex) {
			lambda.createAlias(b -> b.functionName(name)
				.name(Names.ALIAS)
				.functionVersion(version)
				.description("What every front, schedule and event source invokes"));
		}
	}

	public static void provisionedConcurrency(ApplyContext ctx) {
		ctx.clients()
			.lambda()
			.putProvisionedConcurrencyConfig(b -> b.functionName(ctx.desired().functionName())
				.qualifier(Names.ALIAS)
				.provisionedConcurrentExecutions(ctx.desired().function().provisionedConcurrency()));
	}

	public static void deleteVersions(ApplyContext ctx, List<String> versions) {
		for (String version : versions) {
			try {
				ctx.clients().lambda().deleteFunction(b -> b.functionName(ctx.desired().functionName()).qualifier(version));
			}
			catch (ResourceNotFoundException ex) {
				// already gone
			}
		}
	}

	private static SnapStart snapStart(FunctionSpec spec) {
		return SnapStart.builder()
			.applyOn(spec.snapStart() ? SnapStartApplyOn.PUBLISHED_VERSIONS : SnapStartApplyOn.NONE)
			.build();
	}

	private static Map<String, String> tags(DesiredStage desired) {
		Map<String, String> tags = new LinkedHashMap<>(desired.tags());
		tags.putAll(desired.code().packageTags());
		return tags;
	}

	private static void awaitUpdated(ApplyContext ctx) {
		ctx.clients().lambda().waiter().waitUntilFunctionUpdatedV2(b -> b.functionName(ctx.desired().functionName()));
	}

	/** Retries while Lambda says another update of the function is in progress. */
	static <T> T whileUpdating(ApplyContext ctx, Supplier<T> call) {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
		while (true) {
			try {
				return call.get();
			}
			catch (ResourceConflictException ex) {
				if (Instant.now().isAfter(deadline)) {
					throw ex;
				}
				ctx.progress("    an update of " + ctx.desired().functionName() + " is in progress; waiting for it ...");
				awaitUpdated(ctx);
			}
		}
	}

	/** Retries while a just-created role cannot be assumed yet (IAM is eventually consistent). */
	static <T> T whileRolePropagates(ApplyContext ctx, Supplier<T> call) {
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
				backoff(backoff);
				backoff = Math.min(backoff * 2, 10000);
			}
		}
	}

	private static void backoff(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

}
