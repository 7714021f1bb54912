package io.serverlessspring.shell.deploy;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.serverlessspring.shell.model.DesiredStage;
import io.serverlessspring.shell.render.ConsoleIo;

/**
 * What deploy says after a touch that failed: the function's error from its log, and, when the
 * function itself is broken (5xx or no answer), a failed command naming the version and the cause.
 */
final class TouchReport {

	private TouchReport() {
	}

	/**
	 * @param startedNanos {@link System#nanoTime()} when the deploy began applying (log lines from then on)
	 * @throws DeployedFunctionFailsException when the function does not answer
	 */
	static void check(UrlToucher.Touch touch, StageSession session, DesiredStage desired, String version,
			long startedNanos, ConsoleIo io) {
		if (!touch.failed()) {
			return;
		}
		long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
		Instant since = Instant.now().minusMillis(elapsedMillis + 1000);
		List<String> errors = FunctionLogErrors.since(session.clients().logs(), desired.logGroup().name(), since);
		String fromLog = errors.isEmpty() ? "The function's log (" + desired.logGroup().name() + ") has no error yet."
				: "The function's log (" + desired.logGroup().name() + ") says:\n  " + String.join("\n  ", errors);
		String stage = desired.stage();
		if (!touch.functionFailed()) {
			io.println(fromLog);
			io.println("The path may need a request the touch cannot make; set serverless.deploy.touch-path to a GET "
					+ "path that answers, or 'serverless.deploy.touch: false'. See 'tail " + stage + "'.");
			return;
		}
		throw new DeployedFunctionFailsException("Deployed " + desired.functionName() + " version " + version
				+ ", but it does not answer: GET " + touch.uri() + " gave "
				+ (touch.status() > 0 ? "HTTP " + touch.status() : "no answer (" + touch.problem() + ")") + ".\n"
				+ fromLog + "\nFix the app and run 'deploy " + stage + "' again; 'tail " + stage
				+ "' shows the whole log, 'rollback " + stage + "' goes back to the version before.");
	}

}
