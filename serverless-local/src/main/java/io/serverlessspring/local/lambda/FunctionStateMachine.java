package io.serverlessspring.local.lambda;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.lambda.runtime.Invoker;
import io.serverlessspring.local.server.LocalContext;

/**
 * Lambda's function states: {@code State} Pending → Active (or Failed) after create, and
 * {@code LastUpdateStatus} InProgress → Successful (or Failed) after an update, each settling once the
 * package is unpacked; meanwhile updates are refused and the function cannot be invoked, as in Lambda.
 */
final class FunctionStateMachine {

	/** How long a function stays Pending / InProgress at least, so that waiters really wait. */
	private static final long MIN_TRANSITION_MILLIS = Long.getLong("serverless.local.lambda.transition-millis", 100);

	private static final List<String> STATE_REASONS = List.of("StateReason", "StateReasonCode");

	private static final List<String> UPDATE_REASONS = List.of("LastUpdateStatusReason", "LastUpdateStatusReasonCode");

	private final FunctionRegistry functions;

	private final LocalContext context;

	private final CodeStore code;

	private final Invoker invoker;

	FunctionStateMachine(FunctionRegistry functions, LocalContext context, CodeStore code, Invoker invoker) {
		this.functions = functions;
		this.context = context;
		this.code = code;
		this.invoker = invoker;
	}

	/** The state of a configuration being created (the last fields of CreateFunction's answer). */
	static void markCreating(ObjectNode config) {
		config.put("State", "Pending");
		config.put("StateReason", "The function is being created.");
		config.put("StateReasonCode", "Creating");
	}

	/** A saved Pending/InProgress function was being unpacked: it is ready after a restart. */
	static void markReadyAfterRestart(LambdaFunction function) {
		function.latest.put("State", "Active");
		function.latest.put("LastUpdateStatus", "Successful");
	}

	/** Refuses to invoke a function that is not Active. */
	static void checkInvocable(LambdaFunction function) {
		String state = function.latest.path("State").asString();
		if (!"Active".equals(state)) {
			throw LambdaErrors.conflict(
					"The operation cannot be performed at this time. The function is currently in the following state: " + state);
		}
	}

	/** Refuses a change (update, publish) while the function is being created or updated. */
	void checkNotChanging(LambdaFunction function) {
		if ("InProgress".equals(function.latest.path("LastUpdateStatus").asString())
				|| "Pending".equals(function.latest.path("State").asString())) {
			throw LambdaErrors.conflict("The operation cannot be performed at this time. An update is in progress for resource: "
					+ this.functions.functionArn(function.name));
		}
	}

	/** Starts the Pending → Active transition of a new function. */
	void created(LambdaFunction function) {
		prepare(function, true);
	}

	/** Marks an update InProgress; Successful once the package is unpacked (or Failed). */
	void updated(LambdaFunction function) {
		ObjectNode config = function.latest;
		config.put("LastModified", LambdaFunction.lastModifiedNow());
		config.put("RevisionId", UUID.randomUUID().toString());
		config.put("LastUpdateStatus", "InProgress");
		config.put("LastUpdateStatusReason", "The function is being created.");
		config.put("LastUpdateStatusReasonCode", "Creating");
		prepare(function, false);
	}

	private void prepare(LambdaFunction function, boolean creating) {
		String codeKey = function.codeKeys.get(LambdaFunction.LATEST);
		String revision = function.latest.path("RevisionId").asString();
		long started = System.currentTimeMillis();
		this.context.timers().execute(() -> {
			String failure = null;
			try {
				this.code.unpacked(codeKey);
			}
			catch (RuntimeException ex) {
				failure = ex.getMessage();
			}
			String problem = failure;
			long wait = Math.max(0, MIN_TRANSITION_MILLIS - (System.currentTimeMillis() - started));
			this.context.timers().schedule(() -> settle(function, revision, creating, problem), wait, TimeUnit.MILLISECONDS);
		});
	}

	private void settle(LambdaFunction function, String revision, boolean creating, String failure) {
		synchronized (this.functions) {
			ObjectNode config = function.latest;
			if (this.functions.functionOrNull(function.name) != function || !revision.equals(config.path("RevisionId").asString())) {
				return; // deleted or changed again meanwhile: the newer change settles itself
			}
			this.invoker.retire(function.name, LambdaFunction.LATEST);
			if (creating) {
				config.put("State", (failure == null) ? "Active" : "Failed");
				config.remove(STATE_REASONS);
				if (failure != null) {
					config.put("StateReason", failure);
					config.put("StateReasonCode", "InvalidZipFileException");
				}
			}
			config.put("LastUpdateStatus", (failure == null) ? "Successful" : "Failed");
			config.remove(UPDATE_REASONS);
			if (failure != null) {
				config.put("LastUpdateStatusReason", failure);
				config.put("LastUpdateStatusReasonCode", "InvalidZipFileException");
			}
			// published versions copy the settled state
			for (ObjectNode version : function.versions.values()) {
				if (!"Active".equals(version.path("State").asString())) {
					version.put("State", config.path("State").asString());
					version.put("LastUpdateStatus", config.path("LastUpdateStatus").asString());
					version.remove(STATE_REASONS);
					version.remove(UPDATE_REASONS);
				}
			}
		}
	}

}
