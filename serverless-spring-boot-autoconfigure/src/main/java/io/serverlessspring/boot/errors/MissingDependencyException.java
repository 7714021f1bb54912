package io.serverlessspring.boot.errors;

import java.util.List;

/**
 * The app uses a feature whose library is an optional dependency of the starter (kept out of every
 * package that does not need it: size, cold start) and that library is not on its class path.
 * Thrown at start-up, so the manifest generator at {@code package} time fails the same way.
 */
public class MissingDependencyException extends RuntimeException {

	private final String feature;

	private final List<String> dependencies;

	/**
	 * @param feature what the app uses, naming where (e.g. {@code @ServerlessEventHandler on jobs#onMessage})
	 * @param dependencies {@code groupId:artifactId} of each library to add
	 */
	public MissingDependencyException(String feature, List<String> dependencies) {
		super(feature + " needs " + String.join(" and ", dependencies) + " on the class path; add "
				+ (dependencies.size() == 1 ? "it" : "them") + " to the app's dependencies (optional in the starter).");
		this.feature = feature;
		this.dependencies = List.copyOf(dependencies);
	}

	public String feature() {
		return this.feature;
	}

	public List<String> dependencies() {
		return this.dependencies;
	}

}
