package io.serverlessspring.shell.logs;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Formats a log line for the terminal: time, then the message, coloured by level or HTTP status. */
public final class LogRenderer {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
		.withZone(ZoneOffset.UTC);

	private static final Pattern STATUS = Pattern.compile("\\[access] \\S+ \"[^\"]*\" (\\d{3}) ");

	private static final String RESET = "\u001b[0m";

	private static final String DIM = "\u001b[2m";

	private static final String RED = "\u001b[31m";

	private static final String YELLOW = "\u001b[33m";

	private static final String GREEN = "\u001b[32m";

	private static final String CYAN = "\u001b[36m";

	private final boolean color;

	public LogRenderer(boolean color) {
		this.color = color;
	}

	public String render(LogLine line) {
		String time = TIME.format(line.timestamp());
		if (!this.color) {
			return time + " " + line.message();
		}
		return DIM + time + RESET + " " + colorOf(line) + line.message() + RESET;
	}

	private static String colorOf(LogLine line) {
		if (line.platform()) {
			return DIM;
		}
		if (line.access()) {
			Matcher status = STATUS.matcher(line.message());
			if (status.find()) {
				char first = status.group(1).charAt(0);
				return (first == '5') ? RED : (first == '4') ? YELLOW : GREEN;
			}
			return CYAN;
		}
		String message = line.message();
		if (message.contains(" ERROR ") || message.startsWith("ERROR") || message.contains("Exception")) {
			return RED;
		}
		if (message.contains(" WARN ") || message.startsWith("WARN")) {
			return YELLOW;
		}
		return "";
	}

}
