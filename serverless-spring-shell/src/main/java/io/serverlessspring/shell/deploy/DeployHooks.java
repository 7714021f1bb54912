package io.serverlessspring.shell.deploy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import io.serverlessspring.shell.aws.AwsTarget;
import io.serverlessspring.shell.packaging.ProjectBuilder;
import io.serverlessspring.shell.settings.StageSettings;

/**
 * The stage's {@code serverless.hooks.*}: shell commands run in the project folder before the app
 * is packaged and after a deploy. Each sees {@code SERVERLESS_STAGE}, {@code SERVERLESS_FUNCTION_NAME}
 * and, when the command has one, the AWS target ({@code AWS_REGION}, {@code AWS_ENDPOINT_URL},
 * {@code AWS_PROFILE}: its AWS calls reach what the deploy reaches); after a deploy also
 * {@code SERVERLESS_URL} and {@code SERVERLESS_VERSION}. Their output is shown line by line.
 */
public class DeployHooks {

	public static final String BEFORE_PACKAGE = "serverless.hooks.before-package";

	public static final String AFTER_DEPLOY = "serverless.hooks.after-deploy";

	/** A hook that exited non-zero (or could not start). */
	public static class HookFailedException extends RuntimeException {

		private final String hook;

		private final int exitCode;

		HookFailedException(String hook, int exitCode, String message) {
			super(message);
			this.hook = hook;
			this.exitCode = exitCode;
		}

		/** The setting, e.g. {@code serverless.hooks.after-deploy}. */
		public String hook() {
			return this.hook;
		}

		/** The command's exit code, -1 if it could not start. */
		public int exitCode() {
			return this.exitCode;
		}

	}

	/**
	 * Runs {@code serverless.hooks.before-package}, if set. Nothing in AWS has changed yet.
	 * @param target where the command's AWS is, or {@code null} ({@code package} has none)
	 * @throws HookFailedException when it exits non-zero: the caller stops
	 */
	public void beforePackage(StageSettings settings, AwsTarget target, Consumer<String> output) {
		String command = settings.properties().getHooks().getBeforePackage();
		if (command != null && !command.isBlank()) {
			run(BEFORE_PACKAGE, command, settings, environment(settings, target, null, null), output,
					"Nothing was packaged or deployed.");
		}
	}

	/**
	 * Runs {@code serverless.hooks.after-deploy}, if set, once the plan is applied (or nothing needed to change).
	 * @throws HookFailedException when it exits non-zero: the deploy stands, the command fails
	 */
	public void afterDeploy(StageSettings settings, AwsTarget target, String version, String url,
			Consumer<String> output) {
		String command = settings.properties().getHooks().getAfterDeploy();
		if (command != null && !command.isBlank()) {
			run(AFTER_DEPLOY, command, settings, environment(settings, target, version, url), output,
					"The deploy itself succeeded" + ((version != null) ? ": version " + version + " is live" : "") + ".");
		}
	}

	static Map<String, String> environment(StageSettings settings, AwsTarget target, String version, String url) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SERVERLESS_STAGE", settings.stage());
		environment.put("SERVERLESS_FUNCTION_NAME", settings.functionName());
		if (target != null) {
			environment.put("AWS_REGION", target.region());
			if (target.endpoint() != null) {
				environment.put("AWS_ENDPOINT_URL", target.endpoint().toString());
			}
			if (target.profile() != null && !target.profile().isBlank()) {
				environment.put("AWS_PROFILE", target.profile());
			}
		}
		if (version != null) {
			environment.put("SERVERLESS_VERSION", version);
		}
		if (url != null) {
			environment.put("SERVERLESS_URL", url);
		}
		return environment;
	}

	private static void run(String hook, String command, StageSettings settings, Map<String, String> environment,
			Consumer<String> output, String consequence) {
		output.accept("Running " + hook + ": " + command);
		long started = System.nanoTime();
		Process process;
		try {
			ProcessBuilder builder = new ProcessBuilder(shell(command)).directory(settings.projectDir().toFile())
				.redirectErrorStream(true);
			builder.environment().putAll(environment);
			process = builder.start();
			// Hooks are not interactive: a command that reads input sees its end, not the console's input.
			process.getOutputStream().close();
		}
		catch (IOException ex) {
			throw new HookFailedException(hook, -1, hook + " could not start (" + command + "): " + ex.getMessage() + ". "
					+ consequence);
		}
		int exit = await(hook, process, output);
		if (exit != 0) {
			throw new HookFailedException(hook, exit, hook + " failed with exit code " + exit + " (" + command + "). "
					+ consequence);
		}
		output.accept(String.format("%s done in %.1f s", hook, (System.nanoTime() - started) / 1e9));
	}

	/**
	 * Shows the command's output as it comes. Waiting (not reading) is what an interrupt reaches:
	 * Ctrl-C stops the command and what it started.
	 */
	private static int await(String hook, Process process, Consumer<String> output) {
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					output.accept("  | " + line);
				}
			}
			catch (IOException closed) {
				// The command ended or was stopped: its exit code says how.
			}
		}, "serverless-hook-output");
		reader.start();
		try {
			int exit = process.waitFor();
			reader.join();
			return exit;
		}
		catch (InterruptedException ex) {
			ProjectBuilder.stopTree(process.toHandle());
			Thread.currentThread().interrupt();
			throw new HookFailedException(hook, -1, hook + " interrupted: its command was stopped.");
		}
	}

	/** {@code sh -c} (the command may use pipes, {@code &&}, variables); {@code cmd /c} on Windows. */
	private static List<String> shell(String command) {
		List<String> words = new ArrayList<>();
		if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
			words.add("cmd");
			words.add("/c");
		}
		else {
			words.add("sh");
			words.add("-c");
		}
		words.add(command);
		return words;
	}

}
