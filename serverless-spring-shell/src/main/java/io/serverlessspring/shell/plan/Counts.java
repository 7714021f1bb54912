package io.serverlessspring.shell.plan;

/** A count with its noun in the right number: "1 version", "2 versions" (plan lines and prompts). */
public final class Counts {

	private Counts() {
	}

	/** {@code of(1, "version")} is "1 version", {@code of(2, "version")} is "2 versions". */
	public static String of(long count, String noun) {
		return count + " " + noun(count, noun);
	}

	/** The noun alone, singular for one: {@code noun(3, "version")} is "versions". */
	public static String noun(long count, String noun) {
		return (count == 1) ? noun : noun + "s";
	}

	/** For a question: "this change" or "these 3 changes". */
	public static String these(long count, String noun) {
		return (count == 1) ? "this " + noun : "these " + of(count, noun);
	}

}
