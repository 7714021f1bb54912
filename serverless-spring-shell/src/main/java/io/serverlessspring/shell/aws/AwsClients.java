package io.serverlessspring.shell.aws;

import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/** The SDK clients of one {@link AwsTarget}, built on first use and closed together. */
public final class AwsClients implements AutoCloseable {

	private final AwsTarget target;

	private final List<ExecutionInterceptor> interceptors;

	private final AwsCredentialsProvider credentials;

	private final List<SdkClient> open = new ArrayList<>();

	private IamClient iam;

	private StsClient sts;

	private S3Client s3;

	private LambdaClient lambda;

	private ApiGatewayV2Client apiGatewayV2;

	private ApiGatewayClient apiGateway;

	private CloudWatchLogsClient logs;

	private CognitoIdentityProviderClient cognito;

	private CloudWatchClient cloudWatch;

	private SchedulerClient scheduler;

	private DynamoDbClient dynamoDb;

	private EventBridgeClient eventBridge;

	private SnsClient sns;

	private SqsClient sqs;

	private AcmClient acm;

	private Route53Client route53;

	private SsmClient ssm;

	private SecretsManagerClient secretsManager;
	private ElasticLoadBalancingV2Client elbv2;

	private Ec2Client ec2;

	private LexBotAliasClient lexBotAliases;

	private String accountId;

	AwsClients(AwsTarget target, List<ExecutionInterceptor> interceptors) {
		this.target = target;
		this.interceptors = interceptors;
		this.credentials = credentials(target);
	}

	public AwsTarget target() {
		return this.target;
	}

	public String region() {
		return this.target.region();
	}

	/** The account the credentials belong to (STS, asked once). */
	public synchronized String accountId() {
		if (this.accountId == null) {
			this.accountId = sts().getCallerIdentity().account();
		}
		return this.accountId;
	}

	public synchronized IamClient iam() {
		if (this.iam == null) {
			this.iam = build(IamClient.builder());
		}
		return this.iam;
	}

	public synchronized StsClient sts() {
		if (this.sts == null) {
			this.sts = build(StsClient.builder());
		}
		return this.sts;
	}

	public synchronized S3Client s3() {
		if (this.s3 == null) {
			this.s3 = build(S3Client.builder().forcePathStyle(this.target.emulated()));
		}
		return this.s3;
	}

	public synchronized LambdaClient lambda() {
		if (this.lambda == null) {
			this.lambda = build(LambdaClient.builder());
		}
		return this.lambda;
	}

	public synchronized ApiGatewayV2Client apiGatewayV2() {
		if (this.apiGatewayV2 == null) {
			this.apiGatewayV2 = build(ApiGatewayV2Client.builder());
		}
		return this.apiGatewayV2;
	}

	public synchronized ApiGatewayClient apiGateway() {
		if (this.apiGateway == null) {
			this.apiGateway = build(ApiGatewayClient.builder());
		}
		return this.apiGateway;
	}

	public synchronized CloudWatchLogsClient logs() {
		if (this.logs == null) {
			this.logs = build(CloudWatchLogsClient.builder());
		}
		return this.logs;
	}

	/** Cognito user pools, for their Lambda triggers. */
	public synchronized CognitoIdentityProviderClient cognito() {
		if (this.cognito == null) {
			this.cognito = build(CognitoIdentityProviderClient.builder());
		}
		return this.cognito;
	}

	public synchronized CloudWatchClient cloudWatch() {
		if (this.cloudWatch == null) {
			this.cloudWatch = build(CloudWatchClient.builder());
		}
		return this.cloudWatch;
	}

	public synchronized SchedulerClient scheduler() {
		if (this.scheduler == null) {
			this.scheduler = build(SchedulerClient.builder());
		}
		return this.scheduler;
	}

	public synchronized DynamoDbClient dynamoDb() {
		if (this.dynamoDb == null) {
			this.dynamoDb = build(DynamoDbClient.builder());
		}
		return this.dynamoDb;
	}

	public synchronized EventBridgeClient eventBridge() {
		if (this.eventBridge == null) {
			this.eventBridge = build(EventBridgeClient.builder());
		}
		return this.eventBridge;
	}

	public synchronized SnsClient sns() {
		if (this.sns == null) {
			this.sns = build(SnsClient.builder());
		}
		return this.sns;
	}

	public synchronized SqsClient sqs() {
		if (this.sqs == null) {
			this.sqs = build(SqsClient.builder());
		}
		return this.sqs;
	}

	/** ACM, for certify's certificates (in the stage's region: what a regional API domain needs). */
	public synchronized AcmClient acm() {
		if (this.acm == null) {
			this.acm = build(AcmClient.builder());
		}
		return this.acm;
	}

	/** Route 53, for certify's validation and alias records. */
	public synchronized Route53Client route53() {
		if (this.route53 == null) {
			this.route53 = build(Route53Client.builder());
		}
		return this.route53;
	}

	/** SSM, for the {@code secrets} command's Parameter Store values. */
	public synchronized SsmClient ssm() {
		if (this.ssm == null) {
			this.ssm = build(SsmClient.builder());
		}
		return this.ssm;
	}

	/** Secrets Manager, for the {@code secrets} command's {@code --store secrets-manager}. */
	public synchronized SecretsManagerClient secretsManager() {
		if (this.secretsManager == null) {
			this.secretsManager = build(SecretsManagerClient.builder());
		}
		return this.secretsManager;
	}

	/** ELBv2, for the load balancer front ({@code serverless.http.type: alb}). */
	public synchronized ElasticLoadBalancingV2Client elbv2() {
		if (this.elbv2 == null) {
			this.elbv2 = build(ElasticLoadBalancingV2Client.builder());
		}
		return this.elbv2;
	}

	/** EC2, to find the default VPC's subnets for a load balancer given none. */
	public synchronized Ec2Client ec2() {
		if (this.ec2 == null) {
			this.ec2 = build(Ec2Client.builder());
		}
		return this.ec2;
	}

	/** Lex V2 bot aliases, for the Lambda code hook of {@code lex} handlers. */
	public synchronized LexBotAliasClient lexBotAliases() {
		if (this.lexBotAliases == null) {
			this.lexBotAliases = new LexBotAliasClient(this.target, this.credentials);
		}
		return this.lexBotAliases;
	}

	private <B extends AwsClientBuilder<B, C>, C extends SdkClient> C build(B builder) {
		ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
			// Standard retries back off on throttling and transient errors.
			.retryStrategy(RetryMode.STANDARD);
		override.addExecutionInterceptor(new LastCall());
		this.interceptors.forEach(override::addExecutionInterceptor);
		builder.region(Region.of(this.target.region())).credentialsProvider(this.credentials);
		builder.overrideConfiguration(override.build());
		if (this.target.endpoint() != null) {
			builder.endpointOverride(this.target.endpoint());
		}
		C client = builder.build();
		this.open.add(client);
		return client;
	}

	private static AwsCredentialsProvider credentials(AwsTarget target) {
		if (target.profile() != null && !target.profile().isBlank()) {
			return ProfileCredentialsProvider.create(target.profile());
		}
		// A blank variable is no key and no profile (the SDK reads it so too).
		boolean keysInEnvironment = !blank(System.getenv("AWS_ACCESS_KEY_ID")) || !blank(System.getProperty("aws.accessKeyId"));
		if (target.emulated() && !keysInEnvironment && blank(System.getenv("AWS_PROFILE"))) {
			// Emulators accept any key; do not make users configure one to try the local cloud.
			return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
		}
		return DefaultCredentialsProvider.builder().build();
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	@Override
	public synchronized void close() {
		this.open.forEach(SdkClient::close);
		this.open.clear();
		if (this.lexBotAliases != null) {
			this.lexBotAliases.close();
			this.lexBotAliases = null;
		}
	}

}
