package io.serverlessspring.boot.errors;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up failure of an app that uses a feature without its optional library: names what to add. */
public class MissingDependencyFailureAnalyzer extends AbstractFailureAnalyzer<MissingDependencyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingDependencyException cause) {
		String xml = cause.dependencies().stream().map((coordinates) -> {
			String[] parts = coordinates.split(":");
			return "<dependency><groupId>" + parts[0] + "</groupId><artifactId>" + parts[1] + "</artifactId></dependency>";
		}).collect(Collectors.joining("\n"));
		return new FailureAnalysis(cause.getMessage(),
				"Add to the app's pom.xml, with the versions the starter is built with (its README's table of jars):\n" + xml,
				cause);
	}

}
