package io.serverlessspring.shell.settings;

import java.util.List;

/** A stage's settings cannot be used: each problem names the file, the key and what is allowed. */
public class SettingsException extends RuntimeException {

	private final List<String> problems;

	public SettingsException(List<String> problems) {
		super(String.join("\n", problems));
		this.problems = List.copyOf(problems);
	}

	public SettingsException(String problem) {
		this(List.of(problem));
	}

	public List<String> problems() {
		return this.problems;
	}

}
