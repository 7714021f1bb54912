package io.serverlessspring.boot.commands;

import java.util.List;

/**
 * A command the console's {@code manage} runs inside the function, next to the actuator
 * endpoints: declare a bean of this type. Its result is returned as JSON.
 */
public interface ServerlessCommand {

	/** The name typed after {@code manage <stage>}, e.g. {@code reindex-pets}. */
	String name();

	/** One line for {@code manage <stage> help}. */
	default String description() {
		return "";
	}

	/** Runs the command with the words after its name. */
	Object run(List<String> args) throws Exception;

}
