package io.serverlessspring.shell.events;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.serverlessspring.shell.ServerlessConsoleApplication;
import io.serverlessspring.shell.aws.AwsClientFactory;
import io.serverlessspring.shell.aws.AwsClients;
import io.serverlessspring.shell.aws.AwsTarget;
import io.serverlessspring.shell.aws.LexBotAliasClient;
import io.serverlessspring.shell.cli.ConsoleRunner;
import io.serverlessspring.shell.support.ConsoleDriver;
import io.serverlessspring.shell.support.ConsoleDriver.Run;
import io.serverlessspring.shell.support.MutationCounter;
import io.serverlessspring.shell.support.MutationCounting;
import io.serverlessspring.shell.support.SamplePackage;
import io.serverlessspring.shell.support.TestAwsClients;
import io.serverlessspring.shell.support.TestProject;
import io.serverlessspring.test.moto.MotoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.SubscriptionFilter;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LambdaConfigType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.services.lambda.LambdaClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Log subscription, Cognito trigger and Lex code-hook handlers are wired to the live alias: a
 * subscription filter per logs handler, the user pool's triggers (its other settings and other
 * functions' triggers kept), the bot alias's code hook in every locale (its other settings kept),
 * and the invoke permission for each source; a change updates only what changed, undeploy leaves
 * nothing of ours (moto, real SDK; Lex through the console's own Lex client).
 */
@SpringBootTest(classes = { ServerlessConsoleApplication.class, MutationCounting.class },
		properties = "spring.shell.interactive.enabled=false")
class EventTriggersDeployTest {

	private static final String ALIAS = "arn:aws:lambda:us-east-1:123456789012:function:petstore-dev:live";

	private static final String OTHER_FUNCTION = "arn:aws:lambda:us-east-1:123456789012:function:auth-challenges";

	private static final String AUDIT = "/petstore/dev/audit";

	private static final String BOT_ALIAS_PREFIX = "arn:aws:lex:us-east-1:123456789012:bot-alias/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static MotoServer moto;

	@Autowired
	ConsoleRunner runner;

	@Autowired
	MutationCounter counter;

	@TempDir
	Path projectDir;

	private WiredSample sample;

	private AwsClients clients;

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
		this.clients = new AwsClientFactory(List.of()).clients(new AwsTarget("us-east-1", moto.endpoint(), null));
	}

	@AfterEach
	void closeClients() {
		this.clients.close();
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
			// A bot alias with a language that is off and settings deploy must keep.
			String botAlias = botAlias("""
					{"en_US": {"enabled": true}, "en_GB": {"enabled": false}}""");
			String botAliasIds = botAlias.substring(BOT_ALIAS_PREFIX.length());

			String all = WiredSample.manifest(logs("audit#onError", AUDIT, "ERROR"),
					cognito("users#preSignUp", pool, "PreSignUp"), cognito("users#welcome", pool, "PostConfirmation"),
					lex("bot#adoptPet", botAlias));
			Run deploy = this.sample.deploy(all, "all");

			assertThat(deploy.exitCode()).as(deploy.output()).isZero();
			assertThat(deploy.output()).contains("create log subscription /petstore/dev/audit petstore-dev-audit-onError (ERROR)",
					"update user pool triggers " + pool + " (PreSignUp, PostConfirmation -> live)",
					"create permission serverless-logs--petstore-dev-audit", "create permission serverless-cognito-" + pool,
					"create permission serverless-lex-" + botAliasIds.replace('/', '-'),
					"update bot alias code hook " + botAliasIds + " (en_US, en_GB -> live)")
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
					"lexv2.amazonaws.com", botAlias);
			JsonNode lexAlias = describe(botAlias);
			assertThat(lexAlias.at("/botAliasLocaleSettings/en_US/codeHookSpecification/lambdaCodeHook/lambdaARN").asString())
				.isEqualTo(ALIAS);
			assertThat(lexAlias.at("/botAliasLocaleSettings/en_GB/codeHookSpecification/lambdaCodeHook/lambdaARN").asString())
				.isEqualTo(ALIAS);
			assertThat(lexAlias.at("/botAliasLocaleSettings/en_US/codeHookSpecification/lambdaCodeHook/codeHookInterfaceVersion")
				.asString()).isEqualTo("1.0");
			assertThat(lexAlias.at("/botAliasLocaleSettings/en_GB/enabled").asBoolean()).isTrue();
			assertKeptBotAliasSettings(lexAlias);

			this.counter.reset();
			Run again = this.sample.deploy(all, "all");
			assertThat(again.output()).as(again.output()).contains("nothing to change");
			assertThat(this.counter.mutations()).isEmpty();
			// Lex calls bypass the SDK's interceptors: the alias's update time says it was not touched.
			assertThat(describe(botAlias).path("lastUpdatedDateTime")).isEqualTo(lexAlias.path("lastUpdatedDateTime"));

			// The code now wants warnings too and no longer welcomes users.
			this.counter.reset();
			Run changed = this.sample.deploy(WiredSample.manifest(logs("audit#onError", AUDIT, "?ERROR ?WARN"),
					cognito("users#preSignUp", pool, "PreSignUp"), lex("bot#adoptPet", botAlias)), "changed");
			assertThat(changed.exitCode()).as(changed.output()).isZero();
			assertThat(changed.output()).contains("update log subscription /petstore/dev/audit petstore-dev-audit-onError (filter pattern)",
					"update user pool triggers " + pool + " (clear PostConfirmation)")
				.doesNotContain("update bot alias code hook");
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
			JsonNode unhooked = describe(botAlias);
			assertThat(unhooked.at("/botAliasLocaleSettings/en_US/codeHookSpecification").isMissingNode()).isTrue();
			assertThat(unhooked.at("/botAliasLocaleSettings/en_GB/codeHookSpecification").isMissingNode()).isTrue();
			assertThat(unhooked.path("botAliasLocaleSettings").propertyNames()).containsExactly("en_US", "en_GB");
			assertKeptBotAliasSettings(unhooked);
		}
	}

	@Test
	void aLexHandlerRemovedFromTheCodeClearsOnlyTheCodeHooksThatAreStillOurs() throws Exception {
		try (LambdaClient lambda = TestAwsClients.lambda(moto.endpoint())) {
			String botAlias = botAlias("""
					{"en_US": {"enabled": true}, "fr_FR": {"enabled": true, "codeHookSpecification": {"lambdaCodeHook":
					 {"lambdaARN": "%s", "codeHookInterfaceVersion": "1.0"}}}}""".formatted(OTHER_FUNCTION));
			String botAliasIds = botAlias.substring(BOT_ALIAS_PREFIX.length());
			Run deploy = this.sample.deploy(WiredSample.manifest(lex("bot#adoptPet", botAlias)), "lex");
			assertThat(deploy.exitCode()).as(deploy.output()).isZero();
			assertThat(deploy.output()).contains("update bot alias code hook " + botAliasIds
					+ " (en_US, fr_FR -> live; replaces the function set for fr_FR)");
			// Someone points French at another function again.
			ObjectNode alias = describe(botAlias);
			((ObjectNode) alias.at("/botAliasLocaleSettings/fr_FR/codeHookSpecification/lambdaCodeHook")).put("lambdaARN",
					OTHER_FUNCTION);
			this.clients.lexBotAliases().updateBotAlias(alias);

			Run removed = this.sample.deploy(WiredSample.manifest(), "no-lex");

			assertThat(removed.exitCode()).as(removed.output()).isZero();
			assertThat(removed.output()).contains("update bot alias code hook " + botAliasIds + " (clear en_US)",
					"delete permission serverless-lex-" + botAliasIds.replace('/', '-'));
			JsonNode after = describe(botAlias);
			assertThat(after.at("/botAliasLocaleSettings/en_US/codeHookSpecification").isMissingNode()).isTrue();
			assertThat(after.at("/botAliasLocaleSettings/en_US/enabled").asBoolean()).isTrue();
			assertThat(after.at("/botAliasLocaleSettings/fr_FR/codeHookSpecification/lambdaCodeHook/lambdaARN").asString())
				.isEqualTo(OTHER_FUNCTION);
			assertKeptBotAliasSettings(after);
			assertThat(lambda.getPolicy(b -> b.functionName("petstore-dev").qualifier("live")).policy())
				.doesNotContain("lexv2.amazonaws.com");
		}
	}

	@Test
	void aHandlerOnALogGroupOrPoolThatDoesNotExistIsReportedAndNothingIsMadeForIt() throws Exception {
		try (LambdaClient lambda = TestAwsClients.lambda(moto.endpoint())) {
			String noLocales = botAlias("{}");
			Run deploy = this.sample.deploy(WiredSample.manifest(logs("audit#onError", "/no/such/group", ""),
					cognito("users#preSignUp", "us-east-1_NoSuchPool", "PreSignUp"),
					lex("bot#adoptPet", BOT_ALIAS_PREFIX + "NOSUCHBOT1/NOSUCHALIA"), lex("bot#quiet", noLocales)), "missing");

			assertThat(deploy.exitCode()).as(deploy.output()).isZero();
			assertThat(deploy.output()).contains("logs handler audit#onError NOT CONNECTED: log group /no/such/group does not exist",
					"cognito handler users#preSignUp NOT CONNECTED: user pool us-east-1_NoSuchPool does not exist",
					"lex handler bot#adoptPet NOT CONNECTED: bot alias NOSUCHBOT1/NOSUCHALIA does not exist (create it, then deploy again)",
					"lex handler bot#quiet NOT CONNECTED: bot alias " + noLocales.substring(BOT_ALIAS_PREFIX.length())
							+ " has no locale settings")
				.doesNotContain("bot alias code hook");
			assertThat(lambda.getPolicy(b -> b.functionName("petstore-dev").qualifier("live")).policy())
				.doesNotContain("logs.amazonaws.com", "cognito-idp.amazonaws.com", "lexv2.amazonaws.com");
			assertThat(describe(noLocales).path("botAliasLocaleSettings").isEmpty()).isTrue();
		}
	}

	/**
	 * A bot alias (in a new bot) with these locale settings, a description, conversation logs and
	 * sentiment analysis, made the way the Lex console makes them; its ARN.
	 */
	private String botAlias(String localeSettings) {
		LexBotAliasClient lex = this.clients.lexBotAliases();
		String botId = lex.call("CreateBot", SdkHttpMethod.PUT, "/bots/", JSON.readTree("""
				{"botName": "petbot", "roleArn": "arn:aws:iam::123456789012:role/lex-petbot",
				 "dataPrivacy": {"childDirected": false}, "idleSessionTTLInSeconds": 300}""")).path("botId").asString();
		String aliasId = lex.call("CreateBotAlias", SdkHttpMethod.PUT, "/bots/" + botId + "/botaliases/", JSON.readTree("""
				{"botAliasName": "prod", "description": "adoptions", "botVersion": "1",
				 "botAliasLocaleSettings": %s,
				 "conversationLogSettings": {"textLogSettings": [{"enabled": true, "destination": {"cloudWatch":
				  {"cloudWatchLogGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:/lex/petbot", "logPrefix": "prod"}}}]},
				 "sentimentAnalysisSettings": {"detectSentiment": true}}""".formatted(localeSettings)))
			.path("botAliasId")
			.asString();
		return BOT_ALIAS_PREFIX + botId + "/" + aliasId;
	}

	private ObjectNode describe(String botAlias) {
		String[] ids = botAlias.substring(BOT_ALIAS_PREFIX.length()).split("/");
		return this.clients.lexBotAliases().describeBotAlias(ids[0], ids[1]);
	}

	private static void assertKeptBotAliasSettings(JsonNode alias) {
		assertThat(alias.path("botAliasName").asString()).isEqualTo("prod");
		assertThat(alias.path("description").asString()).isEqualTo("adoptions");
		assertThat(alias.path("botVersion").asString()).isEqualTo("1");
		assertThat(alias.at("/conversationLogSettings/textLogSettings/0/destination/cloudWatch/logPrefix").asString())
			.isEqualTo("prod");
		assertThat(alias.at("/sentimentAnalysisSettings/detectSentiment").asBoolean()).isTrue();
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
