package io.serverlessspring.shell.status;

import java.util.LinkedHashMap;
import java.util.Map;

import software.amazon.awssdk.services.lambda.model.RuntimeVersionConfig;

/**
 * The JVM the local cloud (serverless-local) runs a function on, read from the runtime version it
 * reports in GetFunction ({@code arn:aws:lambda:REGION::runtime:local:java25-on-JDK-17.0.15}, with an
 * {@code Error} when no JDK of the runtime's major version is installed). AWS reports its own runtime
 * versions, which name no JDK: then there is nothing to say.
 *
 * @param jdk the JDK's version ({@code 17.0.15})
 * @param note why it is not the runtime's JDK and how to install one, or {@code null} when it is
 */
public record LocalJvm(String jdk, String note) {

	private static final String LOCAL_RUNTIME = "::runtime:local:";

	private static final String ON_JDK = "-on-JDK-";

	/** What the local cloud reported, or {@code null} for AWS (or a local cloud that does not say). */
	public static LocalJvm of(RuntimeVersionConfig version) {
		String arn = (version != null) ? version.runtimeVersionArn() : null;
		int local = (arn != null) ? arn.indexOf(LOCAL_RUNTIME) : -1;
		int on = (local >= 0) ? arn.indexOf(ON_JDK, local) : -1;
		if (on < 0) {
			return null;
		}
		String note = (version.error() != null) ? version.error().message() : null;
		return new LocalJvm(arn.substring(on + ON_JDK.length()), note);
	}

	/** Whether the JDK's major version is the runtime's. */
	public boolean matchesRuntime() {
		return this.note == null;
	}

	/** As {@code status --json} shows it. */
	public Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("jdk", this.jdk);
		map.put("matchesRuntime", matchesRuntime());
		if (this.note != null) {
			map.put("note", this.note);
		}
		return map;
	}

}
