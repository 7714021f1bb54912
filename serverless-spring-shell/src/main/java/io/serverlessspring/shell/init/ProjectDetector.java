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

import javax.xml.parsers.DocumentBuilderFactory;

import io.serverlessspring.shell.packaging.PackagePreflight;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * Finds what {@code init} needs to know about a Spring Boot project without building it: Maven
 * coordinates from the pom, {@code @SpringBootApplication} classes from the sources, the
 * application name from {@code application.yml}/{@code .properties}, and the stages already set up.
 */
public class ProjectDetector {

	public static final String STARTER_GROUP = PackagePreflight.STARTER_GROUP;

	public static final String STARTER_ARTIFACT = PackagePreflight.STARTER_ARTIFACT;

	public static final String PLUGIN_ARTIFACT = "serverless-maven-plugin";

	private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

	private static final Pattern BOOT_APPLICATION = Pattern.compile("@(org\\.springframework\\.boot\\.autoconfigure\\.)?SpringBootApplication\\b");

	private static final Pattern MAIN_METHOD = Pattern.compile("static\\s+void\\s+main\\s*\\(");

	public SpringBootProject detect(Path directory) {
		Path project = directory.toAbsolutePath().normalize();
		Path pom = project.resolve("pom.xml");
		if (!Files.isRegularFile(pom)) {
			throw new InitException("No pom.xml in " + project + ": run init in a Maven Spring Boot project "
					+ "or give its folder with --project.");
		}
		Document document = parse(pom);
		Element root = document.getDocumentElement();
		Element parent = child(root, "parent");
		String groupId = text(root, "groupId", parent);
		String artifactId = text(child(root, "artifactId"));
		String version = text(root, "version", parent);
		if (artifactId == null) {
			throw new InitException(pom + " has no <artifactId>: it is not a Maven project pom.");
		}
		boolean hasStarter = false;
		Element dependencies = child(root, "dependencies");
		if (dependencies != null) {
			for (Element dependency : children(dependencies, "dependency")) {
				if (STARTER_GROUP.equals(text(child(dependency, "groupId")))
						&& STARTER_ARTIFACT.equals(text(child(dependency, "artifactId")))) {
					hasStarter = true;
				}
			}
		}
		boolean hasPlugin = false;
		Element plugins = child(child(root, "build"), "plugins");
		if (plugins != null) {
			for (Element plugin : children(plugins, "plugin")) {
				hasPlugin |= STARTER_GROUP.equals(text(child(plugin, "groupId")))
						&& PLUGIN_ARTIFACT.equals(text(child(plugin, "artifactId")));
			}
		}
		boolean managed = (parent != null && STARTER_GROUP.equals(text(child(parent, "groupId"))));
		Element management = child(root, "dependencyManagement");
		if (management != null && child(management, "dependencies") != null) {
			for (Element dependency : children(child(management, "dependencies"), "dependency")) {
				if (STARTER_GROUP.equals(text(child(dependency, "groupId")))) {
					managed = true;
				}
			}
		}
		return new SpringBootProject(project, pom, groupId, artifactId, version, mainClasses(project),
				applicationName(project), stages(project), hasStarter, managed, hasPlugin);
	}

	/** {@code @SpringBootApplication} classes with a {@code main} method under {@code src/main/java}. */
	static List<String> mainClasses(Path project) {
		Path sources = project.resolve("src/main/java");
		TreeSet<String> found = new TreeSet<>();
		if (!Files.isDirectory(sources)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(sources)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				String source = Files.readString(file, StandardCharsets.UTF_8);
				if (BOOT_APPLICATION.matcher(source).find() && MAIN_METHOD.matcher(source).find()) {
					String simpleName = file.getFileName().toString().replaceFirst("\\.java$", "");
					Matcher pkg = PACKAGE.matcher(source);
					found.add(pkg.find() ? pkg.group(1) + "." + simpleName : simpleName);
				}
			}
		}
		catch (IOException ex) {
			throw new InitException("Cannot read the sources in " + sources + ": " + ex.getMessage());
		}
		return List.copyOf(found);
	}

	/** {@code spring.application.name} from the base application file(s), or {@code null}. */
	static String applicationName(Path project) {
		Path resources = project.resolve("src/main/resources");
		for (String file : List.of("application.properties", "application.yaml", "application.yml")) {
			Path path = resources.resolve(file);
			if (!Files.isRegularFile(path)) {
				continue;
			}
			PropertySourceLoader loader = file.endsWith(".properties") ? new PropertiesPropertySourceLoader()
					: new YamlPropertySourceLoader();
			try {
				for (PropertySource<?> source : loader.load(file, new FileSystemResource(path))) {
					Object name = source.getProperty("spring.application.name");
					if (name != null && source.getProperty("spring.config.activate.on-profile") == null) {
						return name.toString();
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				throw new InitException(path + " cannot be read: " + ex.getMessage());
			}
		}
		return null;
	}

	/** Stages with an {@code application-<stage>.yml}, {@code .yaml} or {@code .properties}. */
	static List<String> stages(Path project) {
		Path resources = project.resolve("src/main/resources");
		TreeSet<String> stages = new TreeSet<>();
		if (Files.isDirectory(resources)) {
			try (Stream<Path> files = Files.list(resources)) {
				files.map(p -> p.getFileName().toString())
					.filter(n -> n.matches("application-.+\\.(ya?ml|properties)"))
					.map(n -> n.substring("application-".length(), n.lastIndexOf('.')))
					.forEach(stages::add);
			}
			catch (IOException ex) {
				// nothing listed
			}
		}
		return new ArrayList<>(stages);
	}

	private static Document parse(Path pom) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setNamespaceAware(false);
			return factory.newDocumentBuilder().parse(pom.toFile());
		}
		catch (Exception ex) {
			throw new InitException(pom + " is not valid XML: " + ex.getMessage());
		}
	}

	private static String text(Element element, String name, Element parent) {
		String own = text(child(element, name));
		return (own != null || parent == null) ? own : text(child(parent, name));
	}

	private static String text(Element element) {
		return (element != null) ? element.getTextContent().trim() : null;
	}

	static Element child(Element element, String name) {
		if (element == null) {
			return null;
		}
		for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element child && name.equals(child.getTagName())) {
				return child;
			}
		}
		return null;
	}

	private static List<Element> children(Element element, String name) {
		List<Element> result = new ArrayList<>();
		for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element child && name.equals(child.getTagName())) {
				result.add(child);
			}
		}
		return result;
	}

}
