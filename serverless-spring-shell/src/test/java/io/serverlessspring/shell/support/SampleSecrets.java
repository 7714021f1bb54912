package io.serverlessspring.shell.support;

import io.serverlessspring.shell.support.ConsoleDriver.Run;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration the petstore's {@code local} stage imports ({@code application-local.yml}):
 * {@code petstore.motto} in Parameter Store and {@code petstore.api-key} in Secrets Manager, set
 * with {@code secrets set} as its before-package hook does (a test deploying a given zip runs no
 * such hook, so it seeds them itself).
 */
public final class SampleSecrets {

	public static final String MOTTO = "Every pet deserves a test";

	/** A value a test greps all output for: it must never appear. */
	public static final String API_KEY = "api-key-5d1c0e9b-never-printed";

	private SampleSecrets() {
	}

	/**
	 * @param commonOptions {@code --project ... --endpoint-url ...} of the test's stage
	 * @return the output of both commands
	 */
	public static String seed(ConsoleDriver console, String commonOptions) {
		Run motto = console.run("secrets set local petstore.motto" + commonOptions, MOTTO);
		assertThat(motto.exitCode()).as(motto.output()).isZero();
		Run apiKey = console.run("secrets set local petstore.api-key --store secrets-manager" + commonOptions, API_KEY);
		assertThat(apiKey.exitCode()).as(apiKey.output()).isZero();
		return motto.output() + apiKey.output();
	}

	/** What the sample's {@code GET /config} answers once it has read both. */
	public static String configAnswer() {
		return "{\"motto\":\"" + MOTTO + "\",\"apiKey\":\"set (" + API_KEY.length() + " characters)\"}";
	}

}
