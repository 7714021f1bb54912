package io.serverlessspring.shell.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.serverlessspring.boot.settings.FunctionSettings;
import io.serverlessspring.boot.settings.ServerlessProperties;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * Reads a stage's {@code serverless.*} settings from the project's {@code application.yml} and
 * {@code application-<stage>.yml} (or {@code .yaml}, {@code .properties}): the files the app itself
 * reads at run time, with Spring Boot's binding rules.
 *
 * <p>Unknown keys (checked against the configuration metadata), wrong types and out-of-range values
 * are errors naming the file, the line, the key and what is allowed.
 */
public class StageSettingsLoader {

	private static final List<String> EXTENSIONS = List.of("properties", "yaml", "yml");

	private static final Set<Integer> RETENTION_DAYS = Set.of(0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,
			400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

	private final SettingsMetadata metadata;

	public StageSettingsLoader(SettingsMetadata metadata) {
		this.metadata = metadata;
	}

	public StageSettings load(Path projectDir, String stage) {
		Path project = projectDir.toAbsolutePath().normalize();
		if (!Files.isDirectory(project)) {
			throw new SettingsException("Project directory " + project + " does not exist (--project).");
		}
		if (stage == null || stage.isBlank()) {
			throw new SettingsException("No stage given. Stages of " + project + ": " + String.join(", ", stages(project)) + ".");
		}
		if (!stage.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,30}")) {
			throw new SettingsException("Stage '" + stage
					+ "' is not a valid stage name: use letters, digits, '-' or '_' (at most 31 characters).");
		}
		Path resources = project.resolve("src/main/resources");
		List<Path> baseFiles = existing(resources, "application");
		List<Path> stageFiles = existing(resources, "application-" + stage);
		List<PropertySource<?>> base = new ArrayList<>();
		List<PropertySource<?>> staged = new ArrayList<>();
		for (Path file : baseFiles) {
			for (PropertySource<?> document : read(file)) {
				String onProfile = String.valueOf(document.getProperty("spring.config.activate.on-profile"));
				if (document.getProperty("spring.config.activate.on-profile") == null) {
					base.add(document);
				}
				else if (Arrays.asList(onProfile.split("\\s*,\\s*")).contains(stage)) {
					staged.add(document);
				}
			}
		}
		for (Path file : stageFiles) {
			staged.addAll(read(file));
		}
		if (stageFiles.isEmpty() && staged.isEmpty()) {
			throw new SettingsException("Unknown stage '" + stage + "': no application-" + stage
					+ ".yml (or .yaml, .properties) in " + resources + ". Stages of this project: " + String.join(", ", stages(project))
					+ ".");
		}
		// Highest precedence first: later documents and stage files win, as in Spring Boot.
		MutablePropertySources sources = new MutablePropertySources();
		List<PropertySource<?>> ordered = new ArrayList<>(staged);
		java.util.Collections.reverse(ordered);
		List<PropertySource<?>> baseOrdered = new ArrayList<>(base);
		java.util.Collections.reverse(baseOrdered);
		ordered.addAll(baseOrdered);
		ordered.forEach(sources::addLast);

		List<String> problems = new ArrayList<>(unknownKeys(ordered));
		MutablePropertySources withEnvironment = new MutablePropertySources(sources);
		withEnvironment.addLast(new SystemEnvironmentPropertySource("environment", new java.util.HashMap<>(
				(java.util.Map) System.getenv())));
		Binder binder = new Binder(ConfigurationPropertySources.from(sources),
				new PropertySourcesPlaceholdersResolver(withEnvironment));
		ServerlessProperties properties;
		try {
			properties = binder.bindOrCreate("serverless", Bindable.of(ServerlessProperties.class));
		}
		catch (BindException ex) {
			problems.add(describe(ex));
			throw new SettingsException(problems);
		}
		if (!problems.isEmpty()) {
			throw new SettingsException(problems);
		}
		String applicationName = binder.bind("spring.application.name", String.class)
			.orElse(project.getFileName().toString());
		properties.setStage(stage);
		String functionName = (properties.getFunction().getName() != null) ? properties.getFunction().getName()
				: applicationName + "-" + stage;
		List<Path> files = new ArrayList<>(baseFiles);
		files.addAll(stageFiles);
		validate(properties, functionName, ordered, problems);
		if (!problems.isEmpty()) {
			throw new SettingsException(problems);
		}
		return new StageSettings(project, stage, applicationName, functionName, properties, files);
	}

	/** Stage names found in a project (application-*.yml files and on-profile documents). */
	public List<String> stages(Path project) {
		Set<String> stages = new TreeSet<>();
		Path resources = project.resolve("src/main/resources");
		if (Files.isDirectory(resources)) {
			try (Stream<Path> files = Files.list(resources)) {
				files.map(path -> path.getFileName().toString())
					.filter(name -> name.startsWith("application-"))
					.filter(name -> EXTENSIONS.stream().anyMatch(ext -> name.endsWith("." + ext)))
					.map(name -> name.substring("application-".length(), name.lastIndexOf('.')))
					.forEach(stages::add);
			}
			catch (IOException ex) {
				// no stages to list
			}
		}
		return new ArrayList<>(stages);
	}

	private List<String> unknownKeys(List<PropertySource<?>> sources) {
		List<String> problems = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (PropertySource<?> source : sources) {
			if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
				continue;
			}
			for (String name : enumerable.getPropertyNames()) {
				if (!name.toLowerCase(Locale.ROOT).startsWith("serverless.") || !seen.add(name)
						|| this.metadata.isKnown(name)) {
					continue;
				}
				StringBuilder problem = new StringBuilder(where(source, name)).append("unknown setting ")
					.append(name);
				List<String> suggestions = this.metadata.suggestions(name);
				if (!suggestions.isEmpty()) {
					problem.append(" (did you mean ").append(String.join(" or ", suggestions)).append("?)");
				}
				else {
					String group = name.contains(".") ? name.substring(0, name.indexOf('.', "serverless.".length()) > 0
							? name.indexOf('.', "serverless.".length()) : name.length()) : name;
					List<String> keys = this.metadata.keysUnder(group);
					problem.append(keys.isEmpty() ? "; see docs/settings.md"
							: "; settings of " + group + ": " + String.join(", ", keys));
				}
				problems.add(problem.toString());
			}
		}
		return problems;
	}

	private String describe(BindException ex) {
		ConfigurationProperty property = ex.getProperty();
		Throwable cause = ex.getCause();
		while (cause != null && cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String key = (property != null) ? property.getName().toString() : ex.getName().toString();
		String value = (property != null) ? String.valueOf(property.getValue()) : "?";
		String where = (property != null) ? where(property.getOrigin()) : "";
		Class<?> target = ex.getTarget().getType().resolve();
		return where + key + " = '" + value + "' is not valid: expected " + expected(target)
				+ ((cause != null && cause.getMessage() != null && target != null && !target.isEnum()
						&& !isNumber(target) && target != boolean.class) ? " (" + cause.getMessage() + ")" : "");
	}

	private static boolean isNumber(Class<?> type) {
		return type == int.class || type == Integer.class || type == long.class || type == Long.class;
	}

	private static String expected(Class<?> type) {
		if (type == null) {
			return "a different value";
		}
		if (type.isEnum()) {
			List<String> allowed = new ArrayList<>();
			for (Object constant : type.getEnumConstants()) {
				allowed.add(((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'));
			}
			return "one of " + String.join(", ", allowed);
		}
		if (isNumber(type)) {
			return "a whole number";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true or false";
		}
		return "a " + type.getSimpleName();
	}

	private void validate(ServerlessProperties properties, String functionName, List<PropertySource<?>> sources,
			List<String> problems) {
		FunctionSettings function = properties.getFunction();
		range(problems, sources, "serverless.function.memory", function.getMemory(), 128, 10240);
		range(problems, sources, "serverless.function.timeout", function.getTimeout(), 1, 900);
		range(problems, sources, "serverless.function.ephemeral-storage", function.getEphemeralStorage(), 512, 10240);
		range(problems, sources, "serverless.function.provisioned-concurrency", function.getProvisionedConcurrency(),
				0, 100000);
		if (function.getReservedConcurrency() != null) {
			range(problems, sources, "serverless.function.reserved-concurrency", function.getReservedConcurrency(), 0,
					100000);
		}
		range(problems, sources, "serverless.deploy.retained-versions", properties.getDeploy().getRetainedVersions(),
				1, 1000);
		if (!RETENTION_DAYS.contains(properties.getLogs().getRetentionDays())) {
			problems.add(where(sources, "serverless.logs.retention-days") + "serverless.logs.retention-days = "
					+ properties.getLogs().getRetentionDays() + " is not valid: expected 0 (forever) or one of "
					+ new TreeSet<>(RETENTION_DAYS).stream().filter(d -> d > 0).toList());
		}
		if (!functionName.matches("[A-Za-z0-9_-]{1,64}")) {
			problems.add(where(sources, "serverless.function.name") + "function name '" + functionName
					+ "' is not valid: at most 64 letters, digits, '-' or '_'"
					+ (properties.getFunction().getName() == null
							? " (it comes from spring.application.name; set serverless.function.name)" : ""));
		}
		String endpoint = properties.getDeploy().getEndpoint();
		if (endpoint != null && !endpoint.equalsIgnoreCase("local") && !endpoint.matches("https?://.+")) {
			problems.add(where(sources, "serverless.deploy.endpoint") + "serverless.deploy.endpoint = '" + endpoint
					+ "' is not valid: expected 'local' or an http(s):// URL");
		}
		if (!function.getVpc().getSubnetIds().isEmpty() && function.getVpc().getSecurityGroupIds().isEmpty()) {
			problems.add(where(sources, "serverless.function.vpc.subnet-ids")
					+ "serverless.function.vpc.subnet-ids needs serverless.function.vpc.security-group-ids too");
		}
	}

	private static void range(List<String> problems, List<PropertySource<?>> sources, String key, int value, int min,
			int max) {
		if (value < min || value > max) {
			problems.add(where(sources, key) + key + " = " + value + " is not valid: expected " + min + " to " + max);
		}
	}

	private static String where(List<PropertySource<?>> sources, String key) {
		for (PropertySource<?> source : sources) {
			if (source instanceof EnumerablePropertySource<?> enumerable) {
				for (String name : enumerable.getPropertyNames()) {
					if (SettingsMetadata.canonical(name).equals(SettingsMetadata.canonical(key))) {
						return where(source, name);
					}
				}
			}
		}
		return "";
	}

	private static String where(PropertySource<?> source, String name) {
		Origin origin = OriginLookup.getOrigin(source, name);
		if (origin == null) {
			return source.getName() + ": ";
		}
		return where(origin);
	}

	private static String where(Origin origin) {
		for (Origin candidate = origin; candidate != null; candidate = next(candidate)) {
			if (candidate instanceof TextResourceOrigin) {
				origin = candidate;
				break;
			}
		}
		if (origin instanceof TextResourceOrigin text && text.getResource() != null) {
			String file = text.getResource().getFilename();
			return (text.getLocation() != null) ? file + " line " + (text.getLocation().getLine() + 1) + ": "
					: file + ": ";
		}
		return (origin != null) ? origin + ": " : "";
	}

	private static Origin next(Origin origin) {
		if (origin instanceof org.springframework.boot.origin.PropertySourceOrigin source && source.getOrigin() != null
				&& source.getOrigin() != origin) {
			return source.getOrigin();
		}
		return origin.getParent();
	}

	private static List<Path> existing(Path dir, String baseName) {
		List<Path> found = new ArrayList<>();
		for (String extension : EXTENSIONS) {
			Path file = dir.resolve(baseName + "." + extension);
			if (Files.isRegularFile(file)) {
				found.add(file);
			}
		}
		return found;
	}

	private static List<PropertySource<?>> read(Path file) {
		String name = file.getFileName().toString();
		PropertySourceLoader loader = name.endsWith(".properties") ? new PropertiesPropertySourceLoader()
				: new YamlPropertySourceLoader();
		try {
			return loader.load(name, new FileSystemResource(file));
		}
		catch (IOException | RuntimeException ex) {
			throw new SettingsException(name + ": cannot be read: " + ex.getMessage());
		}
	}

}
