package io.serverlessspring.shell.settings;

import java.util.ArrayList;
import java.util.List;

import io.serverlessspring.boot.settings.FunctionSettings;

/**
 * How a function starts: whether SnapStart applies and which JVM options it gets. One rule for the
 * validator (SnapStart set on where Lambda refuses it is an error) and the desired model (SnapStart
 * left unset is on where Lambda allows it, else off with a note saying why). Every runtime we offer
 * (java17, java21, java25) has SnapStart; what rules it out is provisioned concurrency, /tmp over
 * 512 MB and EFS mounts.
 */
public final class FunctionStartup {

	/** The largest /tmp SnapStart takes. */
	static final int SNAP_START_MAX_EPHEMERAL_STORAGE = 512;

	private FunctionStartup() {
	}

	/** What rules SnapStart out for {@code function}, each naming its setting; empty when it can be on. */
	public static List<String> snapStartConflicts(FunctionSettings function) {
		List<String> conflicts = new ArrayList<>();
		if (function.getProvisionedConcurrency() > 0) {
			conflicts.add("serverless.function.provisioned-concurrency = " + function.getProvisionedConcurrency()
					+ " (Lambda does not combine SnapStart with provisioned concurrency)");
		}
		if (function.getEphemeralStorage() > SNAP_START_MAX_EPHEMERAL_STORAGE) {
			conflicts.add("serverless.function.ephemeral-storage = " + function.getEphemeralStorage()
					+ " (SnapStart takes at most " + SNAP_START_MAX_EPHEMERAL_STORAGE + " MB of /tmp)");
		}
		if (!function.getFileSystems().isEmpty()) {
			conflicts.add("serverless.function.file-systems (Lambda does not combine SnapStart with EFS)");
		}
		return conflicts;
	}

	/** Whether published versions get SnapStart: as set, else on where nothing rules it out. */
	public static boolean snapStart(FunctionSettings function) {
		Boolean set = function.getSnapStart();
		return (set != null) ? set : snapStartConflicts(function).isEmpty();
	}

	/** The plan's note when SnapStart is off by default because something rules it out, else {@code null}. */
	public static String snapStartNote(FunctionSettings function) {
		List<String> conflicts = snapStartConflicts(function);
		if (function.getSnapStart() != null || conflicts.isEmpty()) {
			return null;
		}
		return "SnapStart is off: " + String.join("; ", conflicts)
				+ " (serverless.function.snap-start: false silences this note)";
	}

	/**
	 * The function's JAVA_TOOL_OPTIONS, or {@code null} for none: what is set, else nothing, because
	 * Lambda's Java runtimes apply the flags it recommends themselves (C1 only on java17/java21; on
	 * java25 too, except under SnapStart or provisioned concurrency, where the full tiers pay off).
	 */
	public static String javaToolOptions(FunctionSettings function) {
		String options = function.getJavaOptions();
		return (options == null || options.isBlank()) ? null : options.strip();
	}

}
