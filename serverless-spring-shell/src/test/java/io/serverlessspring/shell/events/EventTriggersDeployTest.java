package io.serverlessspring.shell.events;

import java.nio.file.Path;
import java.util.Map;

import io.serverlessspring.shell.ServerlessConsoleApplication;
import io.serverlessspring.shell.cli.ConsoleRunner;
import io.serverlessspring.shell.support.ConsoleDriver;
import io.serverlessspring.shell.support.ConsoleDriver.Run;
import io.serverlessspring.shell.support.MutationCounter;
import io.serverlessspring.shell.support.MutationCounting;
import io.serverlessspring.shell.support.SamplePackage;
import io.serverlessspring.shell.support.TestAwsClients;
import io.serverlessspring.shell.support.TestProject;
import io.serverlessspring.test.moto.MotoServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.SubscriptionFilter;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LambdaConfigType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.lambda.LambdaClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Log subscription, Cognito trigger and Lex code-hook handlers are wired to the live alias: a
 * subscription filter per logs handler, the user pool's triggers (its other settings and other
 * functions' triggers kept), and the invoke permission for each source; a change updates only what
 * changed, undeploy leaves nothing of ours (moto, real SDK).
 */
@SpringBootTest(classes = { ServerlessConsoleApplication.class, MutationCounting.class },
		properties = "spring.shell.interactive.enabled=false")
class EventTriggersDeployTest {

	private static final String ALIAS = "arn:aws:lambda:us-east-1:123456789012:function:petstore-dev:live";

	private static final String OTHER_FUNCTION = "arn:aws:lambda:us-east-1:123456789012:function:auth-challenges";

	private static final String AUDIT = "/petstore/dev/audit";

	private static final String BOT_ALIAS = "arn:aws:lex:us-east-1:123456789012:bot-alias/PETBOT1234/TSTALIASID";

	private static MotoServer moto;

	@Autowired
	ConsoleRunner runner;

	@Autowired
	MutationCounter counter;

	@TempDir
	Path projectDir;

	private WiredSample sample;

	@BeforeAll
	static void startMoto() {
		MotoServer.assumeInstalled();
		moto = MotoServer.shared();
	}

	@BeforeEach
	void setUp() {
		moto.reset();
		ConsoleDriver console = new ConsoleDriver(this.runner);
		this.sample = new WiredSample(console, SamplePackage.zip(console), this.projectDir, moto.endpoint());
		new TestProject(this.projectDir).settings("application-dev.yml", "serverless:\n  function:\n    memory: 512\n");
	}

	@Test
	void triggersAreWiredFollowTheCodeAndUndeployLeavesThePoolAsItWas() throws Exception {
		try (CloudWatchLogsClient logs = TestAwsClients.of(CloudWatchLogsClient.builder(), moto.endpoint());
				CognitoIdentityProviderClient cognito = TestAwsClients.of(CognitoIdentityProviderClient.builder(),
						moto.endpoint());
				LambdaClient lambda = TestAwsClients.lambda(moto.endpoint())) {
			logs.createLogGroup(b -> b.logGroupName(AUDIT));
			// A pool with settings and another function's trigger, all of which deploy must keep.
			String pool = cognito.createUserPool(b -> b.poolName("petstore-users")
				.autoVerifiedAttributesWithStrings("email")
				.emailVerificationSubject("Your pet store code")
				.policies(p -> p.passwordPolicy(pp -> pp.minimumLength(12)))
				.lambdaConfig(l -> l.defineAuthChallenge(OTHER_FUNCTION))).userPool().id();

			String all = WiredSample.manifest(logs("audit#onError", AUDIT, "ERROR"),
					cognito("users#preSignUp", pool, "PreSignUp"), cognito("users#welcome", pool, "PostConfirmation"),
					lex("bot#adoptPet", BOT_ALIAS));
			Run deploy = this.sample.deploy(all, "all");

			assertThat(deploy.exitCode()).as(deploy.output()).isZero();
			assertThat(deploy.output()).contains("create log subscription /petstore/dev/audit petstore-dev-audit-onError (ERROR)",
					"update user pool triggers " + pool + " (PreSignUp, PostConfirmation -> live)",
					"create permission serverless-logs--petstore-dev-audit", "create permission serverless-cognito-" + pool,
					"create permission serverless-lex-PETBOT1234-TSTALIASID")
				.doesNotContainIgnoringCase("not connected");
			assertThat(logs.describeSubscriptionFilters(b -> b.logGroupName(AUDIT)).subscriptionFilters())
				.singleElement().satisfies((SubscriptionFilter filter) -> {
					assertThat(filter.filterName()).isEqualTo("petstore-dev-audit-onError");
					assertThat(filter.filterPattern()).isEqualTo("ERROR");
					assertThat(filter.destinationArn()).isEqualTo(ALIAS);
				});
			UserPoolType wired = cognito.describeUserPool(b -> b.userPoolId(pool)).userPool();
			assertThat(wired.lambdaConfig().preSignUp()).isEqualTo(ALIAS);
			assertThat(wired.lambdaConfig().postConfirmation()).isEqualTo(ALIAS);
			assertKeptPoolSettings(wired);
			String policy = lambda.getPolicy(b -> b.functionName("petstore-dev").qualifier("live")).policy();
			assertThat(policy).contains("logs.amazonaws.com", "arn:aws:logs:us-east-1:123456789012:log-group:/petstore/dev/audit:*",
					"cognito-idp.amazonaws.com", "arn:aws:cognito-idp:us-east-1:123456789012:userpool/" + pool,
					"lexv2.amazonaws.com", BOT_ALIAS);

			this.counter.reset();
			Run again = this.sample.deploy(all, "all");
			assertThat(again.output()).as(again.output()).contains("nothing to change");
			assertThat(this.counter.mutations()).isEmpty();

			// The code now wants warnings too and no longer welcomes users.
			this.counter.reset();
			Run changed = this.sample.deploy(WiredSample.manifest(logs("audit#onError", AUDIT, "?ERROR ?WARN"),
					cognito("users#preSignUp", pool, "PreSignUp"), lex("bot#adoptPet", BOT_ALIAS)), "changed");
			assertThat(changed.exitCode()).as(changed.output()).isZero();
			assertThat(changed.output()).contains("update log subscription /petstore/dev/audit petstore-dev-audit-onError (filter pattern)",
					"update user pool triggers " + pool + " (clear PostConfirmation)");
			assertThat(logs.describeSubscriptionFilters(b -> b.logGroupName(AUDIT)).subscriptionFilters())
				.extracting(SubscriptionFilter::filterPattern).containsExactly("?ERROR ?WARN");
			LambdaConfigType config = cognito.describeUserPool(b -> b.userPoolId(pool)).userPool().lambdaConfig();
			assertThat(config.preSignUp()).isEqualTo(ALIAS);
			assertThat(config.postConfirmation()).isNull();
			assertThat(this.counter.mutations()).doesNotContain("Lambda.AddPermission");

			Run undeploy = this.sample.undeploy();
			assertThat(undeploy.exitCode()).as(undeploy.output()).isZero();
			assertThat(logs.describeSubscriptionFilters(b -> b.logGroupName(AUDIT)).subscriptionFilters()).isEmpty();
			UserPoolType after = cognito.describeUserPool(b -> b.userPoolId(pool)).userPool();
			assertThat(after.lambdaConfig().preSignUp()).isNull();
			assertThat(after.lambdaConfig().postConfirmation()).isNull();
			assertKeptPoolSettings(after);
		}
	}

	@Test
	void aHandlerOnALogGroupOrPoolThatDoesNotExistIsReportedAndNothingIsMadeForIt() throws Exception {
		try (LambdaClient lambda = TestAwsClients.lambda(moto.endpoint())) {
			Run deploy = this.sample.deploy(WiredSample.manifest(logs("audit#onError", "/no/such/group", ""),
					cognito("users#preSignUp", "us-east-1_NoSuchPool", "PreSignUp")), "missing");

			assertThat(deploy.exitCode()).as(deploy.output()).isZero();
			assertThat(deploy.output()).contains("logs handler audit#onError NOT CONNECTED: log group /no/such/group does not exist",
					"cognito handler users#preSignUp NOT CONNECTED: user pool us-east-1_NoSuchPool does not exist");
			assertThat(lambda.getPolicy(b -> b.functionName("petstore-dev").qualifier("live")).policy())
				.doesNotContain("logs.amazonaws.com", "cognito-idp.amazonaws.com");
		}
	}

	private static void assertKeptPoolSettings(UserPoolType pool) {
		assertThat(pool.name()).isEqualTo("petstore-users");
		assertThat(pool.autoVerifiedAttributesAsStrings()).containsExactly("email");
		assertThat(pool.policies().passwordPolicy().minimumLength()).isEqualTo(12);
		assertThat(pool.lambdaConfig().defineAuthChallenge()).isEqualTo(OTHER_FUNCTION);
	}

	private static String logs(String id, String group, String pattern) {
		return handler(id, "logs", group, "[]", Map.of("filterPattern", pattern));
	}

	private static String cognito(String id, String pool, String trigger) {
		return handler(id, "cognito", pool, "[\"" + trigger + "\"]", null);
	}

	private static String lex(String id, String botAlias) {
		return handler(id, "lex", botAlias, "[]", null);
	}

	private static String handler(String id, String type, String source, String events, Map<String, String> filter) {
		String filterJson = (filter == null) ? "" : ", \"filter\": {\"filterPattern\": \"" + filter.get("filterPattern") + "\"}";
		return "{\"id\": \"" + id + "\", \"type\": \"" + type + "\", \"source\": \"" + source + "\", \"batchWindowSeconds\": 0,"
				+ " \"reportBatchItemFailures\": false, \"events\": " + events + ", \"enabled\": true" + filterJson + "}";
	}

}
