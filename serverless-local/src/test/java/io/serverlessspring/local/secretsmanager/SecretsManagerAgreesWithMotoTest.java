package io.serverlessspring.local.secretsmanager;

import java.net.URI;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.serverlessspring.local.MotoAgreement;
import io.serverlessspring.local.SharedCloud;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * The same Secrets Manager calls against moto and the local cloud: the same error codes, and every
 * member moto answers (nested ones too) is answered here. Statuses agree too, except that moto
 * answers ResourceNotFoundException with 404 where AWS documents 400 for every client error.
 */
class SecretsManagerAgreesWithMotoTest {

	private static MotoAgreement agreement;

	@BeforeAll
	static void start() {
		agreement = MotoAgreement.start();
	}

	private static SecretsManagerClient secrets(URI endpoint) {
		return SharedCloud.configure(SecretsManagerClient.builder(), endpoint);
	}

	@Test
	void secretsAgree() {
		agreement.compareExceptStatus((e) -> secrets(e).getSecretValue((g) -> g.secretId("compare/missing")), 400);
		agreement.compare((e) -> secrets(e).createSecret((c) -> c.name("compare/db").secretString("{\"password\":\"one\"}")
			.description("db").tags(Tag.builder().key("stage").value("prod").build())));
		agreement.compare((e) -> secrets(e).createSecret((c) -> c.name("compare/db").secretString("other")));
		agreement.compare((e) -> secrets(e).getSecretValue((g) -> g.secretId("compare/db")));
		agreement.compare((e) -> secrets(e).putSecretValue((p) -> p.secretId("compare/db").secretString("two")));
		agreement.compare((e) -> secrets(e).getSecretValue((g) -> g.secretId("compare/db").versionStage("AWSPREVIOUS")));
		agreement.compare((e) -> secrets(e).updateSecret((u) -> u.secretId("compare/db").description("database")));
		agreement.compare((e) -> secrets(e).updateSecret((u) -> u.secretId("compare/db").secretString("three")));
		agreement.compare((e) -> secrets(e).describeSecret((d) -> d.secretId("compare/db")));
		agreement.compare((e) -> secrets(e).listSecrets((l) -> l.filters((f) -> f.key(FilterNameStringType.NAME).values("compare/"))));
		agreement.compare((e) -> secrets(e).tagResource((t) -> t.secretId("compare/db").tags(Tag.builder().key("team").value("pets").build())));
		agreement.compare((e) -> secrets(e).untagResource((t) -> t.secretId("compare/db").tagKeys("stage")));
		agreement.compare((e) -> secrets(e).deleteSecret((d) -> d.secretId("compare/db").recoveryWindowInDays(3L)));
		agreement.compare((e) -> secrets(e).deleteSecret((d) -> d.secretId("compare/db").recoveryWindowInDays(7L)));
		agreement.compare((e) -> secrets(e).getSecretValue((g) -> g.secretId("compare/db")));
		agreement.compare((e) -> secrets(e).describeSecret((d) -> d.secretId("compare/db")));
		agreement.compare((e) -> secrets(e).restoreSecret((r) -> r.secretId("compare/db")));
		agreement.compare((e) -> secrets(e).getSecretValue((g) -> g.secretId("compare/db")));
		agreement.compare((e) -> secrets(e).deleteSecret((d) -> d.secretId("compare/db").forceDeleteWithoutRecovery(true)));
		agreement.compareExceptStatus((e) -> secrets(e).describeSecret((d) -> d.secretId("compare/db")), 400);
	}

}
