package io.serverlessspring.shell.settings;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.serverlessspring.boot.settings.FunctionSettings;
import io.serverlessspring.boot.settings.HttpAlbSettings;
import io.serverlessspring.boot.settings.HttpSettings;
import io.serverlessspring.boot.settings.ServerlessProperties;
import io.serverlessspring.local.events.ScheduleRecurrence;
import software.amazon.awssdk.regions.Region;

import org.springframework.core.env.PropertySource;

import static io.serverlessspring.shell.settings.SettingsLocations.where;

/**
 * The checks a stage's bound settings pass before anything is built or any AWS call is made: every
 * problem is collected, so one run names them all, each with the file and line it came from.
 */
final class StageSettingsValidator {

	private static final Set<Integer> RETENTION_DAYS = Set.of(0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,
			400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

	/** Lambda's pattern for environment variable names. */
	private static final Pattern VARIABLE_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]+");

	/** Variables the Lambda runtime sets itself; Lambda refuses them in a function's configuration. */
	private static final Set<String> RESERVED_VARIABLES = Set.of("_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION",
			"AWS_REGION", "AWS_EXECUTION_ENV", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
			"AWS_SESSION_TOKEN", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");

	/** An EFS access point, as Lambda's FileSystemConfig takes it. */
	private static final Pattern ACCESS_POINT_ARN = Pattern
		.compile("arn:aws[a-z-]*:elasticfilesystem:[a-z0-9-]+:\\d{12}:access-point/fsap-[a-f0-9]{8,40}");

	/** Lambda's pattern for a local mount path. */
	private static final Pattern MOUNT_PATH = Pattern.compile("/mnt/[a-zA-Z0-9-_.]+");

	/** Lambda's limit on the total size of a function's environment variables. */
	private static final int ENVIRONMENT_LIMIT = 4096;

	private StageSettingsValidator() {
	}

	static void validate(ServerlessProperties properties, String functionName, List<PropertySource<?>> sources,
			List<String> problems) {
		FunctionSettings function = properties.getFunction();
		range(problems, sources, "serverless.function.memory", function.getMemory(), 128, 10240);
		range(problems, sources, "serverless.function.timeout", function.getTimeout(), 1, 900);
		range(problems, sources, "serverless.function.ephemeral-storage", function.getEphemeralStorage(), 512, 10240);
		range(problems, sources, "serverless.function.provisioned-concurrency", function.getProvisionedConcurrency(),
				0, 100000);
		if (function.getReservedConcurrency() != null) {
			range(problems, sources, "serverless.function.reserved-concurrency", function.getReservedConcurrency(), 0,
					100000);
		}
		range(problems, sources, "serverless.deploy.retained-versions", properties.getDeploy().getRetainedVersions(),
				1, 1000);
		if (!RETENTION_DAYS.contains(properties.getLogs().getRetentionDays())) {
			problems.add(where(sources, "serverless.logs.retention-days") + "serverless.logs.retention-days = "
					+ properties.getLogs().getRetentionDays() + " is not valid: expected 0 (forever) or one of "
					+ new TreeSet<>(RETENTION_DAYS).stream().filter(d -> d > 0).toList());
		}
		if (!functionName.matches("[A-Za-z0-9_-]{1,64}")) {
			problems.add(where(sources, "serverless.function.name") + "function name '" + functionName
					+ "' is not valid: at most 64 letters, digits, '-' or '_'"
					+ (properties.getFunction().getName() == null
							? " (it comes from spring.application.name; set serverless.function.name)" : ""));
		}
		String endpoint = properties.getDeploy().getEndpoint();
		if (endpoint != null && !endpoint.equalsIgnoreCase("local") && !endpoint.matches("https?://.+")) {
			problems.add(where(sources, "serverless.deploy.endpoint") + "serverless.deploy.endpoint = '" + endpoint
					+ "' is not valid: expected 'local' or an http(s):// URL");
		}
		keepWarm(properties, sources, problems);
		region(properties, sources, problems);
		environment(function.getEnvironment(), sources, problems);
		if (properties.getHttp().getType() == HttpSettings.Type.ALB) {
			alb(properties.getHttp().getAlb(), sources, problems);
		}
		String touchPath = properties.getDeploy().getTouchPath();
		if (touchPath != null && !touchPath.isEmpty() && !touchPath.startsWith("/")) {
			problems.add(where(sources, "serverless.deploy.touch-path") + "serverless.deploy.touch-path = '" + touchPath
					+ "' is not valid: expected a path starting with /");
		}
		if (!function.getVpc().getSubnetIds().isEmpty() && function.getVpc().getSecurityGroupIds().isEmpty()) {
			problems.add(where(sources, "serverless.function.vpc.subnet-ids")
					+ "serverless.function.vpc.subnet-ids needs serverless.function.vpc.security-group-ids too");
		}
		fileSystems(function, sources, problems);
		if (Boolean.TRUE.equals(function.getSnapStart()) && !FunctionStartup.snapStartConflicts(function).isEmpty()) {
			problems.add(where(sources, "serverless.function.snap-start") + "serverless.function.snap-start = true "
					+ "is not possible with " + String.join(" and ", FunctionStartup.snapStartConflicts(function))
					+ ": remove that setting or set serverless.function.snap-start: false");
		}
	}

	/** What Lambda would refuse in {@code FileSystemConfigs}, named by the setting at fault. */
	private static void fileSystems(FunctionSettings function, List<PropertySource<?>> sources, List<String> problems) {
		List<FunctionSettings.FileSystemMount> mounts = function.getFileSystems();
		if (mounts.isEmpty()) {
			return;
		}
		if (mounts.size() > 1) {
			problems.add(where(sources, "serverless.function.file-systems[0].arn") + "serverless.function.file-systems names "
					+ mounts.size() + " file systems: Lambda mounts at most 1 per function");
		}
		if (function.getVpc().getSubnetIds().isEmpty()) {
			problems.add(where(sources, "serverless.function.file-systems[0].arn")
					+ "serverless.function.file-systems needs serverless.function.vpc.subnet-ids and security-group-ids "
					+ "(Lambda reaches EFS through the file system's VPC)");
		}
		for (int i = 0; i < mounts.size(); i++) {
			FunctionSettings.FileSystemMount mount = mounts.get(i);
			String key = "serverless.function.file-systems[" + i + "]";
			if (mount.getArn() == null || !ACCESS_POINT_ARN.matcher(mount.getArn()).matches()) {
				problems.add(where(sources, key + ".arn") + key + ".arn = '" + mount.getArn()
						+ "' is not an EFS access point ARN (arn:aws:elasticfilesystem:<region>:<account>:access-point/fsap-...)");
			}
			if (mount.getLocalMountPath() == null || !MOUNT_PATH.matcher(mount.getLocalMountPath()).matches()) {
				problems.add(where(sources, key + ".local-mount-path") + key + ".local-mount-path = '"
						+ mount.getLocalMountPath() + "' is not valid: expected /mnt/ and a name of letters, digits, - _ or ."
						+ " (e.g. /mnt/data)");
			}
		}
	}

	/** What ELBv2 would refuse, named by the setting at fault, before anything is created. */
	private static void alb(HttpAlbSettings alb, List<PropertySource<?>> sources, List<String> problems) {
		String protocol = alb.getListenerProtocol();
		if (!"HTTP".equals(protocol) && !"HTTPS".equals(protocol)) {
			problems.add(where(sources, "serverless.http.alb.listener-protocol") + "serverless.http.alb.listener-protocol = '"
					+ protocol + "' is not valid: expected HTTP or HTTPS");
		}
		if ("HTTPS".equals(protocol) && alb.getListenerArn() == null
				&& (alb.getCertificateArn() == null || alb.getCertificateArn().isBlank())) {
			problems.add(where(sources, "serverless.http.alb.listener-protocol")
					+ "serverless.http.alb.listener-protocol = HTTPS needs serverless.http.alb.certificate-arn");
		}
		if (!"internet-facing".equals(alb.getScheme()) && !"internal".equals(alb.getScheme())) {
			problems.add(where(sources, "serverless.http.alb.scheme") + "serverless.http.alb.scheme = '" + alb.getScheme()
					+ "' is not valid: expected internet-facing or internal");
		}
		if (alb.getListenerPort() != null) {
			range(problems, sources, "serverless.http.alb.listener-port", alb.getListenerPort(), 1, 65535);
		}
		range(problems, sources, "serverless.http.alb.priority", alb.getPriority(), 1, 50000);
		if (alb.getPathPatterns().isEmpty() || alb.getPathPatterns().size() > 5) {
			problems.add(where(sources, "serverless.http.alb.path-patterns")
					+ "serverless.http.alb.path-patterns needs 1 to 5 patterns (an ALB rule condition takes at most 5)");
		}
		for (String pattern : alb.getPathPatterns()) {
			if (pattern == null || pattern.isEmpty() || pattern.length() > 128 || !pattern.matches("[A-Za-z0-9_\\-.$/~\"'@:+*?&]+")) {
				problems.add(where(sources, "serverless.http.alb.path-patterns") + "serverless.http.alb.path-patterns entry '"
						+ pattern + "' is not valid: at most 128 of A-Z a-z 0-9 _ - . $ / ~ \" ' @ : + & and the wildcards * ?");
			}
		}
		if (alb.getListenerArn() != null && !alb.getListenerArn().matches("arn:aws[a-z-]*:elasticloadbalancing:.+:listener/app/.+")) {
			problems.add(where(sources, "serverless.http.alb.listener-arn") + "serverless.http.alb.listener-arn = '"
					+ alb.getListenerArn() + "' is not an Application Load Balancer listener ARN");
		}
		if (alb.getLoadBalancerArn() != null
				&& !alb.getLoadBalancerArn().matches("arn:aws[a-z-]*:elasticloadbalancing:.+:loadbalancer/app/.+")) {
			problems.add(where(sources, "serverless.http.alb.load-balancer-arn") + "serverless.http.alb.load-balancer-arn = '"
					+ alb.getLoadBalancerArn() + "' is not an Application Load Balancer ARN");
		}
		if (alb.getListenerArn() != null && alb.getLoadBalancerArn() != null) {
			problems.add(where(sources, "serverless.http.alb.listener-arn")
					+ "serverless.http.alb.listener-arn and serverless.http.alb.load-balancer-arn exclude each other: "
					+ "a listener belongs to its load balancer");
		}
		if (alb.getSubnets().size() == 1) {
			problems.add(where(sources, "serverless.http.alb.subnets")
					+ "serverless.http.alb.subnets needs at least two subnets in different availability zones (or none: the default VPC)");
		}
	}

	private static void range(List<String> problems, List<PropertySource<?>> sources, String key, int value, int min,
			int max) {
		if (value < min || value > max) {
			problems.add(where(sources, key) + key + " = " + value + " is not valid: expected " + min + " to " + max);
		}
	}

	/** The keep-warm schedule is checked as EventBridge would (the local cloud's parser serves both). */
	private static void keepWarm(ServerlessProperties properties, List<PropertySource<?>> sources, List<String> problems) {
		if (!properties.getKeepWarm().isEnabled()) {
			return;
		}
		String expression = properties.getKeepWarm().getExpression();
		try {
			ScheduleRecurrence.parse(expression, true);
		}
		catch (IllegalArgumentException ex) {
			problems.add(where(sources, "serverless.keep-warm.expression") + "serverless.keep-warm.expression = '"
					+ expression + "' is not valid: " + ex.getMessage()
					+ " (expected e.g. rate(4 minutes) or cron(0/5 8-18 ? * MON-FRI *))");
		}
	}

	private static void region(ServerlessProperties properties, List<PropertySource<?>> sources, List<String> problems) {
		String region = properties.getDeploy().getRegion();
		if (region == null || region.isBlank() || properties.getDeploy().isAllowUnknownRegion()) {
			return;
		}
		List<String> known = Region.regions().stream().map(Region::id).filter((id) -> !id.startsWith("aws-")).sorted().toList();
		if (!known.contains(region)) {
			String closest = known.stream()
				.min(Comparator.comparingInt((id) -> SettingsMetadata.distance(id, region)))
				.orElse("us-east-1");
			problems.add(where(sources, "serverless.deploy.region") + "serverless.deploy.region = '" + region
					+ "' is not a region the AWS SDK knows (did you mean " + closest + "?). A region newer than this "
					+ "console: set serverless.deploy.allow-unknown-region: true");
		}
	}

	/** Lambda's rules for variable names, its reserved names, and its 4 KB limit on them all. */
	private static void environment(Map<String, String> environment, List<PropertySource<?>> sources,
			List<String> problems) {
		int size = 0;
		for (Map.Entry<String, String> variable : environment.entrySet()) {
			String name = variable.getKey();
			String key = "serverless.function.environment." + name;
			if (!VARIABLE_NAME.matcher(name).matches()) {
				problems.add(where(sources, key) + "environment variable '" + name + "' is not a valid name: Lambda "
						+ "takes a letter followed by letters, digits or _");
			}
			else if (RESERVED_VARIABLES.contains(name) || name.startsWith("AWS_LAMBDA_")) {
				problems.add(where(sources, key) + "environment variable '" + name + "' is reserved by Lambda (it sets "
						+ "it itself): use another name");
			}
			size += name.getBytes(StandardCharsets.UTF_8).length
					+ ((variable.getValue() != null) ? variable.getValue().getBytes(StandardCharsets.UTF_8).length : 0);
		}
		if (size > ENVIRONMENT_LIMIT) {
			problems.add(where(sources, "serverless.function.environment") + "serverless.function.environment is " + size
					+ " bytes: Lambda takes at most " + ENVIRONMENT_LIMIT + " bytes of names and values (keep large "
					+ "or secret values in Parameter Store or Secrets Manager)");
		}
	}

}
