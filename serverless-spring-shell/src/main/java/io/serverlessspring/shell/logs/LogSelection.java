package io.serverlessspring.shell.logs;

/** Which lines {@code tail} shows. */
public enum LogSelection {

	/** Everything the app printed (platform lines only with {@code --raw}). */
	ALL,

	/** Only HTTP access lines ({@code --http}). */
	HTTP,

	/** Everything but HTTP access lines ({@code --non-http}). */
	NON_HTTP;

	public boolean shows(LogLine line, boolean raw) {
		if (line.platform()) {
			return raw && this != HTTP;
		}
		return switch (this) {
			case ALL -> true;
			case HTTP -> line.access();
			case NON_HTTP -> !line.access();
		};
	}

}
