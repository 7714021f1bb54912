package io.serverlessspring.shell.template;

import java.util.Map;

import io.serverlessspring.boot.naming.Arns;

/**
 * Every ARN the template writes, made by {@link Arns} with {@code ${AWS::Region}} and
 * {@code ${AWS::AccountId}} (and {@code ${LogicalId}} for resources of the stack) and wrapped in
 * {@code Fn::Sub}, so the template deploys into any account and region.
 */
final class StackArns {

	private StackArns() {
	}

	/** {@code execute-api} ARN of the stack's API {@code apiLogicalId}, with a path such as {@code /*}. */
	static Map<String, Object> executeApi(String apiLogicalId, String path) {
		return Cfn.sub(Arns.executeApi(StageTemplate.REGION, StageTemplate.ACCOUNT, "${" + apiLogicalId + "}", path));
	}

	/** The URI API Gateway calls to invoke {@code functionArn} (an ARN, or {@code ${LogicalId}} of an alias). */
	static Map<String, Object> invocationUri(String functionArn) {
		return Cfn.sub(Arns.lambdaInvocationUri(StageTemplate.REGION, functionArn));
	}

	/** The ARN of an event source given by name or ARN ({@code sqs}, {@code sns}, {@code kinesis}, {@code s3}). */
	static Object source(String service, String nameOrArn) {
		if (Arns.isArn(nameOrArn)) {
			return nameOrArn;
		}
		if (service.equals("dynamodb")) {
			// A table's stream ARN carries a label only known once the stream exists: resolve it at deploy time.
			throw new IllegalArgumentException("The DynamoDB event source '" + nameOrArn
					+ "' is a table name; a template needs its stream ARN: give the stream ARN as the source.");
		}
		return Cfn.sub(Arns.orArn(service, StageTemplate.REGION, StageTemplate.ACCOUNT, nameOrArn));
	}

}
