package io.serverlessspring.local.iam;

import org.junit.jupiter.api.Test;

import io.serverlessspring.local.SharedCloud;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IamServiceTest {

	private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
			+ "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

	private final IamClient iam = SharedCloud.client(IamClient.builder());

	@Test
	void createsRoleWithInlineAndAttachedPoliciesThenDeletesIt() {
		Role role = this.iam.createRole((r) -> r.roleName("iam-test-role").assumeRolePolicyDocument(TRUST)
			.tags((t) -> t.key("stage").value("dev"))).role();
		assertThat(role.arn()).isEqualTo("arn:aws:iam::000000000000:role/iam-test-role");

		assertThat(this.iam.getRole((r) -> r.roleName("iam-test-role")).role().assumeRolePolicyDocument())
			.as("URL-encoded, as AWS sends it").contains("lambda.amazonaws.com").doesNotContain("{");
		this.iam.putRolePolicy((r) -> r.roleName("iam-test-role").policyName("logs").policyDocument(
				"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"logs:*\",\"Resource\":\"*\"}]}"));
		this.iam.attachRolePolicy((r) -> r.roleName("iam-test-role")
			.policyArn("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
		assertThat(this.iam.listRolePolicies((r) -> r.roleName("iam-test-role")).policyNames()).containsExactly("logs");
		assertThat(java.net.URLDecoder.decode(this.iam.getRolePolicy((r) -> r.roleName("iam-test-role").policyName("logs"))
			.policyDocument(), java.nio.charset.StandardCharsets.UTF_8)).as("URL-encoded, as AWS sends it").contains("logs:*");
		assertThat(this.iam.listAttachedRolePolicies((r) -> r.roleName("iam-test-role")).attachedPolicies())
			.singleElement().satisfies((p) -> assertThat(p.policyName()).isEqualTo("AWSLambdaBasicExecutionRole"));
		assertThat(this.iam.listRoles().roles()).extracting(Role::roleName).contains("iam-test-role");

		this.iam.deleteRolePolicy((r) -> r.roleName("iam-test-role").policyName("logs"));
		this.iam.detachRolePolicy((r) -> r.roleName("iam-test-role")
			.policyArn("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
		this.iam.deleteRole((r) -> r.roleName("iam-test-role"));
		assertThatThrownBy(() -> this.iam.getRole((r) -> r.roleName("iam-test-role")))
			.isInstanceOf(NoSuchEntityException.class).hasMessageContaining("iam-test-role");
	}

	@Test
	void refusesASecondRoleWithTheSameName() {
		this.iam.createRole((r) -> r.roleName("iam-twice").assumeRolePolicyDocument(TRUST));
		assertThatThrownBy(() -> this.iam.createRole((r) -> r.roleName("iam-twice").assumeRolePolicyDocument(TRUST)))
			.isInstanceOfSatisfying(EntityAlreadyExistsException.class,
					(ex) -> assertThat(ex.statusCode()).isEqualTo(409));
		this.iam.deleteRole((r) -> r.roleName("iam-twice"));
	}

}
