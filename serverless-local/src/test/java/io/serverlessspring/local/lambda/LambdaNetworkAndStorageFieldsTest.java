package io.serverlessspring.local.lambda;

import org.junit.jupiter.api.Test;

import io.serverlessspring.local.SharedCloud;
import io.serverlessspring.local.fixtures.TestFunctions;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.Runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The VPC, EFS mounts, KMS key, dead-letter target and architecture: kept, returned and removed as Lambda does. */
class LambdaNetworkAndStorageFieldsTest {

	private static final String ACCESS_POINT = "arn:aws:elasticfilesystem:us-east-1:000000000000:access-point/fsap-0123456789abcdef0";

	private final LambdaClient lambda = SharedCloud.client(LambdaClient.builder());

	private final IamClient iam = SharedCloud.client(IamClient.builder());

	@Test
	void fieldsAreReturnedAsGivenAndAnEmptyValueRemovesThem() {
		this.lambda.createFunction((c) -> c.functionName("nsf-round-trip").runtime(Runtime.JAVA17)
			.handler(TestFunctions.HANDLER).role(TestFunctions.role(this.iam))
			.code((code) -> code.zipFile(SdkBytes.fromByteArray(TestFunctions.echoZip())))
			.vpcConfig((v) -> v.subnetIds("subnet-1").securityGroupIds("sg-1"))
			.fileSystemConfigs((f) -> f.arn(ACCESS_POINT).localMountPath("/mnt/data"))
			.kmsKeyArn("arn:aws:kms:us-east-1:000000000000:key/k1")
			.deadLetterConfig((d) -> d.targetArn("arn:aws:sqs:us-east-1:000000000000:dlq")));
		GetFunctionConfigurationResponse created = configuration("nsf-round-trip");
		assertThat(created.vpcConfig().subnetIds()).containsExactly("subnet-1");
		assertThat(created.vpcConfig().securityGroupIds()).containsExactly("sg-1");
		assertThat(created.fileSystemConfigs()).singleElement()
			.satisfies((f) -> assertThat(f.arn() + " " + f.localMountPath()).isEqualTo(ACCESS_POINT + " /mnt/data"));
		assertThat(created.kmsKeyArn()).isEqualTo("arn:aws:kms:us-east-1:000000000000:key/k1");
		assertThat(created.deadLetterConfig().targetArn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:dlq");

		this.lambda.waiter().waitUntilFunctionActiveV2((g) -> g.functionName("nsf-round-trip"));
		this.lambda.updateFunctionConfiguration((u) -> u.functionName("nsf-round-trip").fileSystemConfigs(java.util.List.of())
			.vpcConfig((v) -> v.subnetIds(java.util.List.of()).securityGroupIds(java.util.List.of()))
			.kmsKeyArn("").deadLetterConfig((d) -> d.targetArn("")));
		GetFunctionConfigurationResponse removed = configuration("nsf-round-trip");
		assertThat(removed.fileSystemConfigs()).isEmpty();
		assertThat(removed.vpcConfig().subnetIds()).isEmpty();
		assertThat(removed.kmsKeyArn()).isNull();
		assertThat(removed.deadLetterConfig()).isNull();

		this.lambda.waiter().waitUntilFunctionUpdatedV2((g) -> g.functionName("nsf-round-trip"));
		this.lambda.updateFunctionCode((u) -> u.functionName("nsf-round-trip").architectures(Architecture.ARM64)
			.zipFile(SdkBytes.fromByteArray(TestFunctions.echoZip())));
		assertThat(configuration("nsf-round-trip").architectures()).containsExactly(Architecture.ARM64);
		this.lambda.deleteFunction((d) -> d.functionName("nsf-round-trip"));
	}

	@Test
	void aFileSystemOutsideAVpcOrOutsideMntIsRefusedAndChangesNothing() {
		this.lambda.createFunction((c) -> c.functionName("nsf-refused").runtime(Runtime.JAVA17)
			.handler(TestFunctions.HANDLER).role(TestFunctions.role(this.iam))
			.code((code) -> code.zipFile(SdkBytes.fromByteArray(TestFunctions.echoZip()))));
		this.lambda.waiter().waitUntilFunctionActiveV2((g) -> g.functionName("nsf-refused"));

		assertThatThrownBy(() -> this.lambda.updateFunctionConfiguration((u) -> u.functionName("nsf-refused")
			.fileSystemConfigs((f) -> f.arn(ACCESS_POINT).localMountPath("/mnt/data"))))
			.isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("VpcConfig");
		assertThatThrownBy(() -> this.lambda.updateFunctionConfiguration((u) -> u.functionName("nsf-refused")
			.vpcConfig((v) -> v.subnetIds("subnet-1").securityGroupIds("sg-1"))
			.fileSystemConfigs((f) -> f.arn(ACCESS_POINT).localMountPath("/data"))))
			.isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("localMountPath");
		GetFunctionConfigurationResponse unchanged = configuration("nsf-refused");
		assertThat(unchanged.fileSystemConfigs()).isEmpty();
		assertThat(unchanged.vpcConfig()).isNull();
		this.lambda.deleteFunction((d) -> d.functionName("nsf-refused"));
	}

	private GetFunctionConfigurationResponse configuration(String function) {
		return this.lambda.getFunctionConfiguration((g) -> g.functionName(function));
	}

}
