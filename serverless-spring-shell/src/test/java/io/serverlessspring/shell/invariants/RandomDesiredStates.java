package io.serverlessspring.shell.invariants;

import java.util.List;
import java.util.Random;

/**
 * Random stage settings within their allowed values (HTTP type, memory, timeout, environment,
 * keep-warm, retention, schedules, CORS, throttling, authorization, API keys), one per seed, so a
 * failing seed can be replayed.
 */
final class RandomDesiredStates {

	private static final List<Integer> RETENTION = List.of(0, 1, 3, 7, 14, 30, 90, 365);

	private static final List<String> VARIABLES = List.of("GREETING", "FEATURE_FLAG", "DB_PASSWORD", "API_TOKEN",
			"REGION_HINT", "SIGNING_KEY");

	private RandomDesiredStates() {
	}

	/** {@code application-<stage>.yml} for {@code seed}. */
	static String settings(long seed) {
		Random random = new Random(seed);
		String type = List.of("http-api", "rest-api", "function-url", "alb").get(random.nextInt(4));
		StringBuilder yaml = new StringBuilder("serverless:\n  deploy:\n    touch: false\n");
		yaml.append("  function:\n");
		yaml.append("    memory: ").append(128 + 64 * random.nextInt(46)).append('\n');
		yaml.append("    timeout: ").append(1 + random.nextInt(900)).append('\n');
		if (random.nextBoolean()) {
			yaml.append("    ephemeral-storage: ").append(512 + 512 * random.nextInt(4)).append('\n');
		}
		int variables = random.nextInt(4);
		if (variables > 0) {
			yaml.append("    environment:\n");
			List<String> names = new java.util.ArrayList<>(VARIABLES);
			java.util.Collections.shuffle(names, random);
			for (String name : names.subList(0, variables)) {
				yaml.append("      ").append(name).append(": v").append(random.nextInt(1000)).append('\n');
			}
		}
		yaml.append("  keep-warm:\n    enabled: ").append(random.nextBoolean()).append('\n');
		yaml.append("  schedules:\n    enabled: ").append(random.nextBoolean()).append('\n');
		yaml.append("  logs:\n    retention-days: ").append(RETENTION.get(random.nextInt(RETENTION.size()))).append('\n');
		yaml.append("  http:\n    type: ").append(type).append('\n');
		if (!type.equals("rest-api") && random.nextBoolean()) {
			yaml.append("    cors:\n      allowed-origins:\n        - https://app").append(random.nextInt(9))
				.append(".example.com\n      allowed-methods:\n        - GET\n        - POST\n");
		}
		if (!type.equals("function-url") && random.nextBoolean()) {
			yaml.append("    throttling:\n      rate-limit: ").append(1 + random.nextInt(100))
				.append("\n      burst-limit: ").append(1 + random.nextInt(200)).append('\n');
		}
		if (type.equals("http-api") && random.nextBoolean()) {
			yaml.append("    auth:\n      type: aws-iam\n");
		}
		if (type.equals("http-api") && random.nextInt(3) == 0) {
			yaml.append("    access-log:\n      enabled: true\n");
		}
		if (type.equals("function-url")) {
			yaml.append("    function-url-auth: ").append(random.nextBoolean() ? "none" : "aws-iam").append('\n');
		}
		if (type.equals("alb")) {
			yaml.append("    alb:\n      multi-value-headers: ").append(random.nextBoolean())
				.append("\n      priority: ").append(1 + random.nextInt(100)).append('\n');
		}
		if (type.equals("rest-api") && random.nextBoolean()) {
			yaml.append("    rest:\n      api-keys:\n        names:\n          - key").append(random.nextInt(99))
				.append("\n        quota-limit: ").append(100 + random.nextInt(1000)).append('\n');
		}
		return yaml.toString();
	}

}
