package io.serverlessspring.local.elbv2;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.serverlessspring.local.elbv2.LoadBalancerModel.Listener;
import io.serverlessspring.local.elbv2.LoadBalancerModel.LoadBalancer;
import io.serverlessspring.local.elbv2.LoadBalancerModel.Rule;
import io.serverlessspring.local.elbv2.LoadBalancerModel.RuleAction;
import io.serverlessspring.local.elbv2.LoadBalancerModel.RuleCondition;
import io.serverlessspring.local.elbv2.LoadBalancerModel.TargetGroup;
import io.serverlessspring.local.lambda.LambdaService;
import io.serverlessspring.local.lambda.runtime.InvokedFunction;
import io.serverlessspring.local.lambda.runtime.RuntimeInvocationResult;
import io.serverlessspring.local.server.AwsException;
import io.serverlessspring.local.server.AwsRequest;
import io.serverlessspring.local.server.AwsResponse;
import io.serverlessspring.local.server.FrontDoor;
import io.serverlessspring.local.server.Json;
import io.serverlessspring.local.server.LocalContext;

/**
 * Serves load balancer listeners at {@code http://127.0.0.1:<port>/_aws/elb/<name>/<listener-port>/<path>}
 * (or with {@code Host: <dns-name>}, its lowest listener): the listener's rules in priority order
 * (path-pattern, host-header and http-request-method conditions, {@code *}/{@code ?} wildcards),
 * else its default actions; a forward to a Lambda target group invokes the registered function with
 * the ALB event, a fixed response answers itself.
 */
final class AlbFrontDoor implements FrontDoor {

	private static final System.Logger log = System.getLogger(AlbFrontDoor.class.getName());

	private static final Pattern URL = Pattern.compile("/_aws/elb/([^/]+)/(\\d+)(/.*)?");

	private final Elbv2Service elb;

	private final LocalContext context;

	AlbFrontDoor(Elbv2Service elb, LocalContext context) {
		this.elb = elb;
		this.context = context;
	}

	@Override
	public boolean isPublic() {
		return true;
	}

	@Override
	public boolean answersHost(String host) {
		return host.endsWith(".elb.localhost") && this.elb.loadBalancerNamed(host) != null;
	}

	@Override
	public boolean accepts(AwsRequest request) {
		return URL.matcher(request.rawPath()).matches() || answersHost(request.host());
	}

	@Override
	public AwsResponse serve(AwsRequest request) {
		Matcher url = URL.matcher(request.rawPath());
		LoadBalancer balancer;
		int port;
		String path;
		if (url.matches()) {
			balancer = this.elb.loadBalancerNamed(url.group(1));
			port = Integer.parseInt(url.group(2));
			path = (url.group(3) == null) ? "/" : url.group(3);
		}
		else {
			balancer = this.elb.loadBalancerNamed(request.host());
			port = 0;
			path = request.rawPath();
		}
		Listener listener = (balancer != null) ? this.elb.listenerOn(balancer, port) : null;
		if (listener == null) {
			// A real load balancer refuses the connection; this is the closest an HTTP answer gets.
			return AlbEvent.page(503, "Service Temporarily Unavailable");
		}
		List<RuleAction> actions = listener.defaultActions;
		for (Rule rule : this.elb.rules(listener)) {
			if (rule.conditions.stream().allMatch(condition -> matches(condition, request, path))) {
				actions = rule.actions;
				break;
			}
		}
		RuleAction action = actions.get(0);
		if ("fixed-response".equals(action.type)) {
			byte[] body = (action.messageBody != null) ? action.messageBody.getBytes(StandardCharsets.UTF_8) : new byte[0];
			return AwsResponse.bytes(Integer.parseInt(action.statusCode), body, action.contentType);
		}
		TargetGroup group = this.elb.targetGroupOrNull(action.targetGroupArn);
		if (group == null || group.targets.isEmpty()) {
			return AlbEvent.page(503, "Service Temporarily Unavailable");
		}
		return invoke(request, path, group, listener);
	}

	private AwsResponse invoke(AwsRequest request, String path, TargetGroup group, Listener listener) {
		String functionArn = group.targets.get(0);
		LambdaService lambda = this.context.service(LambdaService.class);
		InvokedFunction target;
		try {
			if (!lambda.allowsInvocationBy(functionArn, Elbv2Service.PRINCIPAL)) {
				log.log(Level.WARNING, "Target group " + group.name + " may not invoke " + functionArn
						+ ": its resource policy has no statement for " + Elbv2Service.PRINCIPAL);
				return AlbEvent.page(502, "Bad Gateway");
			}
			target = lambda.target(functionArn, null);
		}
		catch (AwsException ex) {
			log.log(Level.WARNING, "Target group " + group.name + " cannot invoke " + functionArn + ": " + ex.getMessage());
			return AlbEvent.page(502, "Bad Gateway");
		}
		boolean multiValue = "true".equals(group.attributes.get(Elbv2Service.MULTI_VALUE_HEADERS));
		RuntimeInvocationResult result;
		try {
			result = lambda.invoker().invoke(target, Json.bytes(AlbEvent.event(request, path, group.arn, multiValue,
					listener.port, listener.protocol)), null);
		}
		catch (AwsException refused) {
			return (refused.status() == 413) ? AlbEvent.page(413, "Request Entity Too Large")
					: AlbEvent.page(503, "Service Temporarily Unavailable");
		}
		if (result.failed()) {
			return AlbEvent.page(502, "Bad Gateway");
		}
		return AlbEvent.response(result, multiValue);
	}

	private static boolean matches(RuleCondition condition, AwsRequest request, String path) {
		return switch (condition.field) {
			case "path-pattern" -> condition.values.stream().anyMatch(pattern -> glob(pattern, false).matcher(path).matches());
			case "host-header" -> condition.values.stream().anyMatch(pattern -> glob(pattern, true)
				.matcher(String.valueOf(request.header("Host"))).matches());
			case "http-request-method" -> condition.values.contains(request.method());
			default -> false;
		};
	}

	/** ALB's wildcards: {@code *} any characters, {@code ?} exactly one; the rest literal. */
	private static Pattern glob(String pattern, boolean ignoreCase) {
		StringBuilder regex = new StringBuilder();
		for (char c : pattern.toCharArray()) {
			switch (c) {
				case '*' -> regex.append(".*");
				case '?' -> regex.append('.');
				default -> regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
	}

}
