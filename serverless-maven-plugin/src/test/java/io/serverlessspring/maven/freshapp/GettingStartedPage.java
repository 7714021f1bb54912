package io.serverlessspring.maven.freshapp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The steps docs/getting-started.md marks for its test, in page order. Three markers, each an HTML
 * comment (invisible on the rendered page) right before a fenced block:
 * <ul>
 * <li>{@code <!-- run: file PATH -->}: the block is the whole content of PATH in the app;</li>
 * <li>{@code <!-- run: edit PATH -->}: a {@code diff} block whose {@code -} lines become its {@code +} lines;</li>
 * <li>{@code <!-- run} then {@code expect: …} lines then {@code -->}: a transcript whose first line is
 * {@code $ COMMAND}; each expect is a line fragment ({@code …} for any text) that the transcript shows and
 * the real output must print.</li>
 * </ul>
 */
final class GettingStartedPage {

	private static final Pattern FILE_OR_EDIT = Pattern.compile("^<!-- run: (file|edit) (\\S+) -->$");

	private static final Pattern URL = Pattern.compile("(?m)^(?:\\[INFO\\] )?URL: (\\S+)$");

	sealed interface Step permits FileStep, EditStep, CommandStep {
	}

	record FileStep(String path, String content) implements Step {
	}

	record EditStep(String path, String removed, String added) implements Step {
	}

	record CommandStep(String command, List<String> transcript, List<Expect> expects) implements Step {
	}

	/** A line fragment as the page writes it, {@code …} standing for any text within the line. */
	record Expect(String text) {

		Pattern pattern() {
			List<String> parts = new ArrayList<>();
			for (String part : this.text.split("…", -1)) {
				parts.add(Pattern.quote(part));
			}
			return Pattern.compile(String.join(".*", parts));
		}

		boolean foundIn(List<String> lines) {
			Pattern pattern = pattern();
			return lines.stream().anyMatch(line -> pattern.matcher(line).find());
		}

	}

	private final List<Step> steps;

	private GettingStartedPage(List<Step> steps) {
		this.steps = steps;
	}

	static GettingStartedPage read(Path page) throws IOException {
		List<String> lines = Files.readAllLines(page);
		List<Step> steps = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			Matcher fileOrEdit = FILE_OR_EDIT.matcher(line);
			if (fileOrEdit.matches()) {
				List<String> block = fencedBlockAfter(lines, i + 1, page);
				steps.add(fileOrEdit.group(1).equals("file")
						? new FileStep(fileOrEdit.group(2), String.join("\n", block) + "\n")
						: edit(fileOrEdit.group(2), block));
			}
			else if (line.equals("<!-- run")) {
				List<Expect> expects = new ArrayList<>();
				int j = i + 1;
				for (; !lines.get(j).strip().equals("-->"); j++) {
					String expect = lines.get(j).strip();
					if (!expect.startsWith("expect: ")) {
						throw new IllegalStateException(page + " line " + (j + 1) + ": expected 'expect: …' or '-->'");
					}
					expects.add(new Expect(expect.substring("expect: ".length())));
				}
				List<String> block = fencedBlockAfter(lines, j + 1, page);
				if (block.isEmpty() || !block.get(0).startsWith("$ ")) {
					throw new IllegalStateException(page + " line " + (j + 2) + ": a run block starts with '$ COMMAND'");
				}
				steps.add(new CommandStep(block.get(0).substring(2), block.subList(1, block.size()), expects));
			}
		}
		return new GettingStartedPage(steps);
	}

	List<Step> steps() {
		return this.steps;
	}

	/** The first {@code URL:} line of the page's transcripts: the commands after it (curl) name it. */
	String url() {
		for (Step step : this.steps) {
			if (step instanceof CommandStep command) {
				Matcher url = URL.matcher(String.join("\n", command.transcript()));
				if (url.find()) {
					return url.group(1);
				}
			}
		}
		throw new IllegalStateException("No 'URL: ' line in the page's transcripts");
	}

	/** The URL a real run printed, or {@code null}. */
	static String urlIn(String output) {
		Matcher url = URL.matcher(output);
		return url.find() ? url.group(1) : null;
	}

	private static EditStep edit(String path, List<String> diff) {
		List<String> removed = new ArrayList<>();
		List<String> added = new ArrayList<>();
		for (String line : diff) {
			(line.startsWith("-") ? removed : added).add(line.substring(1));
		}
		return new EditStep(path, String.join("\n", removed), String.join("\n", added));
	}

	/** The lines between the fence that opens at {@code start} (blank lines before it allowed) and its close. */
	private static List<String> fencedBlockAfter(List<String> lines, int start, Path page) {
		int open = start;
		while (open < lines.size() && lines.get(open).isBlank()) {
			open++;
		}
		if (open >= lines.size() || !lines.get(open).startsWith("```")) {
			throw new IllegalStateException(page + " line " + (open + 1) + ": a run marker is followed by a fenced block");
		}
		int close = open + 1;
		while (!lines.get(close).startsWith("```")) {
			close++;
		}
		return new ArrayList<>(lines.subList(open + 1, close));
	}

}
