package io.serverlessspring.local.secretsmanager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.serverlessspring.local.LocalCloud;
import io.serverlessspring.local.SharedCloud;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Secrets Manager through the real SDK v2 client, as Spring Cloud AWS's {@code aws-secretsmanager:} import reads it. */
class SecretsManagerServiceTest {

	private final SecretsManagerClient secrets = SharedCloud.client(SecretsManagerClient.builder());

	@Test
	void createsAndReadsAStringSecretByNameAndByArn() {
		CreateSecretResponse created = this.secrets.createSecret((c) -> c.name("petstore/prod/db")
			.secretString("{\"username\":\"pets\",\"password\":\"s3cr3t\"}").description("database"));

		assertThat(created.arn()).matches("arn:aws:secretsmanager:us-east-1:000000000000:secret:petstore/prod/db-[A-Za-z0-9]{6}");
		assertThat(created.name()).isEqualTo("petstore/prod/db");
		assertThat(created.versionId()).isNotBlank();
		GetSecretValueResponse byName = this.secrets.getSecretValue((g) -> g.secretId("petstore/prod/db"));
		assertThat(byName.secretString()).isEqualTo("{\"username\":\"pets\",\"password\":\"s3cr3t\"}");
		assertThat(byName.versionId()).isEqualTo(created.versionId());
		assertThat(byName.versionStages()).containsExactly("AWSCURRENT");
		assertThat(byName.arn()).isEqualTo(created.arn());
		assertThat(byName.createdDate()).isNotNull();
		assertThat(this.secrets.getSecretValue((g) -> g.secretId(created.arn())).secretString()).as("by ARN")
			.isEqualTo(byName.secretString());
		String partialArn = created.arn().substring(0, created.arn().length() - 7);
		assertThat(this.secrets.getSecretValue((g) -> g.secretId(partialArn)).secretString()).as("by partial ARN")
			.isEqualTo(byName.secretString());
	}

	@Test
	void keepsABinarySecret() {
		byte[] key = { 0, 1, 2, (byte) 0xff };
		this.secrets.createSecret((c) -> c.name("petstore/binary/key").secretBinary(SdkBytes.fromByteArray(key)));

		GetSecretValueResponse value = this.secrets.getSecretValue((g) -> g.secretId("petstore/binary/key"));

		assertThat(value.secretBinary().asByteArray()).isEqualTo(key);
		assertThat(value.secretString()).isNull();
	}

	@Test
	void refusesBadCreations() {
		this.secrets.createSecret((c) -> c.name("petstore/twice/db").secretString("one"));

		assertThatThrownBy(() -> this.secrets.createSecret((c) -> c.name("petstore/twice/db").secretString("two")))
			.isInstanceOf(ResourceExistsException.class).hasMessageContaining("petstore/twice/db already exists");
		assertThatThrownBy(() -> this.secrets.createSecret((c) -> c.name("petstore/both/db").secretString("a")
			.secretBinary(SdkBytes.fromUtf8String("b")))).isInstanceOf(InvalidParameterException.class);
		assertThatThrownBy(() -> this.secrets.createSecret((c) -> c.name("petstore/bad name").secretString("a")))
			.isInstanceOf(InvalidParameterException.class).hasMessageContaining("Invalid name");
		assertThat(this.secrets.getSecretValue((g) -> g.secretId("petstore/twice/db")).secretString()).isEqualTo("one");
	}

	@Test
	void aRetriedCreateWithTheSameTokenIsAnsweredAgain() {
		String token = "11111111-2222-3333-4444-555555555555";
		String first = this.secrets.createSecret((c) -> c.name("petstore/retried/db").secretString("v").clientRequestToken(token)).arn();

		CreateSecretResponse again = this.secrets.createSecret((c) -> c.name("petstore/retried/db").secretString("v")
			.clientRequestToken(token));

		assertThat(again.arn()).isEqualTo(first);
		assertThat(again.versionId()).isEqualTo(token);
	}

	@Test
	void missingSecretIsResourceNotFound() {
		assertThatThrownBy(() -> this.secrets.getSecretValue((g) -> g.secretId("petstore/missing/none")))
			.isInstanceOf(ResourceNotFoundException.class)
			.hasMessageContaining("Secrets Manager can't find the specified secret.")
			.satisfies((ex) -> assertThat(((ResourceNotFoundException) ex).statusCode()).isEqualTo(400));
		assertThatThrownBy(() -> this.secrets.describeSecret((d) -> d.secretId("petstore/missing/none")))
			.isInstanceOf(ResourceNotFoundException.class);
	}

	@Test
	void putSecretValueMovesCurrentToPrevious() {
		String first = this.secrets.createSecret((c) -> c.name("petstore/rotated/db").secretString("one")).versionId();

		var put = this.secrets.putSecretValue((p) -> p.secretId("petstore/rotated/db").secretString("two"));

		assertThat(put.versionStages()).containsExactly("AWSCURRENT");
		assertThat(this.secrets.getSecretValue((g) -> g.secretId("petstore/rotated/db")).secretString()).isEqualTo("two");
		GetSecretValueResponse previous = this.secrets.getSecretValue((g) -> g.secretId("petstore/rotated/db").versionStage("AWSPREVIOUS"));
		assertThat(previous.secretString()).isEqualTo("one");
		assertThat(previous.versionId()).isEqualTo(first);
		assertThat(this.secrets.getSecretValue((g) -> g.secretId("petstore/rotated/db").versionId(first)).secretString()).isEqualTo("one");
		assertThatThrownBy(() -> this.secrets.getSecretValue((g) -> g.secretId("petstore/rotated/db").versionId(first)
			.versionStage("AWSCURRENT"))).isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> this.secrets.getSecretValue((g) -> g.secretId("petstore/rotated/db")
			.versionId("00000000-0000-0000-0000-000000000000"))).isInstanceOf(ResourceNotFoundException.class);

		this.secrets.putSecretValue((p) -> p.secretId("petstore/rotated/db").secretString("three"));
		DescribeSecretResponse described = this.secrets.describeSecret((d) -> d.secretId("petstore/rotated/db"));
		assertThat(described.versionIdsToStages()).hasSize(2).containsEntry(put.versionId(), List.of("AWSPREVIOUS"))
			.doesNotContainKey(first);
	}

	@Test
	void aSecretCreatedWithoutValueHasNoCurrentVersionUntilOneIsPut() {
		this.secrets.createSecret((c) -> c.name("petstore/empty/db"));

		assertThatThrownBy(() -> this.secrets.getSecretValue((g) -> g.secretId("petstore/empty/db")))
			.isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("staging label: AWSCURRENT");
		assertThatThrownBy(() -> this.secrets.putSecretValue((p) -> p.secretId("petstore/empty/db")))
			.isInstanceOf(InvalidRequestException.class);

		this.secrets.putSecretValue((p) -> p.secretId("petstore/empty/db").secretString("now"));
		assertThat(this.secrets.getSecretValue((g) -> g.secretId("petstore/empty/db")).secretString()).isEqualTo("now");
	}

	@Test
	void updateSecretChangesDescriptionKeyAndValue() {
		this.secrets.createSecret((c) -> c.name("petstore/updated/db").secretString("one").description("old"));

		var updated = this.secrets.updateSecret((u) -> u.secretId("petstore/updated/db").description("new").kmsKeyId("alias/petstore")
			.secretString("two"));
		this.secrets.updateSecret((u) -> u.secretId("petstore/updated/db").description("newer"));

		assertThat(updated.versionId()).isNotBlank();
		DescribeSecretResponse described = this.secrets.describeSecret((d) -> d.secretId("petstore/updated/db"));
		assertThat(described.description()).isEqualTo("newer");
		assertThat(described.kmsKeyId()).isEqualTo("alias/petstore");
		assertThat(described.versionIdsToStages()).containsEntry(updated.versionId(), List.of("AWSCURRENT"));
		assertThat(this.secrets.getSecretValue((g) -> g.secretId("petstore/updated/db")).secretString()).isEqualTo("two");
	}

	@Test
	void describeSecretShowsMetadata() {
		this.secrets.createSecret((c) -> c.name("petstore/described/db").secretString("v")
			.tags(Tag.builder().key("stage").value("prod").build()));
		this.secrets.getSecretValue((g) -> g.secretId("petstore/described/db"));

		DescribeSecretResponse described = this.secrets.describeSecret((d) -> d.secretId("petstore/described/db"));

		assertThat(described.name()).isEqualTo("petstore/described/db");
		assertThat(described.createdDate()).isNotNull();
		assertThat(described.lastChangedDate()).isNotNull();
		assertThat(described.lastAccessedDate()).as("the day it was read").isNotNull();
		assertThat(described.deletedDate()).isNull();
		assertThat(described.tags()).extracting((t) -> t.key() + "=" + t.value()).containsExactly("stage=prod");
	}

	@Test
	void listSecretsFiltersByNameAndPages() {
		for (int i = 0; i < 7; i++) {
			int n = i;
			this.secrets.createSecret((c) -> c.name("petstore/listed/s" + n).secretString("v"));
		}
		this.secrets.createSecret((c) -> c.name("petstore/unlisted/s").secretString("v"));

		List<SecretListEntry> all = new ArrayList<>();
		List<Integer> sizes = new ArrayList<>();
		String token = null;
		do {
			String next = token;
			ListSecretsResponse page = this.secrets.listSecrets((l) -> l.maxResults(3).nextToken(next)
				.filters((f) -> f.key(FilterNameStringType.NAME).values("petstore/listed/")));
			all.addAll(page.secretList());
			sizes.add(page.secretList().size());
			token = page.nextToken();
		}
		while (token != null);

		assertThat(sizes).containsExactly(3, 3, 1);
		assertThat(all).extracting(SecretListEntry::name).doesNotHaveDuplicates().allMatch((n) -> n.startsWith("petstore/listed/"));
		assertThat(all.get(0).secretVersionsToStages()).hasSize(1);
		assertThat(this.secrets.listSecrets((l) -> l.filters((f) -> f.key(FilterNameStringType.NAME)
			.values("!petstore/listed/"))).secretList()).extracting(SecretListEntry::name).doesNotContain("petstore/listed/s0")
			.contains("petstore/unlisted/s");
	}

	@Test
	void aDeletedSecretRefusesReadsUntilRestored() {
		this.secrets.createSecret((c) -> c.name("petstore/deleted/db").secretString("v"));

		var deleted = this.secrets.deleteSecret((d) -> d.secretId("petstore/deleted/db").recoveryWindowInDays(7L));

		assertThat(deleted.deletionDate()).isAfter(Instant.now().plus(Duration.ofDays(6)));
		assertThatThrownBy(() -> this.secrets.getSecretValue((g) -> g.secretId("petstore/deleted/db")))
			.isInstanceOf(InvalidRequestException.class).hasMessageContaining("marked for deletion");
		assertThatThrownBy(() -> this.secrets.putSecretValue((p) -> p.secretId("petstore/deleted/db").secretString("w")))
			.isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> this.secrets.createSecret((c) -> c.name("petstore/deleted/db").secretString("w")))
			.isInstanceOf(InvalidRequestException.class).hasMessageContaining("scheduled for deletion");
		assertThat(this.secrets.describeSecret((d) -> d.secretId("petstore/deleted/db")).deletedDate()).isNotNull();
		assertThat(this.secrets.listSecrets((l) -> l.filters((f) -> f.key(FilterNameStringType.NAME).values("petstore/deleted/")))
			.secretList()).as("hidden from listings").isEmpty();
		assertThat(this.secrets.listSecrets((l) -> l.includePlannedDeletion(true)
			.filters((f) -> f.key(FilterNameStringType.NAME).values("petstore/deleted/"))).secretList()).hasSize(1);

		this.secrets.restoreSecret((r) -> r.secretId("petstore/deleted/db"));
		assertThat(this.secrets.getSecretValue((g) -> g.secretId("petstore/deleted/db")).secretString()).isEqualTo("v");
	}

	@Test
	void deletionChecksItsOptionsAndForceDeletesAtOnce() {
		this.secrets.createSecret((c) -> c.name("petstore/forced/db").secretString("v"));

		assertThatThrownBy(() -> this.secrets.deleteSecret((d) -> d.secretId("petstore/forced/db").recoveryWindowInDays(3L)))
			.isInstanceOf(InvalidParameterException.class).hasMessageContaining("between 7 and 30");
		assertThatThrownBy(() -> this.secrets.deleteSecret((d) -> d.secretId("petstore/forced/db").recoveryWindowInDays(7L)
			.forceDeleteWithoutRecovery(true))).isInstanceOf(InvalidParameterException.class);
		this.secrets.deleteSecret((d) -> d.secretId("petstore/forced/db").forceDeleteWithoutRecovery(true));

		assertThatThrownBy(() -> this.secrets.describeSecret((d) -> d.secretId("petstore/forced/db")))
			.isInstanceOf(ResourceNotFoundException.class);
		assertThat(this.secrets.createSecret((c) -> c.name("petstore/forced/db").secretString("again")).name())
			.as("the name is free again").isEqualTo("petstore/forced/db");
	}

	@Test
	void aDeletionBecomesFinalWhenItsRecoveryWindowEnds() {
		MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
		try (LocalCloud cloud = LocalCloud.start(0, null, clock)) {
			SecretsManagerClient client = SharedCloud.configure(SecretsManagerClient.builder(), cloud.endpoint());
			client.createSecret((c) -> c.name("petstore/expiring/db").secretString("v"));
			client.deleteSecret((d) -> d.secretId("petstore/expiring/db").recoveryWindowInDays(7L));

			clock.now = clock.now.plus(Duration.ofDays(7));

			assertThatThrownBy(() -> client.restoreSecret((r) -> r.secretId("petstore/expiring/db")))
				.isInstanceOf(ResourceNotFoundException.class);
		}
	}

	@Test
	void tagsAndUntagsASecret() {
		this.secrets.createSecret((c) -> c.name("petstore/tagged/db").secretString("v"));

		this.secrets.tagResource((t) -> t.secretId("petstore/tagged/db").tags(Tag.builder().key("stage").value("prod").build(),
				Tag.builder().key("team").value("pets").build()));
		this.secrets.untagResource((u) -> u.secretId("petstore/tagged/db").tagKeys("stage"));

		assertThat(this.secrets.describeSecret((d) -> d.secretId("petstore/tagged/db")).tags())
			.extracting((t) -> t.key() + "=" + t.value()).containsExactly("team=pets");
		assertThat(this.secrets.listSecrets((l) -> l.filters((f) -> f.key(FilterNameStringType.TAG_VALUE).values("pets")))
			.secretList()).extracting(SecretListEntry::name).containsExactly("petstore/tagged/db");
		assertThatThrownBy(() -> this.secrets.tagResource((t) -> t.secretId("petstore/tagged/none")
			.tags(Tag.builder().key("k").value("v").build()))).isInstanceOf(ResourceNotFoundException.class);
	}

	@Test
	void secretsSurviveARestartInAFileOnlyTheOwnerReads(@TempDir Path state) throws IOException {
		String arn;
		try (LocalCloud first = LocalCloud.start(0, state)) {
			SecretsManagerClient client = SharedCloud.configure(SecretsManagerClient.builder(), first.endpoint());
			arn = client.createSecret((c) -> c.name("petstore/kept/db").secretString("one")
				.tags(Tag.builder().key("stage").value("prod").build())).arn();
			client.putSecretValue((p) -> p.secretId("petstore/kept/db").secretString("two"));
			client.createSecret((c) -> c.name("petstore/kept/gone").secretString("x"));
			client.deleteSecret((d) -> d.secretId("petstore/kept/gone"));
		}
		Path file = state.resolve("SecretsManagerService.json");
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		}
		try (LocalCloud second = LocalCloud.start(0, state)) {
			SecretsManagerClient client = SharedCloud.configure(SecretsManagerClient.builder(), second.endpoint());
			GetSecretValueResponse value = client.getSecretValue((g) -> g.secretId(arn));
			assertThat(value.secretString()).isEqualTo("two");
			assertThat(client.getSecretValue((g) -> g.secretId("petstore/kept/db").versionStage("AWSPREVIOUS")).secretString())
				.isEqualTo("one");
			assertThat(client.describeSecret((d) -> d.secretId("petstore/kept/db")).tags()).extracting(Tag::key).containsExactly("stage");
			assertThatThrownBy(() -> client.getSecretValue((g) -> g.secretId("petstore/kept/gone")))
				.as("still pending deletion").isInstanceOf(InvalidRequestException.class);
		}
	}

	/** A clock the test moves forward (no sleeping). */
	private static final class MovableClock extends Clock {

		volatile Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
