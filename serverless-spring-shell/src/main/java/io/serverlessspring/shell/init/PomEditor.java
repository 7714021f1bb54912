package io.serverlessspring.shell.init;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

/**
 * Adds the starter dependency to a pom.xml as text, so the user's formatting, comments and order
 * stay as they were: the new {@code <dependency>} goes at the end of the project's own
 * {@code <dependencies>} (not the ones of {@code <dependencyManagement>} or a plugin), indented like
 * its neighbours.
 */
public final class PomEditor {

	private PomEditor() {
	}

	/**
	 * The pom with the starter added.
	 *
	 * @param pom the pom's text
	 * @param version the version to write, or {@code null} when the parent or a BOM manages it
	 */
	public static PomChange addStarter(String pom, String version) {
		String newline = pom.contains("\r\n") ? "\r\n" : "\n";
		Offsets offsets = scan(pom);
		if (offsets.projectEnd < 0) {
			throw new InitException("pom.xml has no </project> end tag: it cannot be edited safely.");
		}
		String updated;
		if (offsets.dependenciesEnd >= 0) {
			int lineStart = pom.lastIndexOf('\n', offsets.dependenciesEnd - 1) + 1;
			String closeIndent = leadingBlanks(pom, lineStart, offsets.dependenciesEnd);
			String unit = closeIndent.isEmpty() ? "  " : closeIndent;
			String block = dependency(closeIndent + unit, unit, version, newline);
			int insertAt = closeIndent.length() == offsets.dependenciesEnd - lineStart ? lineStart : offsets.dependenciesEnd;
			String prefix = (insertAt == lineStart) ? "" : newline;
			updated = pom.substring(0, insertAt) + prefix + block + pom.substring(insertAt);
		}
		else {
			int anchor = (offsets.buildStart >= 0) ? offsets.buildStart : offsets.projectEnd;
			int lineStart = pom.lastIndexOf('\n', anchor - 1) + 1;
			boolean ownLine = leadingBlanks(pom, lineStart, anchor).length() == anchor - lineStart;
			String unit = (offsets.buildStart >= 0 && ownLine) ? pom.substring(lineStart, anchor) : "  ";
			if (unit.isEmpty()) {
				unit = "  ";
			}
			String block = unit + "<dependencies>" + newline + dependency(unit + unit, unit, version, newline) + unit
					+ "</dependencies>" + newline + newline;
			int insertAt = ownLine ? lineStart : anchor;
			updated = pom.substring(0, insertAt) + (ownLine ? "" : newline) + block + pom.substring(insertAt);
		}
		return new PomChange(pom, updated, diff(pom, updated));
	}

	/**
	 * The pom with the Maven plugin added to the project's own {@code <build><plugins>} (created when
	 * missing), so {@code mvn serverless:deploy} works in it.
	 */
	public static PomChange addPlugin(String pom, String version) {
		String newline = pom.contains("\r\n") ? "\r\n" : "\n";
		Offsets offsets = scan(pom);
		if (offsets.projectEnd < 0) {
			throw new InitException("pom.xml has no </project> end tag: it cannot be edited safely.");
		}
		int anchor = (offsets.pluginsEnd >= 0) ? offsets.pluginsEnd
				: (offsets.buildEnd >= 0) ? offsets.buildEnd : offsets.projectEnd;
		int lineStart = pom.lastIndexOf('\n', anchor - 1) + 1;
		String closeIndent = leadingBlanks(pom, lineStart, anchor);
		boolean ownLine = closeIndent.length() == anchor - lineStart;
		String unit = (closeIndent.isEmpty() || offsets.pluginsEnd < 0 && offsets.buildEnd < 0) ? "  "
				: closeIndent.substring(0, Math.max(1, closeIndent.length() / ((offsets.pluginsEnd >= 0) ? 2 : 1)));
		String inner = (offsets.pluginsEnd >= 0) ? closeIndent + unit
				: (offsets.buildEnd >= 0) ? closeIndent + unit + unit : unit + unit + unit;
		String block = plugin(inner, unit, version, newline);
		if (offsets.pluginsEnd < 0) {
			String pluginsIndent = (offsets.buildEnd >= 0) ? closeIndent + unit : unit + unit;
			block = pluginsIndent + "<plugins>" + newline + block + pluginsIndent + "</plugins>" + newline;
			if (offsets.buildEnd < 0) {
				block = unit + "<build>" + newline + block + unit + "</build>" + newline;
			}
		}
		int insertAt = ownLine ? lineStart : anchor;
		String updated = pom.substring(0, insertAt) + (ownLine ? "" : newline) + block + pom.substring(insertAt);
		return new PomChange(pom, updated, diff(pom, updated));
	}

	private static String plugin(String indent, String unit, String version, String newline) {
		return indent + "<plugin>" + newline + indent + unit + "<groupId>" + ProjectDetector.STARTER_GROUP
				+ "</groupId>" + newline + indent + unit + "<artifactId>" + ProjectDetector.PLUGIN_ARTIFACT
				+ "</artifactId>" + newline + indent + unit + "<version>" + version + "</version>" + newline + indent
				+ "</plugin>" + newline;
	}

	private static String dependency(String indent, String unit, String version, String newline) {
		StringBuilder block = new StringBuilder();
		block.append(indent).append("<dependency>").append(newline);
		block.append(indent).append(unit).append("<groupId>").append(ProjectDetector.STARTER_GROUP).append("</groupId>")
			.append(newline);
		block.append(indent).append(unit).append("<artifactId>").append(ProjectDetector.STARTER_ARTIFACT)
			.append("</artifactId>").append(newline);
		if (version != null) {
			block.append(indent).append(unit).append("<version>").append(version).append("</version>").append(newline);
		}
		block.append(indent).append("</dependency>").append(newline);
		return block.toString();
	}

	private static String leadingBlanks(String text, int from, int to) {
		int end = from;
		while (end < to && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
			end++;
		}
		return text.substring(from, end);
	}

	/** A unified diff of the change, as {@code diff -u} prints it. */
	static String diff(String before, String after) {
		List<String> original = Arrays.asList(before.split("\r?\n", -1));
		List<String> revised = Arrays.asList(after.split("\r?\n", -1));
		Patch<String> patch = DiffUtils.diff(original, revised);
		return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff("pom.xml", "pom.xml", original, patch, 3));
	}

	/**
	 * Where the project's {@code </dependencies>}, {@code <build>} and {@code </project>} are, found by
	 * a small tag scanner that skips comments, CDATA and processing instructions.
	 */
	private static Offsets scan(String xml) {
		Offsets offsets = new Offsets();
		Deque<String> open = new ArrayDeque<>();
		int i = 0;
		while (i < xml.length()) {
			int lt = xml.indexOf('<', i);
			if (lt < 0) {
				break;
			}
			if (xml.startsWith("<!--", lt)) {
				i = skipPast(xml, lt, "-->");
				continue;
			}
			if (xml.startsWith("<![CDATA[", lt)) {
				i = skipPast(xml, lt, "]]>");
				continue;
			}
			if (xml.startsWith("<?", lt) || xml.startsWith("<!", lt)) {
				i = skipPast(xml, lt, ">");
				continue;
			}
			int gt = xml.indexOf('>', lt);
			if (gt < 0) {
				break;
			}
			String body = xml.substring(lt + 1, gt).trim();
			if (body.startsWith("/")) {
				String name = body.substring(1).trim();
				if (open.size() == 2 && "dependencies".equals(name) && "project".equals(open.peekLast())) {
					offsets.dependenciesEnd = lt;
				}
				if (open.size() == 3 && "plugins".equals(name) && List.copyOf(open).subList(1, 3).equals(List.of("build", "project"))) {
					offsets.pluginsEnd = lt;
				}
				if (open.size() == 2 && "build".equals(name) && "project".equals(open.peekLast())) {
					offsets.buildEnd = lt;
				}
				if (open.size() == 1 && "project".equals(name)) {
					offsets.projectEnd = lt;
				}
				if (!open.isEmpty()) {
					open.pop();
				}
			}
			else {
				String name = body.split("[\\s/]", 2)[0];
				if (open.size() == 1 && "build".equals(name) && offsets.buildStart < 0) {
					offsets.buildStart = lt;
				}
				if (!body.endsWith("/")) {
					open.push(name);
				}
			}
			i = gt + 1;
		}
		return offsets;
	}

	private static int skipPast(String xml, int from, String end) {
		int at = xml.indexOf(end, from);
		return (at < 0) ? xml.length() : at + end.length();
	}

	private static final class Offsets {

		int dependenciesEnd = -1;

		int buildStart = -1;

		int buildEnd = -1;

		int pluginsEnd = -1;

		int projectEnd = -1;

	}

	/**
	 * A pom.xml change.
	 *
	 * @param before the text before
	 * @param after the text after
	 * @param diff a unified diff from one to the other
	 */
	public record PomChange(String before, String after, String diff) {
	}

}
