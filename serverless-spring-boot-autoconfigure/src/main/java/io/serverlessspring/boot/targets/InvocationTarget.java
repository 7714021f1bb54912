package io.serverlessspring.boot.targets;

import tools.jackson.databind.JsonNode;

/** Something that can be run with JSON arguments: a bean method or a Spring Cloud Function. */
public interface InvocationTarget {

	/** The resolved stable id, e.g. {@code petJobs#send(java.lang.String)} or {@code uppercase}. */
	String id();

	/** Runs the target with JSON arguments and returns its raw result (possibly {@code null}). */
	Object invoke(JsonNode args) throws Exception;

}
