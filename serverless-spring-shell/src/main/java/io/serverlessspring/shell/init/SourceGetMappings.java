package io.serverlessspring.shell.init;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.serverlessspring.shell.packaging.HttpGetMappings;

/**
 * The GET paths the app's controllers map, read from its sources: {@code init} runs before any
 * build, so it cannot read classes as deploy does ({@code packaging.HttpGetMappings}). A first
 * guess for the touch path the user confirms; paths with variables are left out.
 */
final class SourceGetMappings {

	private static final Pattern CONTROLLER = Pattern.compile("@(?:[\\w.]+\\.)?(RestController|Controller)\\b");

	private static final Pattern CLASS_MAPPING = Pattern
		.compile("@(?:[\\w.]+\\.)?RequestMapping\\(\\s*(?:(?:value|path)\\s*=\\s*)?\\{?\\s*\"([^\"]*)\"[^)]*\\)\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*"
				+ "(?:public\\s+|final\\s+|abstract\\s+)*class\\b");

	private static final Pattern GET_MAPPING = Pattern
		.compile("@(?:[\\w.]+\\.)?GetMapping\\b(?:\\(\\s*(?:(?:value|path)\\s*=\\s*)?\\{?\\s*(?:\"([^\"]*)\")?[^)]*\\))?");

	private SourceGetMappings() {
	}

	static List<String> find(Path project) {
		Path sources = project.resolve("src/main/java");
		TreeSet<String> paths = new TreeSet<>();
		if (!Files.isDirectory(sources)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(sources)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				paths.addAll(ofSource(Files.readString(file, StandardCharsets.UTF_8)));
			}
		}
		catch (IOException ex) {
			return List.of();
		}
		return List.copyOf(paths);
	}

	static List<String> ofSource(String source) {
		if (!CONTROLLER.matcher(source).find()) {
			return List.of();
		}
		Matcher classMapping = CLASS_MAPPING.matcher(source);
		String prefix = classMapping.find() ? classMapping.group(1) : "";
		List<String> paths = new ArrayList<>();
		Matcher get = GET_MAPPING.matcher(source);
		while (get.find()) {
			String path = HttpGetMappings.join(prefix, (get.group(1) != null) ? get.group(1) : "");
			if (!path.contains("{") && !path.contains("*")) {
				paths.add(path);
			}
		}
		return paths;
	}

}
