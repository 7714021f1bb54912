package io.serverlessspring.shell.secrets;

import java.nio.file.Path;

import io.serverlessspring.shell.ServerlessConsoleApplication;
import io.serverlessspring.shell.cli.ConsoleRunner;
import io.serverlessspring.shell.support.ConsoleDriver;
import io.serverlessspring.shell.support.ConsoleDriver.Run;
import io.serverlessspring.shell.support.MutationCounter;
import io.serverlessspring.shell.support.MutationCounting;
import io.serverlessspring.shell.support.TestAwsClients;
import io.serverlessspring.shell.support.TestProject;
import io.serverlessspring.test.moto.MotoServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code secrets set|list|remove} against moto: values land where the stage's imports read them
 * (the SecureString {@code /shop/prod/NAME}, the secret {@code shop/prod/NAME}), listing shows names
 * and dates, and no value is ever printed.
 */
@SpringBootTest(classes = { ServerlessConsoleApplication.class, MutationCounting.class },
		properties = "spring.shell.interactive.enabled=false")
class SecretsCommandsTest {

	private static final String PASSWORD = "pw-7f3a9c-never-printed";

	private static final String API_KEY = "key-2b8e41-never-printed";

	private static MotoServer moto;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	ConsoleRunner runner;

	@Autowired
	MutationCounter counter;

	@TempDir
	Path projectDir;

	ConsoleDriver console;

	@BeforeAll
	static void startMoto() {
		MotoServer.assumeInstalled();
		moto = MotoServer.shared();
	}

	@BeforeEach
	void setUp() {
		moto.reset();
		this.console = new ConsoleDriver(this.runner);
		new TestProject(this.projectDir).settings("application.yml", "spring:\n  application:\n    name: shop\n")
			.settings("application-prod.yml", "spring:\n  config:\n    import: aws-parameterstore:/shop/prod/\n");
	}

	@Test
	void setListRemoveRoundTripInBothStoresWithoutPrintingAValue() {
		Run setPassword = this.console.run(stage("secrets set prod db.password"), PASSWORD);
		Run setKey = this.console.run(stage("secrets set prod stripe.api-key --store secrets-manager --json"), API_KEY);

		assertThat(setPassword.exitCode()).as(setPassword.output()).isZero();
		assertThat(setPassword.output()).contains("Created db.password of stage prod: SecureString parameter /shop/prod/db.password (version 1).")
			.contains("The function reads it at its next start");
		assertThat(setKey.exitCode()).as(setKey.output()).isZero();
		JsonNode key = JSON.readTree(setKey.output());
		assertThat(key.path("location").asString()).isEqualTo("shop/prod/stripe.api-key");
		assertThat(key.path("store").asString()).isEqualTo("secrets-manager");
		assertThat(key.path("created").asBoolean()).isTrue();
		assertThat(key.path("import").asString()).isEqualTo("aws-secretsmanager:shop/prod/stripe.api-key");
		// The stage imports the parameter path but not this secret yet: say how.
		Run setKeyText = this.console.run(stage("secrets set prod stripe.api-key --store secrets-manager"), API_KEY);
		assertThat(setKeyText.output()).contains("Updated stripe.api-key")
			.contains("add to application-prod.yml  spring.config.import: aws-secretsmanager:shop/prod/stripe.api-key");
		try (SsmClient ssm = TestAwsClients.ssm(moto.endpoint());
				SecretsManagerClient secrets = TestAwsClients.secretsManager(moto.endpoint())) {
			var parameter = ssm.getParameter(get -> get.name("/shop/prod/db.password").withDecryption(true)).parameter();
			assertThat(parameter.type()).isEqualTo(ParameterType.SECURE_STRING);
			assertThat(parameter.value()).isEqualTo(PASSWORD);
			assertThat(secrets.getSecretValue(get -> get.secretId("shop/prod/stripe.api-key")).secretString())
				.isEqualTo(API_KEY);
		}

		Run list = this.console.run(stage("secrets list prod"));
		Run listJson = this.console.run(stage("secrets list prod --json"));

		assertThat(list.exitCode()).as(list.output()).isZero();
		assertThat(list.output()).contains("Secrets of stage prod (Parameter Store /shop/prod/, Secrets Manager shop/prod/)")
			.containsPattern("db\\.password\\s+parameter-store\\s+\\d{4}-\\d\\d-\\d\\dT")
			.containsPattern("stripe\\.api-key\\s+secrets-manager\\s+\\d{4}-\\d\\d-\\d\\dT");
		JsonNode listed = JSON.readTree(listJson.output()).path("secrets");
		assertThat(listed).hasSize(2);
		assertThat(listed.get(0).path("name").asString()).isEqualTo("db.password");
		assertThat(listed.get(0).path("location").asString()).isEqualTo("/shop/prod/db.password");
		assertThat(listed.get(1).path("store").asString()).isEqualTo("secrets-manager");
		assertThat(listed.get(1).path("lastChanged").asString()).isNotEmpty();
		for (Run run : new Run[] { setPassword, setKey, setKeyText, list, listJson }) {
			assertThat(run.output()).doesNotContain(PASSWORD).doesNotContain(API_KEY);
		}

		Run remove = this.console.run(stage("secrets remove prod db.password --yes"));
		Run removeKey = this.console.run(stage("secrets remove prod stripe.api-key --yes --json"));

		assertThat(remove.exitCode()).as(remove.output()).isZero();
		assertThat(remove.output()).contains("Removed parameter-store /shop/prod/db.password.");
		assertThat(JSON.readTree(removeKey.output()).path("removed").get(0).path("location").asString())
			.isEqualTo("shop/prod/stripe.api-key");
		assertThat(this.console.run(stage("secrets list prod")).output()).contains("No secrets for stage prod");
		try (SsmClient ssm = TestAwsClients.ssm(moto.endpoint());
				SecretsManagerClient secrets = TestAwsClients.secretsManager(moto.endpoint())) {
			assertThat(ssm.describeParameters().parameters()).isEmpty();
			assertThat(secrets.listSecrets().secretList()).isEmpty();
		}
	}

	@Test
	void ifAbsentKeepsAnExistingValue() {
		assertThat(this.console.run(stage("secrets set prod db.password"), PASSWORD).exitCode()).isZero();

		Run again = this.console.run(stage("secrets set prod db.password --if-absent"), "another value");

		assertThat(again.exitCode()).as(again.output()).isZero();
		assertThat(again.output()).contains("Kept db.password of stage prod: SecureString parameter /shop/prod/db.password already has a value (--if-absent).");
		try (SsmClient ssm = TestAwsClients.ssm(moto.endpoint())) {
			assertThat(ssm.getParameter(get -> get.name("/shop/prod/db.password").withDecryption(true)).parameter().value())
				.isEqualTo(PASSWORD);
		}
	}

	@Test
	void listShowsOnlyTheStagesOwnSecrets() {
		try (SsmClient ssm = TestAwsClients.ssm(moto.endpoint());
				SecretsManagerClient secrets = TestAwsClients.secretsManager(moto.endpoint())) {
			ssm.putParameter(put -> put.name("/shop/dev/db.password").value("x").type(ParameterType.SECURE_STRING));
			ssm.putParameter(put -> put.name("/shop/prod/nested/deeper").value("x").type(ParameterType.STRING));
			secrets.createSecret(create -> create.name("shop/prod-old/db").secretString("x"));
			secrets.createSecret(create -> create.name("other/shop/prod/db").secretString("x"));
		}
		assertThat(this.console.run(stage("secrets set prod db.password"), PASSWORD).exitCode()).isZero();

		JsonNode listed = JSON.readTree(this.console.run(stage("secrets list prod --json")).output()).path("secrets");

		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).path("location").asString()).isEqualTo("/shop/prod/db.password");
	}

	@Test
	void badInputIsAClearErrorAndChangesNothing() {
		this.counter.reset();

		Run unknownStage = this.console.run(stage("secrets set qa db.password"), PASSWORD);
		Run noValue = this.console.run(stage("secrets set prod db.password"));
		Run emptyValue = this.console.run(stage("secrets set prod db.password"), "");
		Run noName = this.console.run(stage("secrets set prod"), PASSWORD);
		Run badName = this.console.run(stage("secrets set prod db/password"), PASSWORD);
		Run badStore = this.console.run(stage("secrets set prod db.password --store vault"), PASSWORD);
		Run tooLong = this.console.run(stage("secrets set prod db.password"), "x".repeat(4097));
		Run removeMissing = this.console.run(stage("secrets remove prod db.password --yes"));
		Run removeUnconfirmed = this.console.run(stage("secrets remove prod db.password"));

		assertThat(unknownStage.output()).contains("Unknown stage 'qa'");
		assertThat(noValue.output()).contains("No value for db.password: pipe it in");
		assertThat(emptyValue.output()).contains("The value for db.password is empty (nothing on standard input): nothing stored.");
		assertThat(noName.output()).contains("No secret name given");
		assertThat(badName.output()).contains("Secret name 'db/password' is not a property name");
		assertThat(badStore.output()).contains("--store takes parameter-store or secrets-manager, not 'vault'.");
		assertThat(tooLong.output()).contains("has 4097 characters; a Parameter Store parameter takes at most 4096: use --store secrets-manager.");
		assertThat(removeMissing.output()).contains("Stage 'prod' has no secret 'db.password' (no parameter /shop/prod/db.password, no secret shop/prod/db.password)");
		assertThat(removeUnconfirmed.output()).contains("Stage 'prod' has no secret 'db.password'");
		for (Run run : new Run[] { unknownStage, noValue, emptyValue, noName, badName, badStore, tooLong, removeMissing,
				removeUnconfirmed }) {
			assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
			assertThat(run.output()).doesNotContain(PASSWORD);
		}
		assertThat(this.counter.mutations()).isEmpty();
	}

	@Test
	void removeAsksAndWithoutATerminalIsAUsageErrorThatKeepsTheSecret() {
		assertThat(this.console.run(stage("secrets set prod db.password"), PASSWORD).exitCode()).isZero();

		Run remove = this.console.run(stage("secrets remove prod db.password"));

		assertThat(remove.exitCode()).as(remove.output()).isEqualTo(2);
		assertThat(remove.output()).contains("pass --yes");
		try (SsmClient ssm = TestAwsClients.ssm(moto.endpoint())) {
			assertThat(ssm.describeParameters().parameters()).hasSize(1);
		}
	}

	private String stage(String command) {
		return command + " --project " + this.projectDir + " --endpoint-url " + moto.endpoint();
	}

}
