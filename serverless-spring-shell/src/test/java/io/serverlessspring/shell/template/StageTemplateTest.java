package io.serverlessspring.shell.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.serverlessspring.boot.manifest.DeploymentManifest;
import io.serverlessspring.boot.manifest.ManifestJson;
import io.serverlessspring.shell.model.DesiredStage;
import io.serverlessspring.shell.model.DesiredStageFactory;
import io.serverlessspring.shell.packaging.LambdaPackage;
import io.serverlessspring.shell.packaging.PackageInfo;
import io.serverlessspring.shell.settings.SettingsMetadata;
import io.serverlessspring.shell.settings.StageSettings;
import io.serverlessspring.shell.settings.StageSettingsLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The generated template is read back as YAML (as CloudFormation would) and checked: every
 * resource has a known type and its required properties, every Ref / Fn::GetAtt / Fn::Sub variable /
 * DependsOn names something that exists (with an attribute that type has), and it creates what the
 * console's deploy creates, under the same names.
 */
class StageTemplateTest {

	private static final SettingsMetadata METADATA = SettingsMetadata.load();

	private static final Set<String> PSEUDO = Set.of("AWS::Region", "AWS::AccountId", "AWS::Partition", "AWS::StackName",
			"AWS::URLSuffix");

	/** Required properties, per type, of the CloudFormation resource reference. */
	private static final Map<String, List<String>> REQUIRED = Map.ofEntries(
			Map.entry("AWS::IAM::Role", List.of("AssumeRolePolicyDocument")),
			Map.entry("AWS::Logs::LogGroup", List.of()),
			Map.entry("AWS::Lambda::Function", List.of("Code", "Role")),
			Map.entry("AWS::Serverless::Function", List.of("CodeUri", "Runtime", "Handler")),
			Map.entry("AWS::Lambda::Version", List.of("FunctionName")),
			Map.entry("AWS::Lambda::Alias", List.of("FunctionName", "FunctionVersion", "Name")),
			Map.entry("AWS::Lambda::Permission", List.of("Action", "FunctionName", "Principal")),
			Map.entry("AWS::Lambda::Url", List.of("AuthType", "TargetFunctionArn")),
			Map.entry("AWS::Lambda::EventSourceMapping", List.of("FunctionName")),
			Map.entry("AWS::ApiGatewayV2::Api", List.of()),
			Map.entry("AWS::ApiGatewayV2::Integration", List.of("ApiId", "IntegrationType")),
			Map.entry("AWS::ApiGatewayV2::Route", List.of("ApiId", "RouteKey")),
			Map.entry("AWS::ApiGatewayV2::Stage", List.of("ApiId", "StageName")),
			Map.entry("AWS::ApiGatewayV2::Authorizer", List.of("ApiId", "AuthorizerType", "Name")),
			Map.entry("AWS::ApiGateway::RestApi", List.of()),
			Map.entry("AWS::ApiGateway::Resource", List.of("ParentId", "PathPart", "RestApiId")),
			Map.entry("AWS::ApiGateway::Method", List.of("HttpMethod", "ResourceId", "RestApiId")),
			Map.entry("AWS::ApiGateway::Deployment", List.of("RestApiId")),
			Map.entry("AWS::ApiGateway::Stage", List.of("RestApiId")),
			Map.entry("AWS::ApiGateway::Authorizer", List.of("Name", "RestApiId", "Type")),
			Map.entry("AWS::ApiGateway::GatewayResponse", List.of("ResponseType", "RestApiId")),
			Map.entry("AWS::ApiGateway::UsagePlan", List.of()),
			Map.entry("AWS::ApiGateway::ApiKey", List.of()),
			Map.entry("AWS::ApiGateway::UsagePlanKey", List.of("KeyId", "KeyType", "UsagePlanId")),
			Map.entry("AWS::Scheduler::ScheduleGroup", List.of()),
			Map.entry("AWS::Scheduler::Schedule", List.of("FlexibleTimeWindow", "ScheduleExpression", "Target")),
			Map.entry("AWS::SNS::Subscription", List.of("Protocol", "TopicArn")),
			Map.entry("AWS::Events::Rule", List.of()),
			Map.entry("AWS::Logs::SubscriptionFilter", List.of("DestinationArn", "FilterPattern", "LogGroupName")),
			Map.entry("AWS::ElasticLoadBalancingV2::LoadBalancer", List.of()),
			Map.entry("AWS::ElasticLoadBalancingV2::TargetGroup", List.of()),
			Map.entry("AWS::ElasticLoadBalancingV2::Listener", List.of("DefaultActions", "LoadBalancerArn")),
			Map.entry("AWS::ElasticLoadBalancingV2::ListenerRule", List.of("Actions", "Conditions", "ListenerArn", "Priority")));

	/** Attributes Fn::GetAtt may read, per type. */
	private static final Map<String, Set<String>> ATTRIBUTES = Map.of("AWS::IAM::Role", Set.of("Arn", "RoleId"),
			"AWS::Lambda::Function", Set.of("Arn"), "AWS::Serverless::Function", Set.of("Arn"), "AWS::Lambda::Version",
			Set.of("Version"), "AWS::ApiGatewayV2::Api", Set.of("ApiEndpoint", "ApiId"), "AWS::ApiGateway::RestApi",
			Set.of("RootResourceId", "RestApiId"), "AWS::Logs::LogGroup", Set.of("Arn"), "AWS::Lambda::Url",
			Set.of("FunctionUrl", "FunctionArn"), "AWS::Events::Rule", Set.of("Arn"),
			"AWS::ElasticLoadBalancingV2::LoadBalancer", Set.of("DNSName", "LoadBalancerArn", "LoadBalancerName"));

	private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!]+)}");

	@TempDir
	Path project;

	@Test
	void httpApiStageWithSchedulesEventSourcesAndSecurity() throws Exception {
		Map<String, Object> template = generate("""
				serverless:
				  function:
				    memory: 2048
				    reserved-concurrency: 5
				  http:
				    type: http-api
				    cors:
				      allowed-origins: [https://app.example.com]
				      allow-credentials: true
				    auth:
				      type: jwt
				      jwt:
				        issuer: https://login.example.com/
				        audiences: [petstore]
				        scopes: [pets.read]
				    throttling:
				      rate-limit: 50
				      burst-limit: 100
				    access-log:
				      enabled: true
				""", TemplateFormat.CLOUDFORMATION);

		Map<String, Map<String, Object>> resources = checkReferences(template);
		assertThat(types(resources)).contains("AWS::IAM::Role", "AWS::Logs::LogGroup", "AWS::Lambda::Function",
				"AWS::Lambda::Version", "AWS::Lambda::Alias", "AWS::ApiGatewayV2::Api", "AWS::ApiGatewayV2::Integration",
				"AWS::ApiGatewayV2::Route", "AWS::ApiGatewayV2::Stage", "AWS::ApiGatewayV2::Authorizer",
				"AWS::Lambda::Permission", "AWS::Scheduler::ScheduleGroup", "AWS::Scheduler::Schedule",
				"AWS::Lambda::EventSourceMapping", "AWS::SNS::Subscription", "AWS::Events::Rule");

		// The same names the console's deploy uses.
		assertThat(props(resources, "Function")).containsEntry("FunctionName", "petstore-prod")
			.containsEntry("MemorySize", 2048)
			.containsEntry("ReservedConcurrentExecutions", 5)
			.containsEntry("Handler", DesiredStageFactory.HANDLER);
		assertThat(props(resources, "ExecutionRole")).containsEntry("RoleName", "petstore-prod-role");
		assertThat(props(resources, "LiveAlias")).containsEntry("Name", "live");
		assertThat(props(resources, "FunctionLogGroup")).containsEntry("LogGroupName", "/aws/lambda/petstore-prod");
		List<Map<String, Object>> schedules = ofType(resources, "AWS::Scheduler::Schedule");
		assertThat(schedules).extracting(s -> s.get("Name")).containsExactly("petstore-prod-petReportJobs.nightlyReport",
				"petstore-prod-petReportJobs.refreshCache", "petstore-prod-keep-warm");
		assertThat(schedules.get(0)).containsEntry("ScheduleExpression", "cron(30 2 ? * MON-FRI *)")
			.containsEntry("ScheduleExpressionTimezone", "Europe/Paris")
			.containsEntry("State", "ENABLED");
		assertThat(schedules.get(1)).containsEntry("State", "DISABLED");
		assertThat(String.valueOf(((Map<?, ?>) schedules.get(0).get("Target")).get("Input")))
			.contains("\"id\":\"petReportJobs#nightlyReport\"");

		// Security and limits of the HTTP front.
		Map<String, Object> cors = map(props(resources, "HttpApi").get("CorsConfiguration"));
		assertThat(cors).containsEntry("AllowOrigins", List.of("https://app.example.com"))
			.containsEntry("AllowCredentials", true)
			.containsEntry("MaxAge", 600);
		assertThat(props(resources, "HttpApiRoute")).containsEntry("AuthorizationType", "JWT")
			.containsEntry("AuthorizationScopes", List.of("pets.read"));
		assertThat(map(props(resources, "HttpApiAuthorizer").get("JwtConfiguration")))
			.containsEntry("Issuer", "https://login.example.com/");
		assertThat(map(props(resources, "HttpApiStage").get("DefaultRouteSettings"))).containsEntry("ThrottlingRateLimit", 50.0)
			.containsEntry("ThrottlingBurstLimit", 100);
		assertThat(props(resources, "HttpApiStage")).containsKey("AccessLogSettings");

		// Event sources: mapping settings carried over.
		Map<String, Object> sqs = ofType(resources, "AWS::Lambda::EventSourceMapping").get(0);
		assertThat(sqs).containsEntry("BatchSize", 10)
			.containsEntry("MaximumBatchingWindowInSeconds", 5)
			.containsEntry("FunctionResponseTypes", List.of("ReportBatchItemFailures"))
			.containsEntry("Enabled", true);
		assertThat(sqs.get("EventSourceArn")).isEqualTo(Map.of("Fn::Sub", "arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:petstore-prod-orders"));
		Map<String, Object> kinesis = ofType(resources, "AWS::Lambda::EventSourceMapping").get(1);
		assertThat(kinesis).containsEntry("StartingPosition", "TRIM_HORIZON").containsEntry("Enabled", false);
		assertThat(ofType(resources, "AWS::Events::Rule").get(0)).containsEntry("EventPattern",
				Map.of("source", List.of("petstore.orders")));
		assertThat(ofType(resources, "AWS::Lambda::Permission")).extracting(p -> p.get("Principal"))
			.contains("apigateway.amazonaws.com", "sns.amazonaws.com", "events.amazonaws.com", "s3.amazonaws.com");

		// No account or region baked in: the template deploys anywhere.
		String yaml = TemplateWriter.yaml(template);
		assertThat(yaml).doesNotContain("000000000000").doesNotContain("us-east-1");
	}

	@Test
	void restApiWithApiKeysUsagePlanResourcePolicyEndpointTypeAndCognito() throws Exception {
		Map<String, Object> template = generate("""
				serverless:
				  http:
				    type: rest-api
				    cors:
				      allowed-origins: ["*"]
				    auth:
				      type: cognito
				      cognito:
				        user-pool-arn: arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbCdEf
				    rest:
				      endpoint-type: private
				      vpc-endpoint-ids: [vpce-0abc]
				      binary-media-types: ["*/*"]
				      resource-policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"*"}]}'
				      api-keys:
				        names: [partner-a, partner-b]
				        quota-limit: 10000
				        quota-period: day
				        rate-limit: 10
				        burst-limit: 20
				""", TemplateFormat.CLOUDFORMATION);

		Map<String, Map<String, Object>> resources = checkReferences(template);
		Map<String, Object> api = props(resources, "RestApi");
		assertThat(api).containsEntry("BinaryMediaTypes", List.of("*/*"));
		assertThat(map(api.get("EndpointConfiguration"))).containsEntry("Types", List.of("PRIVATE"))
			.containsEntry("VpcEndpointIds", List.of("vpce-0abc"));
		assertThat(map(api.get("Policy"))).containsKey("Statement");
		assertThat(props(resources, "RestApiProxyMethod")).containsEntry("AuthorizationType", "COGNITO_USER_POOLS")
			.containsEntry("ApiKeyRequired", true);
		assertThat(props(resources, "RestApiProxyOptions")).containsEntry("HttpMethod", "OPTIONS");
		assertThat(ofType(resources, "AWS::ApiGateway::GatewayResponse")).extracting(r -> r.get("ResponseType"))
			.containsExactly("DEFAULT_4XX", "DEFAULT_5XX");
		assertThat(map(props(resources, "RestApiGatewayResponseDEFAULT4XX").get("ResponseParameters")))
			.containsEntry("gatewayresponse.header.Access-Control-Allow-Origin", "'*'");
		assertThat(ofType(resources, "AWS::ApiGateway::ApiKey")).extracting(k -> k.get("Name"))
			.containsExactly("partner-a", "partner-b");
		assertThat(map(props(resources, "UsagePlan").get("Quota"))).containsEntry("Limit", 10000).containsEntry("Period", "DAY");
		assertThat(ofType(resources, "AWS::ApiGateway::UsagePlanKey")).hasSize(2);
	}

	@Test
	void samTemplateForAFunctionUrlWithALambdaAuthorizerlessFront() throws Exception {
		Map<String, Object> template = generate("""
				serverless:
				  http:
				    type: function-url
				""", TemplateFormat.SAM);

		assertThat(template).containsEntry("Transform", "AWS::Serverless-2016-10-31");
		Map<String, Map<String, Object>> resources = checkReferences(template);
		assertThat(props(resources, "Function")).containsEntry("AutoPublishAlias", "live");
		assertThat(resources.get("Function").get("Type")).isEqualTo("AWS::Serverless::Function");
		assertThat(props(resources, "FunctionUrl")).containsEntry("AuthType", "NONE");
		assertThat(types(resources)).doesNotContain("AWS::Lambda::Version", "AWS::Lambda::Alias");
	}

	@Test
	void anEfsMountIsTheFunctionsFileSystemConfigAndItsRoleMayMountThroughThatAccessPointOnly() throws Exception {
		String accessPoint = "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0";
		Map<String, Map<String, Object>> resources = checkReferences(generate("""
				serverless:
				  function:
				    vpc:
				      subnet-ids: [subnet-1]
				      security-group-ids: [sg-1]
				    file-systems:
				      - arn: %s
				        local-mount-path: /mnt/data
				""".formatted(accessPoint), TemplateFormat.CLOUDFORMATION));

		assertThat(props(resources, "Function")).containsEntry("FileSystemConfigs",
				List.of(Map.of("Arn", accessPoint, "LocalMountPath", "/mnt/data")))
			.containsEntry("VpcConfig", Map.of("SubnetIds", List.of("subnet-1"), "SecurityGroupIds", List.of("sg-1")))
			.doesNotContainKey("SnapStart");
		String policy = tools.jackson.databind.json.JsonMapper.builder().build()
			.writeValueAsString(props(resources, "ExecutionRole").get("Policies"));
		assertThat(policy).contains("\"elasticfilesystem:ClientMount\"", "\"elasticfilesystem:ClientWrite\"",
				"arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/*",
				"{\"StringEquals\":{\"elasticfilesystem:AccessPointArn\":[\"" + accessPoint + "\"]}}",
				"ec2:CreateNetworkInterface");
	}

	@Test
	void aLambdaAuthorizerAnswersWithPoliciesWhenSimpleResponsesAreOff() throws Exception {
		Map<String, Map<String, Object>> resources = checkReferences(generate("""
				serverless:
				  http:
				    auth:
				      type: lambda
				      lambda:
				        bean: gatekeeper
				        simple-responses: false
				""", TemplateFormat.CLOUDFORMATION));
		assertThat(props(resources, "HttpApiAuthorizer")).containsEntry("AuthorizerType", "REQUEST")
			.containsEntry("AuthorizerPayloadFormatVersion", "2.0").containsEntry("EnableSimpleResponses", false);
		assertThat(props(resources, "HttpApiRoute")).containsEntry("AuthorizationType", "CUSTOM");
	}

	@Test
	void secretEnvironmentValuesBecomeNoEchoParametersAndNeverAppearInTheTemplate() throws Exception {
		for (TemplateFormat format : TemplateFormat.values()) {
			Map<String, Object> template = generate("""
					serverless:
					  function:
					    environment:
					      DB_PASSWORD: hunter2-db
					      Stripe_Api_Key: sk-live-4242
					      SESSION_SECRET: s3ss10n
					      GREETING: hello
					""", format);

			Map<String, Map<String, Object>> resources = checkReferences(template);
			Map<String, Object> variables = map(map(props(resources, "Function").get("Environment")).get("Variables"));
			assertThat(variables).as(format.name()).containsEntry("GREETING", "hello")
				.containsEntry("DB_PASSWORD", Map.of("Ref", "EnvDBPASSWORD"))
				.containsEntry("Stripe_Api_Key", Map.of("Ref", "EnvStripeApiKey"))
				.containsEntry("SESSION_SECRET", Map.of("Ref", "EnvSESSIONSECRET"));
			assertThat(map(map(template.get("Parameters")).get("EnvDBPASSWORD"))).containsEntry("NoEcho", true)
				.containsEntry("Type", "String");
			for (String text : List.of(TemplateWriter.yaml(template), TemplateWriter.json(template))) {
				assertThat(text).as(format.name()).doesNotContain("hunter2-db", "sk-live-4242", "s3ss10n").contains("hello");
			}
		}
	}

	@Test
	void anAppWithWebSocketRoutesGetsTheWebSocketApiBesideItsHttpApi() throws Exception {
		DeploymentManifest petstore = ManifestJson.read(getClass().getResourceAsStream("/manifests/petstore-dev.json"));
		DeploymentManifest chat = new DeploymentManifest(petstore.formatVersion(), petstore.application(),
				petstore.stage(), petstore.mainClass(), petstore.handler(), petstore.schedules(), petstore.keepWarm(),
				petstore.tasks(), petstore.taskResources(), petstore.eventHandlers(), petstore.functions(),
				petstore.commands(), new DeploymentManifest.WebSocket("$request.body.action",
						List.of(new DeploymentManifest.WebSocketRoute("$connect", "petChat#connect()"),
								new DeploymentManifest.WebSocketRoute("ask", "petChat#ask()"))));

		Map<String, Object> template = generate("serverless:\n  http:\n    type: http-api\n", TemplateFormat.CLOUDFORMATION, chat);

		Map<String, Map<String, Object>> resources = checkReferences(template);
		assertThat(resources).containsKeys("HttpApi", "WebSocketApi", "WebSocketIntegration", "WebSocketRouteConnect",
				"WebSocketRouteKeyAsk", "WebSocketStage", "WebSocketPermission");
		assertThat(props(resources, "WebSocketApi")).containsEntry("ProtocolType", "WEBSOCKET")
			.containsEntry("RouteSelectionExpression", "$request.body.action")
			.containsEntry("Name", "petstore-prod-websocket");
		assertThat(props(resources, "WebSocketStage")).containsEntry("StageName", "prod");
		assertThat(resources.get("WebSocketStage").get("DependsOn")).isEqualTo(List.of("WebSocketRouteConnect", "WebSocketRouteKeyAsk"));
		assertThat(template.get("Outputs").toString()).contains("WebSocketUrl");
	}

	@Test
	void logSubscriptionsCognitoTriggersAndLexHooksGetTheirFilterAndPermissions() throws Exception {
		DeploymentManifest petstore = ManifestJson.read(getClass().getResourceAsStream("/manifests/petstore-dev.json"));
		List<DeploymentManifest.EventHandler> handlers = new ArrayList<>(petstore.eventHandlers());
		handlers.add(new DeploymentManifest.EventHandler("audit#onError", "audit#onError(java.lang.String)", "logs",
				"/petstore/prod/audit", null, 0, null, false, List.of(), Map.of("filterPattern", "ERROR"), true));
		handlers.add(new DeploymentManifest.EventHandler("users#preSignUp", "users#preSignUp()", "cognito",
				"us-east-1_Pets1234a", null, 0, null, false, List.of("PreSignUp"), null, true));
		handlers.add(new DeploymentManifest.EventHandler("bot#adoptPet", "bot#adoptPet()", "lex",
				"arn:aws:lex:us-east-1:123456789012:bot-alias/PETBOT1234/TSTALIASID", null, 0, null, false, List.of(), null,
				true));
		DeploymentManifest triggers = new DeploymentManifest(petstore.formatVersion(), petstore.application(),
				petstore.stage(), petstore.mainClass(), petstore.handler(), petstore.schedules(), petstore.keepWarm(),
				petstore.tasks(), petstore.taskResources(), handlers, petstore.functions(), petstore.commands());

		Map<String, Object> template = generate("serverless:\n  http:\n    type: http-api\n", TemplateFormat.CLOUDFORMATION,
				triggers);

		Map<String, Map<String, Object>> resources = checkReferences(template);
		Map<String, Object> filter = ofType(resources, "AWS::Logs::SubscriptionFilter").get(0);
		// The name deploy gives the filter, so a stack and a deploy never make two.
		assertThat(filter).containsEntry("LogGroupName", "/petstore/prod/audit")
			.containsEntry("FilterName", "petstore-prod-audit-onError")
			.containsEntry("FilterPattern", "ERROR")
			.containsEntry("DestinationArn", Map.of("Ref", "LiveAlias"));
		List<Map<String, Object>> permissions = ofType(resources, "AWS::Lambda::Permission");
		assertThat(permissions).filteredOn(p -> "logs.amazonaws.com".equals(p.get("Principal")))
			.singleElement().satisfies(p -> assertThat(p.get("SourceArn")).isEqualTo(
					Map.of("Fn::Sub", "arn:aws:logs:${AWS::Region}:${AWS::AccountId}:log-group:/petstore/prod/audit:*")));
		assertThat(permissions).filteredOn(p -> "cognito-idp.amazonaws.com".equals(p.get("Principal")))
			.singleElement().satisfies(p -> assertThat(p.get("SourceArn")).isEqualTo(
					Map.of("Fn::Sub", "arn:aws:cognito-idp:${AWS::Region}:${AWS::AccountId}:userpool/us-east-1_Pets1234a")));
		assertThat(permissions).filteredOn(p -> "lexv2.amazonaws.com".equals(p.get("Principal")))
			.singleElement().satisfies(p -> assertThat(p.get("SourceArn"))
				.isEqualTo("arn:aws:lex:us-east-1:123456789012:bot-alias/PETBOT1234/TSTALIASID"));
	}

	@Test
	void anEventBridgeHandlersDeadLetterQueueIsItsRuleTargetsDeadLetterConfig() throws Exception {
		DeploymentManifest petstore = ManifestJson.read(getClass().getResourceAsStream("/manifests/petstore-dev.json"));
		DeploymentManifest withQueue = new DeploymentManifest(petstore.formatVersion(), petstore.application(),
				petstore.stage(), petstore.mainClass(), petstore.handler(), petstore.schedules(), petstore.keepWarm(),
				petstore.tasks(), petstore.taskResources(),
				List.of(new DeploymentManifest.EventHandler("petEvents#onAdopted", "petEvents#onAdopted", "eventbridge",
						"default", null, 0, null, false, List.of(), Map.of("source", List.of("petstore.shelter")), true,
						"adopted-dlq", null)),
				petstore.functions(), petstore.commands());

		Map<String, Object> template = generate("serverless:\n  http:\n    type: http-api\n", TemplateFormat.CLOUDFORMATION,
				withQueue);

		Map<String, Map<String, Object>> resources = checkReferences(template);
		Map<?, ?> target = map(((List<?>) ofType(resources, "AWS::Events::Rule").get(0).get("Targets")).get(0));
		assertThat(target.get("DeadLetterConfig")).isEqualTo(
				Map.of("Arn", Map.of("Fn::Sub", "arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:adopted-dlq")));
	}

	@Test
	void albFrontIsTheLoadBalancerTargetGroupListenerRuleAndPermissionDeployMakes() throws Exception {
		Map<String, Object> template = generate("""
				serverless:
				  http:
				    type: alb
				    alb:
				      subnets: [subnet-1, subnet-2]
				      security-groups: [sg-1]
				      listener-port: 8080
				      multi-value-headers: true
				      path-patterns: ["/api/*"]
				      priority: 3
				""", TemplateFormat.CLOUDFORMATION);
		Map<String, Map<String, Object>> resources = checkReferences(template);
		assertThat(props(resources, "LoadBalancer")).containsEntry("Name", "petstore-prod")
			.containsEntry("Subnets", List.of("subnet-1", "subnet-2")).containsEntry("SecurityGroups", List.of("sg-1"))
			.containsEntry("Scheme", "internet-facing");
		assertThat(props(resources, "TargetGroup")).containsEntry("TargetType", "lambda")
			.containsEntry("Targets", List.of(Map.of("Id", Map.of("Ref", "LiveAlias"))))
			.containsEntry("TargetGroupAttributes", List.of(Map.of("Key", "lambda.multi_value_headers.enabled", "Value", "true")));
		assertThat(resources.get("TargetGroup").get("DependsOn")).as("ELB checks the permission at registration")
			.isEqualTo(List.of("LoadBalancerPermission"));
		assertThat(props(resources, "LoadBalancerPermission")).containsEntry("Principal", "elasticloadbalancing.amazonaws.com");
		assertThat(props(resources, "Listener")).containsEntry("Port", 8080).containsEntry("Protocol", "HTTP");
		assertThat(props(resources, "ListenerRule")).containsEntry("Priority", 3)
			.containsEntry("Conditions", List.of(Map.of("Field", "path-pattern", "PathPatternConfig", Map.of("Values", List.of("/api/*")))));
		assertThat(map(map(template.get("Outputs")).get("Url")).get("Value")).isEqualTo(Map.of("Fn::Join",
				List.of("", List.of("http://", Map.of("Fn::GetAtt", List.of("LoadBalancer", "DNSName")), ":8080/"))));

		assertThatThrownBy(() -> generate("""
				serverless:
				  http:
				    type: alb
				""", TemplateFormat.CLOUDFORMATION)).hasMessageContaining("serverless.http.alb.subnets is required");
	}

	@Test
	void aJwtAuthorizerOnARestApiIsRefusedWithTheSettingToChange() throws Exception {
		assertThatThrownBy(() -> generate("""
				serverless:
				  http:
				    type: rest-api
				    auth:
				      type: jwt
				      jwt:
				        issuer: https://login.example.com/
				""", TemplateFormat.CLOUDFORMATION)).hasMessageContaining("serverless.http.auth.type=jwt needs an HTTP API");
	}

	private Map<String, Object> generate(String stageYaml, TemplateFormat format) throws IOException {
		return generate(stageYaml, format, ManifestJson.read(getClass().getResourceAsStream("/manifests/petstore-dev.json")));
	}

	private Map<String, Object> generate(String stageYaml, TemplateFormat format, DeploymentManifest manifest)
			throws IOException {
		Path resources = this.project.resolve("src/main/resources");
		Files.createDirectories(resources);
		Files.writeString(resources.resolve("application.yml"), "spring:\n  application:\n    name: petstore\n");
		Files.writeString(resources.resolve("application-prod.yml"), stageYaml);
		StageSettings settings = new StageSettingsLoader(METADATA).load(this.project, "prod");
		LambdaPackage pkg = new LambdaPackage(this.project.resolve("petstore-prod.zip"), "q2K0ZTx1e3lY3m1oZ4nU0s1u0nT9Z3p0b3J0c2FtcGw=",
				"3f1c2b9a8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a", 15_000_000L, 40_000_000L, manifest,
				new PackageInfo("petstore", "prod", "2026-11-25T10:00:00Z", "0123456789abcdef", false,
						"3f1c2b9a8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a"),
				List.of());
		DesiredStage desired = DesiredStageFactory.create(settings, pkg, StageTemplate.REGION, StageTemplate.ACCOUNT);
		Map<String, Object> generated = StageTemplate.generate(desired, settings.properties(), manifest, format);
		// Read back what a user would hand to CloudFormation.
		return new Yaml().load(TemplateWriter.yaml(generated));
	}

	/** Checks types, required properties and every reference; returns the resources by logical id. */
	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> checkReferences(Map<String, Object> template) {
		Map<String, Map<String, Object>> resources = (Map<String, Map<String, Object>>) template.get("Resources");
		Set<String> parameters = ((Map<String, Object>) template.get("Parameters")).keySet();
		assertThat(resources).isNotEmpty();
		resources.forEach((id, resource) -> {
			String type = (String) resource.get("Type");
			assertThat(REQUIRED).as("known type of " + id).containsKey(type);
			Map<String, Object> properties = map(resource.get("Properties"));
			assertThat(properties).as("properties of " + id).isNotNull();
			for (String required : REQUIRED.get(type)) {
				assertThat(properties).as("required properties of " + id + " (" + type + ")").containsKey(required);
			}
			Object dependsOn = resource.get("DependsOn");
			if (dependsOn != null) {
				assertThat(resources).as("DependsOn of " + id).containsKeys(((List<String>) dependsOn).toArray(String[]::new));
			}
		});
		// Parameters take literals only; a secret (NoEcho) one has no default, so its value is never in the template.
		// Conditions used by Fn::If must exist.
		((Map<String, Map<String, Object>>) template.get("Parameters")).forEach((name, parameter) -> {
			if (Boolean.TRUE.equals(parameter.get("NoEcho"))) {
				assertThat(parameter).as("secret parameter " + name).doesNotContainKey("Default");
				assertThat(parameter.get("Description")).as("parameter " + name).isInstanceOf(String.class);
			}
			else {
				assertThat(List.of(parameter.get("Default"), parameter.get("Description"))).as("parameter " + name)
					.allMatch(String.class::isInstance);
			}
		});
		Set<String> conditions = template.containsKey("Conditions")
				? ((Map<String, Object>) template.get("Conditions")).keySet() : Set.of();
		List<String> problems = new ArrayList<>();
		walkConditions(template, conditions, problems);
		walk(template, resources, parameters, problems, "");
		assertThat(problems).as("unresolved references").isEmpty();
		return resources;
	}

	@SuppressWarnings("unchecked")
	private static void walk(Object node, Map<String, Map<String, Object>> resources, Set<String> parameters,
			List<String> problems, String path) {
		if (node instanceof Map<?, ?> map) {
			if (map.containsKey("Ref")) {
				String name = (String) map.get("Ref");
				if (!resources.containsKey(name) && !parameters.contains(name) && !PSEUDO.contains(name)) {
					problems.add(path + ": Ref " + name);
				}
			}
			if (map.containsKey("Fn::GetAtt")) {
				List<String> target = (List<String>) map.get("Fn::GetAtt");
				Map<String, Object> resource = resources.get(target.get(0));
				if (resource == null) {
					problems.add(path + ": GetAtt " + target);
				}
				else if (!ATTRIBUTES.getOrDefault((String) resource.get("Type"), Set.of()).contains(target.get(1))) {
					problems.add(path + ": GetAtt " + target + " (" + resource.get("Type") + " has no such attribute)");
				}
			}
			if (map.get("Fn::Sub") instanceof String text) {
				Matcher matcher = SUB_VARIABLE.matcher(text);
				while (matcher.find()) {
					String name = matcher.group(1).split("\\.")[0];
					if (!resources.containsKey(name) && !parameters.contains(name) && !PSEUDO.contains(matcher.group(1))) {
						problems.add(path + ": Sub ${" + matcher.group(1) + "}");
					}
				}
			}
			map.forEach((key, value) -> walk(value, resources, parameters, problems, path + "/" + key));
		}
		else if (node instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				walk(list.get(i), resources, parameters, problems, path + "[" + i + "]");
			}
		}
		else if (node instanceof String text && text.contains("${") && !path.endsWith("Fn::Sub")) {
			// A ${...} outside Fn::Sub would reach AWS as literal text.
			if (text.contains("${AWS::")) {
				problems.add(path + ": ${AWS::...} outside Fn::Sub in '" + text + "'");
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static void walkConditions(Object node, Set<String> conditions, List<String> problems) {
		if (node instanceof Map<?, ?> map) {
			if (map.get("Fn::If") instanceof List<?> arguments && !conditions.contains((String) arguments.get(0))) {
				problems.add("Fn::If on unknown condition " + arguments.get(0));
			}
			map.values().forEach(value -> walkConditions(value, conditions, problems));
		}
		else if (node instanceof List<?> list) {
			list.forEach(item -> walkConditions(item, conditions, problems));
		}
	}

	private static Set<String> types(Map<String, Map<String, Object>> resources) {
		Set<String> types = new TreeSet<>();
		resources.values().forEach(r -> types.add((String) r.get("Type")));
		return types;
	}

	private static Map<String, Object> props(Map<String, Map<String, Object>> resources, String id) {
		assertThat(resources).containsKey(id);
		return map(resources.get(id).get("Properties"));
	}

	private static List<Map<String, Object>> ofType(Map<String, Map<String, Object>> resources, String type) {
		return resources.values().stream().filter(r -> type.equals(r.get("Type"))).map(r -> map(r.get("Properties"))).toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

}
