package io.serverlessspring.local.elbv2;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.serverlessspring.local.SharedCloud;
import io.serverlessspring.local.fixtures.TestFunctions;
import io.serverlessspring.local.server.Json;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.PriorityInUseException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ResourceInUseException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ELBv2 over HTTP with the SDK v2 client, wired the way the console wires an ALB front, and the ALB
 * front door answering real HTTP requests with a real function behind it.
 */
class Elbv2ServiceTest {

	private final ElasticLoadBalancingV2Client elb = SharedCloud.client(ElasticLoadBalancingV2Client.builder());

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void defaultVpcHasADefaultSubnetPerZone() {
		Ec2Client ec2 = SharedCloud.client(Ec2Client.builder());
		List<Subnet> subnets = ec2.describeSubnets(b -> b.filters(f -> f.name("default-for-az").values("true"))).subnets();
		assertThat(subnets).hasSizeGreaterThanOrEqualTo(2).allSatisfy(s -> assertThat(s.defaultForAz()).isTrue());
		assertThat(subnets).extracting(Subnet::availabilityZone).doesNotHaveDuplicates();
		assertThat(ec2.describeVpcs(b -> b.filters(f -> f.name("is-default").values("true"))).vpcs())
			.singleElement().satisfies(v -> assertThat(v.vpcId()).isEqualTo(subnets.get(0).vpcId()));
	}

	@Test
	void refusesWhatElbRefuses() {
		assertThatThrownBy(() -> this.elb.createLoadBalancer(b -> b.name("one-subnet").subnets("subnet-1")))
			.isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class, ex -> {
				assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
				assertThat(ex.getMessage()).contains("two subnets");
			});
		assertThatThrownBy(() -> this.elb.createLoadBalancer(b -> b.name("-bad-").subnets("subnet-1", "subnet-2")))
			.isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class,
					ex -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
		assertThatThrownBy(() -> this.elb.describeLoadBalancers(b -> b.names("no-such-alb")))
			.isInstanceOf(LoadBalancerNotFoundException.class);
		assertThatThrownBy(() -> this.elb.describeTargetGroups(b -> b.names("no-such-group")))
			.isInstanceOf(TargetGroupNotFoundException.class);
		assertThatThrownBy(() -> this.elb.createTargetGroup(b -> b.name("lambda-port").targetType(TargetTypeEnum.LAMBDA)
			.port(80))).isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class,
					ex -> assertThat(ex.getMessage()).contains("Port cannot be specified"));
	}

	@Test
	void forwardsRealRequestsAsAlbEventsSingleAndMultiValue() throws Exception {
		LambdaClient lambda = SharedCloud.client(LambdaClient.builder());
		lambda.createFunction(c -> c.functionName("alb-echo").runtime(Runtime.JAVA17).handler(AlbEchoHandler.class.getName())
			.role(TestFunctions.role(SharedCloud.client(IamClient.builder()))).timeout(10).memorySize(256)
			.code(code -> code.zipFile(SdkBytes.fromByteArray(TestFunctions.zipOf(AlbEchoHandler.class)))));
		lambda.waiter().waitUntilFunctionActiveV2(g -> g.functionName("alb-echo"));
		String functionArn = lambda.getFunction(g -> g.functionName("alb-echo")).configuration().functionArn();

		String alb = this.elb.createLoadBalancer(b -> b.name("echo-alb").subnets("subnet-a", "subnet-b")
			.tags(t -> t.key("team").value("pets"))).loadBalancers().get(0).loadBalancerArn();
		String group = this.elb.createTargetGroup(b -> b.name("echo-targets").targetType(TargetTypeEnum.LAMBDA))
			.targetGroups().get(0).targetGroupArn();
		assertThatThrownBy(() -> this.elb.registerTargets(b -> b.targetGroupArn(group).targets(t -> t.id(functionArn))))
			.as("no permission for ELB yet").isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class,
					ex -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
		lambda.addPermission(b -> b.functionName("alb-echo").statementId("alb").action("lambda:InvokeFunction")
			.principal("elasticloadbalancing.amazonaws.com").sourceArn(group));
		this.elb.registerTargets(b -> b.targetGroupArn(group).targets(t -> t.id(functionArn)));
		String listener = this.elb.createListener(b -> b.loadBalancerArn(alb).port(8080).protocol("HTTP")
			.defaultActions(a -> a.type(ActionTypeEnum.FIXED_RESPONSE)
				.fixedResponseConfig(f -> f.statusCode("404").contentType("text/plain").messageBody("nothing here"))))
			.listeners().get(0).listenerArn();
		String rule = this.elb.createRule(b -> b.listenerArn(listener).priority(5)
			.conditions(c -> c.field("path-pattern").pathPatternConfig(p -> p.values("/pets*")))
			.actions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(group))).rules().get(0).ruleArn();
		assertThatThrownBy(() -> this.elb.createRule(b -> b.listenerArn(listener).priority(5)
			.conditions(c -> c.field("path-pattern").pathPatternConfig(p -> p.values("/other")))
			.actions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(group)))).isInstanceOf(PriorityInUseException.class);

		assertThat(this.elb.describeTargetGroups(b -> b.names("echo-targets")).targetGroups().get(0).loadBalancerArns())
			.containsExactly(alb);
		assertThat(this.elb.describeRules(b -> b.listenerArn(listener)).rules()).extracting(Rule::priority)
			.containsExactly("5", "default");
		assertThat(this.elb.describeTags(b -> b.resourceArns(alb)).tagDescriptions().get(0).tags())
			.singleElement().satisfies(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("team=pets"));

		String base = SharedCloud.endpoint() + "/_aws/elb/echo-alb/8080";
		HttpResponse<String> notMatched = get(base + "/owners");
		assertThat(notMatched.statusCode()).isEqualTo(404);
		assertThat(notMatched.body()).isEqualTo("nothing here");

		HttpResponse<String> single = get(base + "/pets/7?color=red&color=blue&name=a%20b");
		assertThat(single.statusCode()).isEqualTo(200);
		assertThat(single.headers().allValues("Set-Cookie")).containsExactly("a=1");
		JsonNode event = Json.parse(single.body());
		assertThat(event.path("requestContext").path("elb").path("targetGroupArn").asString()).isEqualTo(group);
		assertThat(event.path("httpMethod").asString()).isEqualTo("GET");
		assertThat(event.path("path").asString()).isEqualTo("/pets/7");
		assertThat(event.path("queryStringParameters").path("color").asString()).as("the last value").isEqualTo("blue");
		assertThat(event.path("queryStringParameters").path("name").asString()).as("not decoded").isEqualTo("a%20b");
		assertThat(event.path("headers").path("x-forwarded-port").asString()).isEqualTo("8080");
		assertThat(event.path("headers").path("x-forwarded-proto").asString()).isEqualTo("http");
		assertThat(event.path("headers").path("x-amzn-trace-id").asString()).startsWith("Root=1-");
		assertThat(event.has("multiValueHeaders")).isFalse();
		assertThat(event.path("isBase64Encoded").asBoolean()).isFalse();

		this.elb.modifyTargetGroupAttributes(b -> b.targetGroupArn(group)
			.attributes(a -> a.key("lambda.multi_value_headers.enabled").value("true")));
		HttpResponse<String> multi = get(base + "/pets/7?color=red&color=blue");
		assertThat(multi.statusCode()).isEqualTo(200);
		assertThat(multi.headers().allValues("Set-Cookie")).containsExactly("a=1", "b=2");
		JsonNode multiEvent = Json.parse(multi.body());
		assertThat(multiEvent.path("multiValueQueryStringParameters").path("color"))
			.extracting(JsonNode::asString).containsExactly("red", "blue");
		assertThat(multiEvent.path("multiValueHeaders").path("x-forwarded-port").get(0).asString()).isEqualTo("8080");
		assertThat(multiEvent.has("headers")).isFalse();
		assertThat(multiEvent.has("queryStringParameters")).isFalse();

		lambda.removePermission(b -> b.functionName("alb-echo").statementId("alb"));
		assertThat(get(base + "/pets").statusCode()).as("permission withdrawn").isEqualTo(502);

		assertThatThrownBy(() -> this.elb.deleteTargetGroup(b -> b.targetGroupArn(group)))
			.isInstanceOf(ResourceInUseException.class);
		this.elb.deleteRule(b -> b.ruleArn(rule));
		this.elb.deleteLoadBalancer(b -> b.loadBalancerArn(alb));
		this.elb.deleteTargetGroup(b -> b.targetGroupArn(group));
		assertThat(get(base + "/pets").statusCode()).isEqualTo(503);
		assertThat(this.elb.describeLoadBalancers(b -> { }).loadBalancers())
			.noneMatch(l -> l.loadBalancerName().equals("echo-alb"));
		lambda.deleteFunction(b -> b.functionName("alb-echo"));
	}

	private HttpResponse<String> get(String url) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

}
