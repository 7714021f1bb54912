package io.serverlessspring.local.lambda;

import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.server.Json;

/**
 * The configuration members Lambda keeps but the local cloud does not act on: the VPC, the EFS
 * mounts, the KMS key of the variables and the dead-letter target. Stored and returned as Lambda
 * does (an empty value removes one), checked as Lambda checks them, so a deploy reads back what it wrote.
 */
final class NetworkAndStorageFields {

	private static final Pattern ACCESS_POINT_ARN = Pattern
		.compile("arn:aws[a-zA-Z-]*:elasticfilesystem:[a-z0-9-]+:\\d{12}:access-point/fsap-[a-f0-9]{8,40}");

	private static final Pattern MOUNT_PATH = Pattern.compile("/mnt/[a-zA-Z0-9-_.]+");

	private NetworkAndStorageFields() {
	}

	/**
	 * Applies the members {@code in} names to {@code config} (a CreateFunction's new configuration or
	 * an UpdateFunctionConfiguration's copy); throws before the caller keeps the copy when one is refused.
	 */
	static void apply(ObjectNode in, ObjectNode config) {
		if (in.has("VpcConfig")) {
			JsonNode vpc = in.get("VpcConfig");
			ObjectNode stored = config.putObject("VpcConfig");
			stored.set("SubnetIds", strings(vpc.path("SubnetIds")));
			stored.set("SecurityGroupIds", strings(vpc.path("SecurityGroupIds")));
			stored.put("Ipv6AllowedForDualStack", vpc.path("Ipv6AllowedForDualStack").asBoolean(false));
			if (!stored.get("SubnetIds").isEmpty() && stored.get("SecurityGroupIds").isEmpty()) {
				throw LambdaErrors.invalid("SecurityGroupIds are required when SubnetIds are given in VpcConfig.");
			}
		}
		if (in.has("KMSKeyArn")) {
			String key = in.path("KMSKeyArn").asString("");
			if (key.isEmpty()) {
				config.remove("KMSKeyArn");
			}
			else if (!key.startsWith("arn:aws") || !key.contains(":kms:")) {
				throw LambdaErrors.invalid("1 validation error detected: Value '" + key
						+ "' at 'kMSKeyArn' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:[a-z0-9-.]+:.*)|()");
			}
			else {
				config.put("KMSKeyArn", key);
			}
		}
		if (in.has("DeadLetterConfig")) {
			String target = in.path("DeadLetterConfig").path("TargetArn").asString("");
			if (target.isEmpty()) {
				config.remove("DeadLetterConfig");
			}
			else if (!target.matches("arn:aws[a-zA-Z-]*:(sqs|sns):.+")) {
				throw LambdaErrors.invalid("The provided target ARN " + target
						+ " is not valid: a dead-letter target is an SQS queue or an SNS topic.");
			}
			else {
				config.putObject("DeadLetterConfig").put("TargetArn", target);
			}
		}
		if (in.has("FileSystemConfigs")) {
			config.set("FileSystemConfigs", fileSystems(in.get("FileSystemConfigs")));
		}
		boolean mounts = !config.path("FileSystemConfigs").isEmpty();
		boolean inVpc = !config.path("VpcConfig").path("SubnetIds").isEmpty();
		if (mounts && !inVpc) {
			throw LambdaErrors.invalid("Lambda functions with FileSystemConfigs must be configured with a VpcConfig "
					+ "in the file system's VPC.");
		}
	}

	private static ArrayNode fileSystems(JsonNode given) {
		ArrayNode stored = Json.array();
		if (given.size() > 1) {
			throw LambdaErrors.invalid("1 validation error detected: Value at 'fileSystemConfigs' failed to satisfy "
					+ "constraint: Member must have length less than or equal to 1");
		}
		for (JsonNode mount : given) {
			String arn = mount.path("Arn").asString("");
			String path = mount.path("LocalMountPath").asString("");
			if (!ACCESS_POINT_ARN.matcher(arn).matches()) {
				throw LambdaErrors.invalid("1 validation error detected: Value '" + arn
						+ "' at 'fileSystemConfigs.1.member.arn' failed to satisfy constraint: Member must satisfy regular "
						+ "expression pattern: arn:aws[a-zA-Z-]*:elasticfilesystem:[a-z0-9-]+:\\d{12}:access-point/fsap-[a-f0-9]{17}");
			}
			if (!MOUNT_PATH.matcher(path).matches()) {
				throw LambdaErrors.invalid("1 validation error detected: Value '" + path
						+ "' at 'fileSystemConfigs.1.member.localMountPath' failed to satisfy constraint: Member must "
						+ "satisfy regular expression pattern: ^/mnt/[a-zA-Z0-9-_.]+$");
			}
			stored.addObject().put("Arn", arn).put("LocalMountPath", path);
		}
		return stored;
	}

	private static ArrayNode strings(JsonNode given) {
		ArrayNode list = Json.array();
		given.forEach(value -> list.add(value.asString()));
		return list;
	}

}
