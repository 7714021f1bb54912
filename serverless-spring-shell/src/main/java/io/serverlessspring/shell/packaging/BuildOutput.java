package io.serverlessspring.shell.packaging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import io.serverlessspring.shell.progress.MavenOutput;
import io.serverlessspring.shell.progress.Progress;

/**
 * Maven's output while it builds: written to the build log (without ANSI codes), read for the
 * progress line, echoed with {@code --verbose}, and kept short for the failure message (its
 * {@code [ERROR]} lines, else its last lines).
 */
final class BuildOutput {

	private static final int KEPT_ERRORS = 60;

	private static final int KEPT_TAIL = 30;

	private final MavenOutput maven = new MavenOutput();

	private final Progress progress;

	private Progress.Task task;

	private final List<String> errors = new ArrayList<>();

	private final Deque<String> tail = new ArrayDeque<>();

	private Thread reader;

	private final Path log;

	private final String app;

	/** The phase of the app's module that plain output last named. */
	private String phase;

	BuildOutput(Path log, Progress progress, String app) {
		this.progress = progress;
		this.app = app;
		this.log = log;
	}

	/** Starts reading the output of Maven's {@code process} (and showing the progress line). */
	synchronized void start(Process process) {
		this.task = this.progress.verbose() ? null : this.progress.start("Building " + this.app, -1, false);
		this.reader = new Thread(() -> copy(process, this.log), "serverless-build-output");
		this.reader.setDaemon(true);
		this.reader.start();
	}

	private void copy(Process process, Path log) {
		// Maven writes in the platform's encoding, as this JVM reads it
		try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), Charset.defaultCharset()));
				Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
			String line;
			while ((line = in.readLine()) != null) {
				String plain = MavenOutput.strip(line);
				out.write(plain);
				out.write('\n');
				line(plain);
			}
		}
		catch (IOException ex) {
			// Maven stopped (interrupted build): what was read is in the log
		}
	}

	private synchronized void line(String plain) {
		if (this.progress.verbose()) {
			this.progress.accept(plain);
		}
		if (MavenOutput.isError(plain) && this.errors.size() < KEPT_ERRORS) {
			this.errors.add(plain);
		}
		this.tail.addLast(plain);
		if (this.tail.size() > KEPT_TAIL) {
			this.tail.removeFirst();
		}
		MavenOutput.Step step = this.maven.read(plain);
		if (step != null && this.task != null && shown(step)) {
			if (step.total() > 0) {
				this.task.total(step.total());
				this.task.stepTo(step.index() - 1);
			}
			this.task.message(step.describe());
		}
	}

	/**
	 * The live line shows every goal. Plain output, one line each, says when a module starts and,
	 * for the app's own module (where the time goes: compile, AOT, package), when a phase starts.
	 */
	private boolean shown(MavenOutput.Step step) {
		if (this.progress.live()) {
			return true;
		}
		if (step.goal() == null) {
			this.phase = null;
			return !step.module().equals(this.app) || step.total() > 0;
		}
		if (!step.module().equals(this.app) || step.phase().equals(this.phase)) {
			return false;
		}
		this.phase = step.phase();
		return true;
	}

	/** Waits until all of Maven's output is read (it ends when Maven exits), then clears the progress line. */
	void finish() {
		try {
			if (this.reader != null) {
				this.reader.join();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		synchronized (this) {
			if (this.task != null) {
				this.task.close();
			}
		}
	}

	/** Maven's error lines, or its last lines when it printed none. */
	synchronized String errors() {
		return String.join("\n", this.errors.isEmpty() ? this.tail : this.errors);
	}

}
