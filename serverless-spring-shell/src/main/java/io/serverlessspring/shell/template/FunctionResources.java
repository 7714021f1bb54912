package io.serverlessspring.shell.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.shell.model.DesiredStage;
import io.serverlessspring.shell.model.FunctionSpec;
import io.serverlessspring.shell.model.RoleSpec;
import io.serverlessspring.shell.settings.SecretMask;

import static io.serverlessspring.shell.template.Cfn.getAtt;
import static io.serverlessspring.shell.template.Cfn.map;
import static io.serverlessspring.shell.template.Cfn.ref;
import static io.serverlessspring.shell.template.Cfn.sub;

/**
 * The function and what it needs: the code parameters, its log group, execution role, the function
 * (secret environment values as {@code NoEcho} parameters), its published version and live alias.
 */
final class FunctionResources {

	private final TemplateDocument stack;

	private final DesiredStage desired;

	private FunctionResources(TemplateDocument stack) {
		this.stack = stack;
		this.desired = stack.desired();
	}

	static void add(TemplateDocument stack) {
		FunctionResources resources = new FunctionResources(stack);
		resources.codeParameters();
		resources.logGroup();
		resources.role();
		resources.function();
	}

	private boolean accountBucket() {
		return this.desired.bucket().contains("${AWS::");
	}

	private void codeParameters() {
		// A parameter's default cannot hold an intrinsic: the account's default bucket is chosen by a condition.
		boolean accountBucket = accountBucket();
		this.stack.parameters().put("CodeBucket", map("Type", "String", "Default", accountBucket ? "" : this.desired.bucket(),
				"Description", accountBucket ? "Bucket holding the Lambda zip; empty: " + this.desired.bucket()
					.replace("${AWS::AccountId}", "<account>").replace("${AWS::Region}", "<region>")
						: "Bucket holding the Lambda zip (the console uploads it there)"));
		if (accountBucket) {
			this.stack.conditions().put("CodeBucketGiven",
					map("Fn::Not", List.of(map("Fn::Equals", List.of(ref("CodeBucket"), "")))));
		}
		this.stack.parameters().put("CodeKey", map("Type", "String", "Default", this.desired.code().key(), "Description",
				"Key of the Lambda zip in CodeBucket"));
		if (this.desired.layer() != null) {
			this.stack.parameters().put("LayerKey", map("Type", "String", "Default", this.desired.layer().key(),
					"Description", "Key of the dependency layer zip in CodeBucket"));
			// The stack owns its layer version; the console's deploy shares one per dependency set instead.
			this.stack.resource("DependencyLayer", "AWS::Lambda::LayerVersion", map("LayerName",
					this.desired.layer().name(), "Description", this.desired.layer().description(), "Content",
					map("S3Bucket", codeBucket(), "S3Key", ref("LayerKey"))));
		}
	}

	private void logGroup() {
		Map<String, Object> properties = map("LogGroupName", this.desired.logGroup().name());
		if (this.desired.logGroup().retentionDays() > 0) {
			properties.put("RetentionInDays", this.desired.logGroup().retentionDays());
		}
		properties.put("Tags", this.stack.tagList());
		this.stack.resource("FunctionLogGroup", "AWS::Logs::LogGroup", properties);
	}

	private void role() {
		RoleSpec role = this.desired.role();
		if (role != null) {
			this.stack.resource("ExecutionRole", "AWS::IAM::Role", roleProperties(this.stack, role));
		}
	}

	/** An IAM role with its inline least-privilege policy (the execution role, the scheduler's role). */
	static Map<String, Object> roleProperties(TemplateDocument stack, RoleSpec role) {
		Map<String, Object> properties = map("RoleName", role.name(), "AssumeRolePolicyDocument",
				Cfn.json(role.trustDocument()));
		properties.put("Policies",
				List.of(map("PolicyName", ResourceNames.POLICY_NAME, "PolicyDocument", Cfn.json(role.policyDocument()))));
		if (!role.attachedPolicies().isEmpty()) {
			properties.put("ManagedPolicyArns", role.attachedPolicies());
		}
		if (role.permissionsBoundary() != null) {
			properties.put("PermissionsBoundary", role.permissionsBoundary());
		}
		properties.put("Tags", stack.tagList());
		return properties;
	}

	/** The CodeBucket parameter, or the account's default bucket when it is left empty. */
	private Object codeBucket() {
		if (!accountBucket()) {
			return ref("CodeBucket");
		}
		return map("Fn::If", List.of("CodeBucketGiven", ref("CodeBucket"), sub(this.desired.bucket())));
	}

	private Object roleArn() {
		return (this.desired.role() != null) ? getAtt("ExecutionRole", "Arn") : this.desired.roleArn();
	}

	private void function() {
		FunctionSpec spec = this.desired.function();
		boolean sam = this.stack.sam();
		Map<String, Object> properties = map("FunctionName", spec.name());
		if (spec.description() != null && !spec.description().isEmpty()) {
			properties.put("Description", spec.description());
		}
		properties.put("Runtime", spec.runtime());
		properties.put("Handler", spec.handler());
		properties.put("Architectures", List.of(spec.architecture()));
		properties.put("MemorySize", spec.memory());
		properties.put("Timeout", spec.timeout());
		properties.put("EphemeralStorage", map("Size", spec.ephemeralStorage()));
		properties.put("Role", roleArn());
		if (sam) {
			properties.put("CodeUri", map("Bucket", codeBucket(), "Key", ref("CodeKey")));
			properties.put("AutoPublishAlias", ResourceNames.ALIAS);
		}
		else {
			properties.put("Code", map("S3Bucket", codeBucket(), "S3Key", ref("CodeKey")));
		}
		if (!spec.environment().isEmpty()) {
			properties.put("Environment", map("Variables", environment(spec.environment())));
		}
		List<Object> layers = new java.util.ArrayList<>();
		if (this.desired.layer() != null) {
			layers.add(ref("DependencyLayer"));
		}
		layers.addAll(spec.layers());
		if (!layers.isEmpty()) {
			properties.put("Layers", layers);
		}
		properties.put("TracingConfig", map("Mode", spec.tracing()));
		if (spec.kmsKeyArn() != null) {
			properties.put("KmsKeyArn", spec.kmsKeyArn());
		}
		if (spec.deadLetterTarget() != null) {
			properties.put("DeadLetterConfig", map("TargetArn", spec.deadLetterTarget()));
		}
		if (!spec.subnetIds().isEmpty()) {
			properties.put("VpcConfig", map("SubnetIds", spec.subnetIds(), "SecurityGroupIds", spec.securityGroupIds()));
		}
		if (!spec.fileSystems().isEmpty()) {
			properties.put("FileSystemConfigs", spec.fileSystems()
				.stream()
				.map(f -> map("Arn", f.accessPointArn(), "LocalMountPath", f.localMountPath()))
				.toList());
		}
		if (spec.snapStart()) {
			properties.put("SnapStart", map("ApplyOn", "PublishedVersions"));
		}
		if (spec.reservedConcurrency() != null) {
			properties.put("ReservedConcurrentExecutions", spec.reservedConcurrency());
		}
		if (sam) {
			if (spec.provisionedConcurrency() > 0) {
				properties.put("ProvisionedConcurrencyConfig",
						map("ProvisionedConcurrentExecutions", spec.provisionedConcurrency()));
			}
			properties.put("Tags", new LinkedHashMap<>(this.stack.tagsWithPackage()));
			this.stack.resource("Function", "AWS::Serverless::Function", properties)
				.put("DependsOn", List.of("FunctionLogGroup"));
		}
		else {
			properties.put("Tags", Cfn.tagList(this.stack.tagsWithPackage()));
			this.stack.resource("Function", "AWS::Lambda::Function", properties).put("DependsOn", List.of("FunctionLogGroup"));
			versionAndAlias(spec);
		}
		this.stack.output("FunctionArn", getAtt("Function", "Arn"));
	}

	private void versionAndAlias(FunctionSpec spec) {
		// A new logical id per desired state, so CloudFormation publishes a new version when it changes.
		String version = "FunctionVersion" + TemplateDocument.hash(this.desired.versionDescription());
		this.stack.resource(version, "AWS::Lambda::Version",
				map("FunctionName", ref("Function"), "Description", this.desired.versionDescription()));
		Map<String, Object> alias = map("FunctionName", ref("Function"), "FunctionVersion", getAtt(version, "Version"),
				"Name", ResourceNames.ALIAS);
		if (spec.provisionedConcurrency() > 0) {
			alias.put("ProvisionedConcurrencyConfig", map("ProvisionedConcurrentExecutions", spec.provisionedConcurrency()));
		}
		this.stack.resource("LiveAlias", "AWS::Lambda::Alias", alias);
	}

	/**
	 * The function's variables; a secret-looking one (the rule {@code status} masks by) becomes a
	 * {@code NoEcho} parameter without a default, so its value is given at deploy time and never
	 * written in the template.
	 */
	private Map<String, Object> environment(Map<String, String> variables) {
		Map<String, Object> environment = new LinkedHashMap<>();
		variables.forEach((name, value) -> {
			if (!SecretMask.looksSecret(name)) {
				environment.put(name, value);
				return;
			}
			String parameter = secretParameterName(name);
			this.stack.parameters().put(parameter, map("Type", "String", "NoEcho", true, "Description",
					"Value of the secret environment variable " + name + " (not written in the template)"));
			environment.put(name, ref(parameter));
		});
		return environment;
	}

	/** {@code DB_PASSWORD} → {@code EnvDBPASSWORD} (a parameter's name is alphanumeric), unique in the template. */
	private String secretParameterName(String variable) {
		String base = "Env" + variable.replaceAll("[^A-Za-z0-9]", "");
		String name = base;
		for (int i = 2; this.stack.parameters().containsKey(name); i++) {
			name = base + i;
		}
		return name;
	}

}
