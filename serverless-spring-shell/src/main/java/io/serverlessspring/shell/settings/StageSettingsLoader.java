package io.serverlessspring.shell.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

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
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * Reads a stage's {@code serverless.*} settings from the project's {@code application.yml} and
 * {@code application-<stage>.yml} (or {@code .yaml}, {@code .properties}): the files the app itself
 * reads at run time, with Spring Boot's binding rules and precedence.
 *
 * <p>A stage's file may say {@code serverless.stage.extends: dev}: the stage then starts from dev's
 * settings, as if the app ran with the profiles {@code dev,prod} (chains allowed, loops are errors).
 *
 * <p>Unknown keys (checked against the configuration metadata), wrong types and out-of-range values
 * are errors naming the file, the line, the key and what is allowed.
 */
public class StageSettingsLoader {

	/**
	 * The stage a stage's file extends. Only the console reads it: the function binds
	 * {@code serverless.stage} as a plain string, which a {@code serverless.stage.extends} beside it
	 * leaves alone, and it sees the extended stage's settings through its active profiles.
	 */
	public static final String EXTENDS = "serverless.stage.extends";

	// Lowest precedence first: Spring Boot lets .properties win over .yml and .yml over .yaml.
	private static final List<String> EXTENSIONS = List.of("yaml", "yml", "properties");

	private static final String STAGE_NAME = "[A-Za-z0-9][A-Za-z0-9_-]{0,30}";


	private final SettingsMetadata metadata;

	public StageSettingsLoader(SettingsMetadata metadata) {
		this.metadata = metadata;
	}

	public StageSettings load(Path projectDir, String stage) {
		return read(projectDir, stage).settings();
	}

	/**
	 * The stage's settings and every {@code serverless.*} value they resolve to, each with where it
	 * came from (file and line, or {@code default}), secret-looking values masked ({@link SecretMask}).
	 */
	public ResolvedSettings resolve(Path projectDir, String stage) {
		Loaded loaded = read(projectDir, stage);
		return new ResolvedSettings(loaded.settings(), EffectiveSettings.list(loaded.settings().properties(),
				this.metadata, loaded.sources(), loaded.placeholders(), (source, name) -> label(loaded, source, name)));
	}

	private Loaded read(Path projectDir, String stage) {
		Path project = projectDir.toAbsolutePath().normalize();
		if (!Files.isDirectory(project)) {
			throw new SettingsException("Project directory " + project + " does not exist (--project).");
		}
		if (stage == null || stage.isBlank()) {
			throw new SettingsException("No stage given. Stages of " + project + ": " + String.join(", ", stages(project)) + ".");
		}
		if (!stage.matches(STAGE_NAME)) {
			throw new SettingsException("Stage '" + stage
					+ "' is not a valid stage name: use letters, digits, '-' or '_' (at most 31 characters).");
		}
		Path resources = project.resolve("src/main/resources");
		List<Document> base = new ArrayList<>();
		for (Path file : existing(resources, "application")) {
			for (PropertySource<?> source : read(file)) {
				Object onProfile = source.getProperty("spring.config.activate.on-profile");
				List<String> profiles = (onProfile != null) ? Arrays.asList(String.valueOf(onProfile).split("\\s*,\\s*"))
						: null;
				base.add(new Document(file, source, profiles));
			}
		}
		rejectExtendsOfEveryStage(base);
		Map<String, List<Document>> stageFiles = new LinkedHashMap<>();
		List<String> profiles = chain(project, resources, stage, base, stageFiles);

		// Lowest precedence first, as Spring Boot with these profiles active: application.* (its
		// documents in order, those of another profile left out), then each profile's own files.
		List<Document> lowestFirst = new ArrayList<>(onProfile(base, profiles));
		profiles.forEach(profile -> lowestFirst.addAll(stageFiles.get(profile)));
		List<PropertySource<?>> ordered = new ArrayList<>();
		Map<PropertySource<?>, String> stageOf = new IdentityHashMap<>();
		Set<Path> files = new LinkedHashSet<>();
		for (Document document : lowestFirst) {
			ordered.add(0, document.source());
			files.add(document.file());
			if (document.stage() != null) {
				stageOf.put(document.source(), document.stage());
			}
			else if (document.profiles() != null) {
				profiles.stream().filter(document.profiles()::contains).findFirst()
					.ifPresent(profile -> stageOf.put(document.source(), profile));
			}
		}
		MutablePropertySources sources = new MutablePropertySources();
		ordered.forEach(sources::addLast);

		List<String> problems = new ArrayList<>(unknownKeys(ordered));
		MutablePropertySources withEnvironment = new MutablePropertySources(sources);
		withEnvironment.addLast(new SystemEnvironmentPropertySource("environment", new HashMap<>(System.getenv())));
		PropertySourcesPlaceholdersResolver placeholders = new PropertySourcesPlaceholdersResolver(withEnvironment);
		Binder binder = new Binder(ConfigurationPropertySources.from(sources), placeholders);
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
		StageSettingsValidator.validate(properties, functionName, ordered, problems);
		if (!problems.isEmpty()) {
			throw new SettingsException(problems);
		}
		StageSettings settings = new StageSettings(project, stage, applicationName, functionName, properties,
				new ArrayList<>(files), profiles,
				binder.bind("spring.config.import", Bindable.listOf(String.class)).orElse(List.of()));
		return new Loaded(settings, ordered, stageOf, placeholders);
	}

	/**
	 * Follows {@code serverless.stage.extends} from {@code stage}: the profiles, most extended
	 * first. Fills {@code stageFiles} with each stage's own files' documents.
	 */
	private List<String> chain(Path project, Path resources, String stage, List<Document> base,
			Map<String, List<Document>> stageFiles) {
		List<String> chain = new ArrayList<>();
		List<String> declaredIn = new ArrayList<>();
		String current = stage;
		while (true) {
			List<Document> own = new ArrayList<>(profileDocuments(base, current));
			own.addAll(stageFiles.computeIfAbsent(current, name -> stageFiles(resources, name)));
			if (own.isEmpty()) {
				throw new SettingsException("Unknown stage '" + stage + "': no application-" + stage
						+ ".yml (or .yaml, .properties) in " + resources + ". Stages of this project: "
						+ String.join(", ", stages(project)) + ".");
			}
			chain.add(current);
			Declaration declaration = declaration(own);
			if (declaration == null) {
				List<String> profiles = new ArrayList<>(chain);
				Collections.reverse(profiles);
				return profiles;
			}
			String parent = declaration.value();
			String where = SettingsLocations.where(declaration.source(), declaration.name());
			declaredIn.add(declaration.file().getFileName().toString());
			if (!parent.matches(STAGE_NAME)) {
				throw new SettingsException(where + EXTENDS + " = '" + parent
						+ "' is not a valid stage name: use letters, digits, '-' or '_' (at most 31 characters).");
			}
			if (chain.contains(parent)) {
				List<String> loop = new ArrayList<>(declaredIn.subList(chain.indexOf(parent), declaredIn.size()));
				loop.add(declaredIn.get(chain.indexOf(parent)));
				throw new SettingsException("Stage '" + parent + "' extends itself through " + String.join(" -> ", loop)
						+ ": remove " + EXTENDS + " from one of them.");
			}
			if (stageFiles.computeIfAbsent(parent, name -> stageFiles(resources, name)).isEmpty()
					&& profileDocuments(base, parent).isEmpty()) {
				throw new SettingsException(where + EXTENDS + " = '" + parent + "' names no stage: there is no application-"
						+ parent + ".yml (or .yaml, .properties) in " + resources + ". Stages of this project: "
						+ String.join(", ", stages(project)) + ".");
			}
			current = parent;
		}
	}

	/** In a document every stage reads, extends would make each stage extend itself at some point. */
	private static void rejectExtendsOfEveryStage(List<Document> base) {
		for (Document document : base) {
			Declaration misplaced = (document.profiles() == null) ? declaration(List.of(document)) : null;
			if (misplaced != null) {
				throw new SettingsException(SettingsLocations.where(misplaced.source(), misplaced.name()) + EXTENDS
						+ " belongs in a stage's own file (application-<stage>.yml): in " + document.file().getFileName()
						+ " it would make every stage, " + misplaced.value() + " included, extend " + misplaced.value());
			}
		}
	}

	/** Where a value came from: its file and line, and which extended stage that file belongs to. */
	private static String label(Loaded loaded, PropertySource<?> source, String name) {
		String stage = loaded.stageOf().get(source);
		String location = SettingsLocations.location(source, name);
		return (stage != null && !stage.equals(loaded.settings().stage())) ? location + " (extended stage " + stage + ")"
				: location;
	}

	/** The stage a group of documents extends: the highest-precedence declaration among them, or null. */
	private static Declaration declaration(List<Document> lowestFirst) {
		for (int i = lowestFirst.size() - 1; i >= 0; i--) {
			Document document = lowestFirst.get(i);
			if (document.source() instanceof EnumerablePropertySource<?> enumerable) {
				for (String name : enumerable.getPropertyNames()) {
					if (isExtends(name)) {
						return new Declaration(document.file(), document.source(), name,
								String.valueOf(document.source().getProperty(name)).trim());
					}
				}
			}
		}
		return null;
	}

	/** The documents of application.* that only one stage reads ({@code spring.config.activate.on-profile}). */
	private static List<Document> profileDocuments(List<Document> base, String stage) {
		return base.stream().filter(document -> document.profiles() != null && document.profiles().contains(stage)).toList();
	}

	private static List<Document> onProfile(List<Document> base, List<String> profiles) {
		return base.stream()
			.filter(document -> document.profiles() == null || document.profiles().stream().anyMatch(profiles::contains))
			.toList();
	}

	private static List<Document> stageFiles(Path resources, String stage) {
		List<Document> documents = new ArrayList<>();
		for (Path file : existing(resources, "application-" + stage)) {
			read(file).forEach(source -> documents.add(new Document(file, source, stage)));
		}
		return documents;
	}

	/** One document of a settings file: of every stage, of some profiles (on-profile), or of one stage's file. */
	private record Document(Path file, PropertySource<?> source, List<String> profiles, String stage) {

		Document(Path file, PropertySource<?> source, List<String> profiles) {
			this(file, source, profiles, null);
		}

		Document(Path file, PropertySource<?> source, String stage) {
			this(file, source, null, stage);
		}

	}

	private record Declaration(Path file, PropertySource<?> source, String name, String value) {
	}

	/** What was read, kept for {@link #resolve}: sources highest precedence first. */
	private record Loaded(StageSettings settings, List<PropertySource<?>> sources, Map<PropertySource<?>, String> stageOf,
			PropertySourcesPlaceholdersResolver placeholders) {
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
						|| this.metadata.isKnown(name) || isExtends(name)) {
					continue;
				}
				StringBuilder problem = new StringBuilder(SettingsLocations.where(source, name)).append("unknown setting ")
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
		String where = (property != null) ? SettingsLocations.where(property.getOrigin()) : "";
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

	static boolean isExtends(String name) {
		return SettingsMetadata.canonical(name).equals(SettingsMetadata.canonical(EXTENDS));
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
