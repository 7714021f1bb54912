package io.serverlessspring.shell.model;

import java.util.ArrayList;
import java.util.List;

import io.serverlessspring.boot.naming.Arns;

/**
 * What a stage's {@code spring.config.import} and {@code serverless.function.remote-env} make the
 * function read at start, as the exact resources its role must allow: each Parameter Store path
 * ({@code ssm:GetParametersByPath}), each Secrets Manager secret ({@code secretsmanager:GetSecretValue}),
 * the remote-env object ({@code s3:GetObject}). Removing an import removes its grant.
 *
 * @param parameterPaths ARNs of the imported parameter paths
 * @param secrets ARNs of the imported secrets
 * @param remoteEnvObject ARN of the remote-env object, or {@code null}
 */
public record ConfigImportGrants(List<String> parameterPaths, List<String> secrets, String remoteEnvObject) {

	private static final String PARAMETER_STORE = "aws-parameterstore:";

	private static final String SECRETS_MANAGER = "aws-secretsmanager:";

	/**
	 * @param imports the {@code spring.config.import} entries, e.g. {@code optional:aws-parameterstore:/a/;/b/}
	 * @param remoteEnv {@code s3://bucket/key.json}, or {@code null}
	 */
	public static ConfigImportGrants of(String region, String account, List<String> imports, String remoteEnv) {
		List<String> paths = new ArrayList<>();
		List<String> secrets = new ArrayList<>();
		for (String entry : imports) {
			String location = entry.trim();
			if (location.startsWith("optional:")) {
				location = location.substring("optional:".length());
			}
			if (location.startsWith(PARAMETER_STORE)) {
				for (String path : contexts(location.substring(PARAMETER_STORE.length()))) {
					String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
					add(paths, Arns.parameter(region, account, trimmed));
				}
			}
			else if (location.startsWith(SECRETS_MANAGER)) {
				for (String secret : contexts(location.substring(SECRETS_MANAGER.length()))) {
					add(secrets, Arns.isArn(secret) ? secret : Arns.secret(region, account, secret));
				}
			}
		}
		String object = null;
		if (remoteEnv != null && remoteEnv.startsWith("s3://") && remoteEnv.indexOf('/', 5) > 5) {
			int slash = remoteEnv.indexOf('/', 5);
			object = Arns.object(remoteEnv.substring(5, slash), remoteEnv.substring(slash + 1));
		}
		return new ConfigImportGrants(List.copyOf(paths), List.copyOf(secrets), object);
	}

	/** {@code a;b?prefix=x} → {@code [a, b]}: Spring Cloud AWS's several contexts and options. */
	private static List<String> contexts(String locations) {
		List<String> contexts = new ArrayList<>();
		for (String context : locations.split(";")) {
			int query = context.indexOf('?');
			String name = ((query >= 0) ? context.substring(0, query) : context).trim();
			if (!name.isEmpty() && !name.equals("/")) {
				contexts.add(name);
			}
		}
		return contexts;
	}

	private static void add(List<String> into, String arn) {
		if (!into.contains(arn)) {
			into.add(arn);
		}
	}

}
