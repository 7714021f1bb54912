package io.serverlessspring.shell.certify;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.serverlessspring.local.LocalCloud;
import io.serverlessspring.shell.ServerlessConsoleApplication;
import io.serverlessspring.shell.cli.ConsoleRunner;
import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.shell.model.StageTags;
import io.serverlessspring.shell.support.ConsoleDriver;
import io.serverlessspring.shell.support.ConsoleDriver.Run;
import io.serverlessspring.shell.support.MutationCounter;
import io.serverlessspring.shell.support.MutationCounting;
import io.serverlessspring.shell.support.TestProject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ApiMapping;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code certify} end to end against the local cloud over HTTP: a stage with a deployed HTTP API gets
 * a DNS-validated certificate, a domain name, an API mapping and Route 53 records, and a second run
 * changes nothing; {@code --dry-run} and {@code --json} print the plan and change nothing.
 */
@SpringBootTest(classes = { ServerlessConsoleApplication.class, MutationCounting.class }, properties = "spring.shell.interactive.enabled=false")
class CertifyCommandTest {

	private static final String FUNCTION = "petstore-prod";

	private static LocalCloud cloud;

	@Autowired
	ConsoleRunner runner;

	@Autowired
	MutationCounter mutations;

	@TempDir
	Path projectDir;

	ConsoleDriver console;

	String options;

	Route53Client route53;

	@BeforeAll
	static void startCloud() {
		cloud = LocalCloud.start(0);
	}

	@AfterAll
	static void stopCloud() {
		cloud.close();
	}

	@BeforeEach
	void setUp() {
		new TestProject(this.projectDir).settings("application-prod.yml", """
				serverless:
				  http:
				    domain:
				      name: api.example.com
				      base-path: v1
				""");
		this.console = new ConsoleDriver(this.runner);
		this.options = " --project " + this.projectDir + " --endpoint-url " + cloud.endpoint();
		this.route53 = client(Route53Client.builder());
	}

	@Test
	void certifiesTheDomainWithRecordsInRoute53AndASecondRunChangesNothing() {
		String apiId = deployedHttpApi();
		String zoneId = this.route53.createHostedZone(b -> b.name("example.com.").callerReference("certify-test")).hostedZone().id();

		Run first = this.console.run("certify prod --yes" + this.options);

		assertThat(first.exitCode()).as(first.output()).isZero();
		assertThat(first.output()).contains("requested certificate").contains("URL: https://api.example.com/v1/");
		List<ResourceRecordSet> records = this.route53.listResourceRecordSets(b -> b.hostedZoneId(zoneId)).resourceRecordSets();
		ResourceRecordSet alias = records.stream().filter(r -> r.name().equals("api.example.com.") && r.typeAsString().equals("A"))
			.findFirst().orElseThrow();
		try (ApiGatewayV2Client apis = client(ApiGatewayV2Client.builder()); AcmClient acm = client(AcmClient.builder())) {
			var domain = apis.getDomainName(b -> b.domainName("api.example.com"));
			// Route 53 answers with fully qualified names.
			assertThat(alias.aliasTarget().dnsName()).isEqualTo(domain.domainNameConfigurations().get(0).apiGatewayDomainName() + ".");
			List<ApiMapping> mappings = apis.getApiMappings(b -> b.domainName("api.example.com")).items();
			assertThat(mappings).singleElement().satisfies(mapping -> {
				assertThat(mapping.apiId()).isEqualTo(apiId);
				assertThat(mapping.apiMappingKey()).isEqualTo("v1");
				assertThat(mapping.stage()).isEqualTo("$default");
			});
			CertificateDetail certificate = acm.describeCertificate(b -> b.certificateArn(
					domain.domainNameConfigurations().get(0).certificateArn())).certificate();
			assertThat(certificate.statusAsString()).isEqualTo("ISSUED");
			String validation = certificate.domainValidationOptions().get(0).resourceRecord().name();
			assertThat(records).anyMatch(r -> r.name().equalsIgnoreCase(validation) && r.typeAsString().equals("CNAME"));
		}

		Run second = this.console.run("certify prod --yes" + this.options);

		assertThat(second.exitCode()).as(second.output()).isZero();
		assertThat(second.output()).contains("Already certified: nothing changed.");
		assertThat(this.route53.listResourceRecordSets(b -> b.hostedZoneId(zoneId)).resourceRecordSets()).hasSameSizeAs(records);
	}

	@Test
	void withoutConfirmationNothingChanges() {
		deployedHttpApi();

		Run run = this.console.run("certify prod --domain other.example.org" + this.options);

		assertThat(run.output()).contains("Nothing changed.");
		try (ApiGatewayV2Client apis = client(ApiGatewayV2Client.builder())) {
			assertThat(apis.getDomainNames().items()).noneMatch(d -> d.domainName().equals("other.example.org"));
		}
	}

	@Test
	void aBadDomainIsRefused() {
		Run run = this.console.run("certify prod --domain not_a_domain --yes" + this.options);

		assertThat(run.exitCode()).isNotZero();
		assertThat(run.output()).contains("--domain 'not_a_domain' is not a domain name");
	}

	@Test
	void dryRunJsonListsEveryChangeAndChangesNothingAndAfterCertifyingTheListIsEmpty() {
		deployedHttpApi();
		this.route53.createHostedZone(b -> b.name("example.net.").callerReference("certify-plan-test"));
		this.mutations.reset();

		Run dryRun = this.console.run("certify prod --domain api.example.net --dry-run --json" + this.options);

		assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
		assertThat(this.mutations.mutations()).isEmpty();
		JsonNode plan = JsonMapper.builder().build().readTree(dryRun.output());
		assertThat(plan.get("changes").valueStream().map(change -> change.get("kind").asString() + " " + change.get("action").asString()))
			.containsExactly("certificate CREATE", "validation record CREATE", "certificate UPDATE",
					"API Gateway domain name CREATE", "API mapping CREATE", "alias record CREATE");
		assertThat(dryRun.output()).contains("ref(certificateArn)");
		try (ApiGatewayV2Client apis = client(ApiGatewayV2Client.builder())) {
			assertThat(apis.getDomainNames().items()).noneMatch(d -> d.domainName().equals("api.example.net"));
		}

		Run certify = this.console.run("certify prod --domain api.example.net --yes" + this.options);
		assertThat(certify.exitCode()).as(certify.output()).isZero();
		assertThat(certify.output()).contains("Certified.").contains("URL: https://api.example.net/v1/");
		this.mutations.reset();

		Run after = this.console.run("certify prod --domain api.example.net --dry-run --json" + this.options);

		assertThat(after.exitCode()).as(after.output()).isZero();
		assertThat(after.output()).contains("\"changes\" : [ ]");
		assertThat(this.mutations.mutations()).isEmpty();
	}

	@Test
	void dryRunPrintsThePlanAndChangesNothing() {
		deployedHttpApi();
		this.mutations.reset();

		Run run = this.console.run("certify prod --domain dry.example.org --dry-run" + this.options);

		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).contains("+ request certificate dry.example.org").contains("Dry run: nothing changed.");
		assertThat(this.mutations.mutations()).isEmpty();
	}

	/** What deploy leaves for an http-api stage: role, function, live alias, the tagged API. */
	private static synchronized String deployedHttpApi() {
		try (IamClient iam = client(IamClient.builder()); LambdaClient lambda = client(LambdaClient.builder());
				ApiGatewayV2Client apis = client(ApiGatewayV2Client.builder())) {
			boolean exists = lambda.listFunctions().functions().stream().anyMatch(f -> f.functionName().equals(FUNCTION));
			if (!exists) {
				String role = iam.createRole(b -> b.roleName(FUNCTION + "-role").assumeRolePolicyDocument(
						"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"))
					.role().arn();
				lambda.createFunction(b -> b.functionName(FUNCTION).role(role).runtime("java21")
					.handler("io.serverlessspring.boot.handler.ServerlessHandler::handleRequest")
					.code(c -> c.zipFile(SdkBytes.fromByteArray(zip()))));
				lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName(FUNCTION));
				String version = lambda.publishVersion(b -> b.functionName(FUNCTION)).version();
				lambda.createAlias(b -> b.functionName(FUNCTION).name(ResourceNames.ALIAS).functionVersion(version));
				String apiId = apis.createApi(b -> b.name(FUNCTION).protocolType("HTTP").tags(Map.of(StageTags.FUNCTION,
						FUNCTION, StageTags.MANAGED_BY, StageTags.MANAGER))).apiId();
				apis.createStage(b -> b.apiId(apiId).stageName("$default").autoDeploy(true));
			}
			return apis.getApis().items().stream().filter(a -> a.name().equals(FUNCTION)).findFirst().orElseThrow().apiId();
		}
	}

	private static byte[] zip() {
		try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("serverless-package-info.json"));
			zip.write("{}".getBytes());
			zip.closeEntry();
			zip.finish();
			return bytes.toByteArray();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>, C> C client(B builder) {
		return builder.endpointOverride(cloud.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.build();
	}

}
