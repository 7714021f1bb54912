package io.serverlessspring.shell.deploy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.serverlessspring.local.LocalCloud;
import io.serverlessspring.shell.ServerlessConsoleApplication;
import io.serverlessspring.shell.aws.AwsClientFactory;
import io.serverlessspring.shell.aws.AwsClients;
import io.serverlessspring.shell.aws.AwsTarget;
import io.serverlessspring.shell.cli.ConsoleRunner;
import io.serverlessspring.shell.support.ConsoleDriver;
import io.serverlessspring.shell.support.ConsoleDriver.Run;
import io.serverlessspring.shell.support.SamplePackage;
import io.serverlessspring.shell.support.StageInventory;
import io.serverlessspring.shell.support.TestProject;
import io.serverlessspring.test.moto.MotoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code serverless.http.type: alb}: the sample deployed behind a load balancer, called over real
 * HTTP through serverless-local's ALB front door (single- then multi-value), re-planned empty, and
 * undeployed to nothing; and the same wiring checked in moto.
 */
@SpringBootTest(classes = ServerlessConsoleApplication.class, properties = "spring.shell.interactive.enabled=false")
class AlbFrontDeployTest {

	private static final String SINGLE_VALUE = """
			serverless:
			  deploy:
			    touch-path: /hello
			  http:
			    type: alb
			    alb:
			      listener-port: 8080
			      path-patterns: ["/*"]
			""";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Autowired
	private ConsoleRunner runner;

	@TempDir
	Path projectDir;

	@Test
	void albFrontServesRealRequestsSingleThenMultiValueAndUndeploysToNothing() throws Exception {
		TestProject project = new TestProject(this.projectDir).settings("application-dev.yml", SINGLE_VALUE);
		try (LocalCloud cloud = LocalCloud.start(0)) {
			ConsoleDriver console = new ConsoleDriver(this.runner);
			Path zip = SamplePackage.zip(console);
			String target = " --project " + this.projectDir + " --endpoint-url " + cloud.endpoint();
			String common = " --package " + zip + target;

			Run deploy = console.run("deploy dev --yes" + common);
			assertThat(deploy.exitCode()).as(deploy.output()).isZero();
			assertThat(deploy.output()).contains("create load balancer petstore-dev", "create target group petstore-dev",
					"create permission serverless-alb", "create listener HTTP:8080", "create listener rule", "Touched ");
			String url = deploy.url();
			assertThat(url).isEqualTo(cloud.endpoint() + "/_aws/elb/petstore-dev/8080");
			HttpResponse<String> hello = send("GET", url + "/hello");
			assertThat(hello.statusCode()).isEqualTo(200);
			assertThat(hello.body()).startsWith("Hello from the petstore");
			HttpResponse<String> single = send("POST", url + "/preferences?theme=dark&currency=USD");
			assertThat(single.statusCode()).isEqualTo(200);
			assertThat(single.body()).contains("\"theme\":\"dark\"", "\"currency\":\"USD\"");
			assertThat(single.headers().allValues("Set-Cookie")).as("single-value: one value per header").hasSize(1);

			project.settings("application-dev.yml", SINGLE_VALUE + "      multi-value-headers: true\n");
			Run multi = console.run("deploy dev --yes" + common);
			assertThat(multi.exitCode()).as(multi.output()).isZero();
			assertThat(multi.output()).contains("update target group petstore-dev (multi-value headers on)")
				.doesNotContain("create load balancer", "create listener");
			HttpResponse<String> both = send("POST", url + "/preferences?theme=dark&currency=USD");
			assertThat(both.statusCode()).isEqualTo(200);
			assertThat(both.headers().allValues("Set-Cookie")).as("multi-value: every cookie")
				.anyMatch(c -> c.startsWith("theme=dark")).anyMatch(c -> c.startsWith("currency=USD"));

			Run status = console.run("status dev --json" + target);
			assertThat(status.exitCode()).as(status.output()).isZero();
			assertThat(tools.jackson.databind.json.JsonMapper.builder().build().readTree(status.output()).path("url").asString())
				.isEqualTo(url + "/");

			Run again = console.run("deploy dev --dry-run" + common);
			assertThat(again.exitCode()).as(again.output()).isZero();
			assertThat(again.output()).contains("nothing to change");

			Run undeploy = console.run("undeploy dev --remove-logs --yes" + target);
			assertThat(undeploy.exitCode()).as(undeploy.output()).isZero();
			assertThat(inventory(cloud.endpoint())).isEmpty();
			assertThat(send("GET", url + "/hello").statusCode()).isNotEqualTo(200);
		}
	}

	@Test
	void albFrontIsWiredInMoto() {
		MotoServer.assumeInstalled();
		MotoServer moto = MotoServer.shared();
		moto.reset();
		new TestProject(this.projectDir).settings("application-dev.yml", """
				serverless:
				  deploy:
				    touch: false
				  http:
				    type: alb
				    alb:
				      multi-value-headers: true
				      path-patterns: ["/api/*", "/hello"]
				      priority: 7
				""");
		ConsoleDriver console = new ConsoleDriver(this.runner);
		Path zip = SamplePackage.zip(console);
		String target = " --project " + this.projectDir + " --endpoint-url " + moto.endpoint();
		String common = " --package " + zip + target;

		Run deploy = console.run("deploy dev --yes" + common);
		assertThat(deploy.exitCode()).as(deploy.output()).isZero();
		try (AwsClients clients = clients(moto.endpoint())) {
			var elb = clients.elbv2();
			LoadBalancer balancer = elb.describeLoadBalancers(b -> b.names("petstore-dev")).loadBalancers().get(0);
			assertThat(balancer.availabilityZones()).as("the default VPC's subnets").hasSizeGreaterThanOrEqualTo(2);
			TargetGroup group = elb.describeTargetGroups(b -> b.names("petstore-dev")).targetGroups().get(0);
			assertThat(group.targetTypeAsString()).isEqualTo("lambda");
			assertThat(elb.describeTargetGroupAttributes(b -> b.targetGroupArn(group.targetGroupArn())).attributes())
				.anyMatch(a -> a.key().equals("lambda.multi_value_headers.enabled") && a.value().equals("true"));
			assertThat(elb.describeTargetHealth(b -> b.targetGroupArn(group.targetGroupArn())).targetHealthDescriptions())
				.singleElement().satisfies(t -> assertThat(t.target().id())
					.isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:petstore-dev:live"));
			Listener listener = elb.describeListeners(b -> b.loadBalancerArn(balancer.loadBalancerArn())).listeners().get(0);
			assertThat(listener.port()).isEqualTo(80);
			Rule rule = elb.describeRules(b -> b.listenerArn(listener.listenerArn())).rules().stream()
				.filter(r -> !r.isDefault()).findFirst().orElseThrow();
			assertThat(rule.priority()).isEqualTo("7");
			assertThat(rule.actions().get(0).targetGroupArn()).isEqualTo(group.targetGroupArn());
			assertThat(rule.conditions().get(0).pathPatternConfig().values()).containsExactly("/api/*", "/hello");
			String policy = clients.lambda().getPolicy(b -> b.functionName("petstore-dev").qualifier("live")).policy();
			assertThat(policy).contains("elasticloadbalancing.amazonaws.com", group.targetGroupArn());
		}

		Run again = console.run("deploy dev --dry-run" + common);
		assertThat(again.output()).as(again.output()).contains("nothing to change");

		Run undeploy = console.run("undeploy dev --yes" + target);
		assertThat(undeploy.exitCode()).as(undeploy.output()).isZero();
		java.util.Map<String, List<String>> left = inventory(moto.endpoint());
		assertThat(left).doesNotContainKeys("load balancer", "target group", "function");
	}

	private static java.util.Map<String, List<String>> inventory(URI endpoint) {
		try (AwsClients clients = clients(endpoint)) {
			java.util.Map<String, List<String>> found = new java.util.LinkedHashMap<>(StageInventory.of(clients, "petstore-dev"));
			found.remove("log group"); // --remove-logs is not given in every case
			return found;
		}
	}

	private static AwsClients clients(URI endpoint) {
		return new AwsClientFactory(List.of()).clients(new AwsTarget("us-east-1", endpoint, null));
	}

	private HttpResponse<String> send(String method, String url) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
			.method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
	}

}
