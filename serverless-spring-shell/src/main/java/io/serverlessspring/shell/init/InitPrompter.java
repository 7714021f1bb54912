package io.serverlessspring.shell.init;

import java.util.List;

/** How {@code init} asks its questions: Spring Shell components in a terminal, or scripted in tests. */
public interface InitPrompter {

	/** Free text; an empty answer takes {@code defaultValue}. */
	String input(String question, String defaultValue);

	/** One of {@code options}; {@code defaultOption} is selected first. */
	String select(String question, List<String> options, String defaultOption);

	/** Yes or no. */
	boolean confirm(String question, boolean defaultValue);

}
