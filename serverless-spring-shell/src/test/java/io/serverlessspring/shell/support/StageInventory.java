package io.serverlessspring.shell.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.serverlessspring.shell.aws.AwsClients;

/**
 * Every resource kind deploy can create for a function, listed from AWS by the stage's names and
 * tags (never through the function alone), so a test can assert that undeploy left nothing behind
 * and that a deploy made no duplicate. Kinds a backend does not implement list as empty.
 */
public final class StageInventory {

	private StageInventory() {
	}

	/** Kind to the names found; kinds with nothing found are left out. */
	public static Map<String, List<String>> of(AwsClients clients, String function) {
		Map<String, List<String>> found = new LinkedHashMap<>();
		String alias = ":function:" + function;
		String aliasArn = io.serverlessspring.boot.naming.Arns.alias(clients.region(), clients.accountId(), function);
		put(found, "function", () -> clients.lambda().listFunctions().functions().stream()
			.map(f -> f.functionName()).filter(function::equals).toList());
		put(found, "event source mapping", () -> clients.lambda().listEventSourceMappings().eventSourceMappings().stream()
			.filter(m -> m.functionArn() != null && m.functionArn().contains(alias)).map(m -> m.eventSourceArn()).toList());
		put(found, "HTTP API", () -> clients.apiGatewayV2().getApis(b -> { }).items().stream()
			.filter(a -> function.equals(a.name()) || function.equals(a.tags().get("serverless:function")))
			.map(a -> a.apiId()).toList());
		put(found, "WebSocket API", () -> clients.apiGatewayV2().getApis(b -> { }).items().stream()
			.filter(a -> a.protocolType() == software.amazon.awssdk.services.apigatewayv2.model.ProtocolType.WEBSOCKET
					&& (a.name().startsWith(function + "-") || function.equals(a.tags().get("serverless:function"))))
			.map(a -> a.apiId()).toList());
		put(found, "REST API", () -> clients.apiGateway().getRestApis(b -> b.limit(500)).items().stream()
			.filter(a -> function.equals(a.name())).map(a -> a.id()).toList());
		put(found, "usage plan", () -> clients.apiGateway().getUsagePlans(b -> b.limit(500)).items().stream()
			.filter(p -> function.equals(p.name())).map(p -> p.id()).toList());
		put(found, "API key", () -> clients.apiGateway().getApiKeys(b -> b.limit(500)).items().stream()
			.filter(k -> k.tags() != null && function.equals(k.tags().get("serverless:function"))).map(k -> k.name()).toList());
		put(found, "domain name", () -> clients.apiGatewayV2().getDomainNames(b -> { }).items().stream()
			.map(d -> d.domainName()).toList());
		String balancer = io.serverlessspring.boot.naming.ResourceNames.loadBalancer(function);
		put(found, "load balancer", () -> clients.elbv2().describeLoadBalancers(b -> { }).loadBalancers().stream()
			.map(l -> l.loadBalancerName()).filter(balancer::equals).toList());
		put(found, "target group", () -> clients.elbv2().describeTargetGroups(b -> { }).targetGroups().stream()
			.map(g -> g.targetGroupName()).filter(balancer::equals).toList());
		put(found, "role", () -> clients.iam().listRoles().roles().stream()
			.map(r -> r.roleName()).filter(name -> name.startsWith(function + "-")).toList());
		put(found, "log group", () -> {
			List<String> groups = new ArrayList<>();
			for (String prefix : List.of("/aws/lambda/" + function, "/aws/apigateway/" + function)) {
				clients.logs().describeLogGroups(b -> b.logGroupNamePrefix(prefix)).logGroups()
					.forEach(g -> groups.add(g.logGroupName()));
			}
			return groups;
		});
		put(found, "schedule group", () -> clients.scheduler().listScheduleGroups(b -> { }).scheduleGroups().stream()
			.map(g -> g.name()).filter(function::equals).toList());
		put(found, "schedule", () -> clients.scheduler().listSchedules(b -> { }).schedules().stream()
			.map(s -> s.name()).filter(name -> name.startsWith(function + "-")).toList());
		put(found, "subscription", () -> clients.sns().listSubscriptions().subscriptions().stream()
			.filter(s -> s.endpoint() != null && s.endpoint().contains(alias)).map(s -> s.topicArn()).toList());
		put(found, "topic", () -> clients.sns().listTopics().topics().stream()
			.map(t -> t.topicArn()).filter(arn -> arn.contains(":" + function + "-")).toList());
		put(found, "queue", () -> clients.sqs().listQueues().queueUrls().stream()
			.filter(url -> url.substring(url.lastIndexOf('/') + 1).startsWith(function + "-")
					|| function.equals(clients.sqs().listQueueTags(b -> b.queueUrl(url)).tags().get("serverless:function")))
			.toList());
		put(found, "table", () -> clients.dynamoDb().listTables().tableNames().stream()
			.filter(name -> name.startsWith(function + "-")).toList());
		put(found, "event rule", () -> {
			List<String> rules = new ArrayList<>();
			clients.eventBridge().listEventBuses(b -> { }).eventBuses().forEach(bus -> rules.addAll(clients.eventBridge()
				.listRuleNamesByTarget(b -> b.targetArn(aliasArn).eventBusName(bus.name())).ruleNames()));
			return rules;
		});
		put(found, "bucket notification", () -> {
			List<String> notifications = new ArrayList<>();
			clients.s3().listBuckets().buckets().forEach(bucket -> clients.s3()
				.getBucketNotificationConfiguration(b -> b.bucket(bucket.name())).lambdaFunctionConfigurations().stream()
				.filter(c -> c.lambdaFunctionArn() != null && c.lambdaFunctionArn().contains(alias))
				.forEach(c -> notifications.add(bucket.name() + "/" + c.id())));
			return notifications;
		});
		put(found, "package", () -> {
			List<String> keys = new ArrayList<>();
			clients.s3().listBuckets().buckets().forEach(bucket -> clients.s3()
				.listObjectsV2(b -> b.bucket(bucket.name()).prefix(function + "/")).contents()
				.forEach(o -> keys.add(bucket.name() + "/" + o.key())));
			return keys;
		});
		// Versions this function uses, and those nobody uses (what its undeploy must not leave behind).
		put(found, "dependency layer", () -> {
			io.serverlessspring.shell.state.ActualLayers layers = io.serverlessspring.shell.state.LayerStateReader.read(clients);
			return layers.versions().stream()
				.filter(v -> layers.usersOf(v.arn()).isEmpty()
						|| layers.usersOf(v.arn()).stream().anyMatch(user -> user.startsWith(function + ":")))
				.map(v -> v.arn()).toList();
		});
		put(found, "layer upload", () -> {
			List<String> keys = new ArrayList<>();
			clients.s3().listBuckets().buckets().forEach(bucket -> clients.s3()
				.listObjectsV2(b -> b.bucket(bucket.name()).prefix(io.serverlessspring.boot.naming.ResourceNames.DEPENDENCY_LAYER + "/"))
				.contents().forEach(o -> keys.add(bucket.name() + "/" + o.key())));
			return keys;
		});
		return found;
	}

	/** The count of one kind (0 when none). */
	public static int count(Map<String, List<String>> inventory, String kind) {
		return inventory.getOrDefault(kind, List.of()).size();
	}

	private static void put(Map<String, List<String>> found, String kind, Supplier<List<String>> lister) {
		List<String> names;
		try {
			names = lister.get();
		}
		catch (software.amazon.awssdk.awscore.exception.AwsServiceException ex) {
			if (ex.statusCode() == 404 || ex.statusCode() == 501 || ex.statusCode() == 500 || ex.statusCode() == 400) {
				return; // the backend does not implement this kind: deploy cannot have made one there
			}
			throw ex;
		}
		if (!names.isEmpty()) {
			found.put(kind, List.copyOf(names));
		}
	}

}
