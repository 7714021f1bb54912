package io.serverlessspring.local.sts;

import org.junit.jupiter.api.Test;

import io.serverlessspring.local.SharedCloud;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import static org.assertj.core.api.Assertions.assertThat;

class StsServiceTest {

	@Test
	void answersGetCallerIdentityWithTheLocalAccount() {
		try (StsClient sts = SharedCloud.client(StsClient.builder())) {
			GetCallerIdentityResponse identity = sts.getCallerIdentity();
			assertThat(identity.account()).isEqualTo("000000000000");
			assertThat(identity.arn()).isEqualTo("arn:aws:iam::000000000000:root");
		}
	}

}
