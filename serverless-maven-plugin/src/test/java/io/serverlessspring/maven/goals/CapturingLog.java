package io.serverlessspring.maven.goals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.maven.plugin.logging.SystemStreamLog;

/** Maven's console log that also keeps the info and error lines, as a user reads them in the build output. */
class CapturingLog extends SystemStreamLog {

	private final List<String> lines = new CopyOnWriteArrayList<>();

	private final List<String> errors = new CopyOnWriteArrayList<>();

	@Override
	public void error(CharSequence content) {
		this.errors.add(content.toString());
		super.error(content);
	}

	List<String> errors() {
		return this.errors;
	}

	@Override
	public void info(CharSequence content) {
		this.lines.add(content.toString());
		super.info(content);
	}

	List<String> lines() {
		return this.lines;
	}

	String text() {
		return String.join("\n", this.lines);
	}

}
