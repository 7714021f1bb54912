package io.serverlessspring.shell.cli;

/**
 * How a hint names an option the user can add: as typed after {@code ./serverless}, or as the
 * serverless-maven-plugin's property when a goal runs the console (a goal user cannot type
 * {@code --verbose}). The plugin marks its console with {@code -Dserverless.invoker=maven}.
 */
public enum OptionHint {

	/** {@code ./serverless} or its prompt: the console's own options. */
	CONSOLE,

	/** A serverless-maven-plugin goal: {@code -Dserverless.*} properties. */
	MAVEN;

	/** The system property the Maven plugin sets on the console's JVM. */
	public static final String INVOKER_PROPERTY = "serverless.invoker";

	/** The hints for this JVM: {@link #MAVEN} when {@code serverless.invoker=maven}. */
	public static OptionHint current() {
		return of(System.getProperty(INVOKER_PROPERTY));
	}

	static OptionHint of(String invoker) {
		return "maven".equals(invoker) ? MAVEN : CONSOLE;
	}

	/** Shows Maven's output instead of the progress line. */
	public String verbose() {
		return (this == MAVEN) ? "-Dserverless.args=--verbose" : "--verbose";
	}

	/** Picks a named AWS profile. */
	public String profile() {
		return (this == MAVEN) ? "-Dserverless.profile=NAME" : "--profile";
	}

	/** Picks the AWS region. */
	public String region() {
		return (this == MAVEN) ? "-Dserverless.region=REGION" : "--region";
	}

}
