package io.serverlessspring.shell.init;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.serverlessspring.boot.settings.DeploySettings;
import io.serverlessspring.shell.model.TouchPath;
import io.serverlessspring.shell.packaging.HttpGetMappings;

/**
 * Sets a Spring Boot project up for serverless: adds the starter to its pom.xml (showing the
 * change) and writes {@code application-<stage>.yml} with commented settings.
 *
 * <p>Every answer is checked before anything is written, and an existing stage file is replaced
 * only when the user says so ({@code --force}, or yes to the question).
 */
public class ProjectInitializer {

	static final List<String> HTTP_TYPES = List.of("http-api", "rest-api", "function-url", "alb", "none");

	private static final String STAGE_PATTERN = "[A-Za-z0-9][A-Za-z0-9_-]{0,30}";

	private static final String REGION_PATTERN = "[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d{1,2}";

	private static final String BUCKET_PATTERN = "(?!xn--)(?!.*\\.\\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]";

	private static final int ATTEMPTS = 3;

	static final String LOCAL = "local";

	static final String AWS = "aws";

	/** Where a stage runs: the local cloud or AWS. */
	static final List<String> TARGETS = List.of(LOCAL, AWS);

	/** The touch path answer for no touch. */
	static final String NO_TOUCH = "none";

	private final ProjectDetector detector;

	private final Supplier<String> defaultRegion;

	private final Supplier<String> starterVersion;

	private final BooleanSupplier awsCredentials;

	/**
	 * @param detector reads the project
	 * @param defaultRegion the region of the user's AWS profile, or {@code null} when none is set
	 * @param starterVersion the starter version to write when nothing manages it
	 */
	public ProjectInitializer(ProjectDetector detector, Supplier<String> defaultRegion, Supplier<String> starterVersion) {
		this(detector, defaultRegion, starterVersion, () -> true);
	}

	/**
	 * @param awsCredentials whether AWS credentials are found: without, a stage defaults to the local cloud
	 */
	public ProjectInitializer(ProjectDetector detector, Supplier<String> defaultRegion, Supplier<String> starterVersion,
			BooleanSupplier awsCredentials) {
		this.detector = detector;
		this.defaultRegion = defaultRegion;
		this.starterVersion = starterVersion;
		this.awsCredentials = awsCredentials;
	}

	/** Runs init; returns what was written (empty when the user declined everything). */
	public List<Path> run(InitOptions options, InitPrompter prompter, PrintWriter out) {
		checkGiven(options);
		SpringBootProject project = this.detector.detect(options.project());
		if (project.mainClasses().isEmpty()) {
			throw new InitException("No @SpringBootApplication class with a main method under "
					+ project.directory().resolve("src/main/java")
					+ ": init sets up Spring Boot applications (add one, or give the app's folder with --project).");
		}
		out.println("Spring Boot app " + project.name() + " (" + project.groupId() + ":" + project.artifactId() + ":"
				+ project.version() + ")");
		out.println("  main class:  " + String.join(", ", project.mainClasses()));
		out.println("  stages:      " + (project.stages().isEmpty() ? "none yet" : String.join(", ", project.stages())));
		out.println("  starter:     " + (project.hasStarter() ? "present" : "missing"));
		if (project.mainClasses().size() > 1) {
			out.println("  note: more than one @SpringBootApplication class; the package needs exactly one.");
		}
		out.flush();
		boolean ask = !options.yes();

		String stage = answer(options.stage(), "dev", ask, v -> v.matches(STAGE_PATTERN),
				"Stage name (dev, prod, ...)", "letters, digits, '-' or '_', at most 31 characters", "--stage",
				prompter, out);
		Path resources = project.directory().resolve("src/main/resources");
		StageFile draft = new StageFile(project.name(), stage, "", null, "", 0, null);
		Path stageFile = resources.resolve(draft.fileName());
		boolean writeStage = true;
		if (existingStageFile(resources, stage) != null) {
			Path existing = existingStageFile(resources, stage);
			if (options.force()) {
				out.println(existing.getFileName() + " exists and will be replaced (--force).");
			}
			else if (!ask) {
				throw new InitException(existing.getFileName() + " already exists in " + resources
						+ ": pass --force to replace it, or choose another --stage. Nothing was changed.");
			}
			else {
				writeStage = prompter.confirm(existing.getFileName() + " exists. Replace it?", false);
				if (!writeStage) {
					out.println("Keeping " + existing.getFileName() + " as it is.");
				}
			}
			stageFile = existing.getFileName().toString().endsWith(".yml") ? existing : stageFile;
		}

		StageFile answers = null;
		if (writeStage) {
			String endpoint = options.endpoint();
			if (endpoint == null) {
				boolean credentials = this.awsCredentials.getAsBoolean();
				String where = ask ? prompter.select("Where does the stage run?", TARGETS, credentials ? AWS : LOCAL)
						: credentials ? AWS : LOCAL;
				if (!ask && !credentials) {
					out.println("No AWS credentials found: the stage runs on the local cloud (serverless.deploy.endpoint: "
							+ "local). For AWS, set up credentials (aws configure) and run init with --endpoint aws.");
				}
				endpoint = where.equals(LOCAL) ? "local" : null;
			}
			else if (endpoint.equalsIgnoreCase(AWS)) {
				endpoint = null;
			}
			// The local cloud has one region and its own bucket: nothing to ask.
			boolean askAws = ask && !"local".equalsIgnoreCase(endpoint);
			String region = answer(options.region(), defaultRegion(), askAws, v -> v.matches(REGION_PATTERN),
					"AWS region", "a region name such as eu-west-1", "--region", prompter, out);
			String bucket = answer(options.bucket(), "default", askAws,
					v -> v.equals("default") || v.matches(BUCKET_PATTERN),
					"S3 bucket for packages ('default' for serverless-spring-<account>-<region>)",
					"3 to 63 lower-case letters, digits, '.' or '-', or 'default'", "--bucket", prompter, out);
			String httpType = (options.httpType() != null) ? options.httpType()
					: ask ? prompter.select("HTTP front", HTTP_TYPES, "http-api") : "http-api";
			String memory = answer(options.memory() != null ? options.memory().toString() : null, "1024", ask,
					v -> v.matches("\\d{3,5}") && Integer.parseInt(v) >= 128 && Integer.parseInt(v) <= 10240,
					"Memory (MB)", "a whole number from 128 to 10240", "--memory", prompter, out);
			answers = new StageFile(project.name(), stage, region, bucket.equals("default") ? null : bucket,
					httpType, Integer.parseInt(memory), endpoint, touchPath(options, project, ask, prompter));
		}

		PomEditor.PomChange pomChange = null;
		if ((!project.hasStarter() || !project.hasPlugin()) && !options.skipPom()) {
			String ownVersion = this.starterVersion.get();
			String version = project.starterVersionManaged() ? null : ownVersion;
			if ((!project.starterVersionManaged() || !project.hasPlugin()) && ownVersion == null) {
				throw new InitException("Cannot tell which version of " + ProjectDetector.STARTER_ARTIFACT
						+ " to add: add it to pom.xml yourself, or run init with --skip-pom. Nothing was changed.");
			}
			String pom = read(project.pom());
			String after = project.hasStarter() ? pom : PomEditor.addStarter(pom, version).after();
			after = project.hasPlugin() ? after : PomEditor.addPlugin(after, ownVersion).after();
			pomChange = new PomEditor.PomChange(pom, after, PomEditor.diff(pom, after));
			out.println("pom.xml needs " + (project.hasStarter() ? "" : "the starter (the Lambda handler)")
					+ (!project.hasStarter() && !project.hasPlugin() ? " and " : "")
					+ (project.hasPlugin() ? "" : "the Maven plugin (mvn serverless:deploy)") + ":");
			out.println(pomChange.diff());
			out.flush();
			if (ask && !prompter.confirm("Change pom.xml as shown?", true)) {
				out.println("pom.xml left as it is: add the lines above before deploying.");
				pomChange = null;
			}
		}

		List<Path> written = new ArrayList<>();
		if (pomChange != null) {
			write(project.pom(), pomChange.after());
			written.add(project.pom());
			out.println("Updated pom.xml");
		}
		if (answers != null) {
			write(stageFile, answers.render());
			written.add(stageFile);
			out.println("Wrote " + project.directory().relativize(stageFile));
		}
		if (answers != null || pomChange != null) {
			out.println("Next: " + nextCommand(project, stage, pomChange != null || project.hasPlugin(),
					this.starterVersion.get()));
		}
		out.flush();
		return written;
	}

	/** The command that deploys the stage, as the user types it where they ran init. */
	static String nextCommand(SpringBootProject project, String stage, boolean plugin, String pluginVersion) {
		Path here = Path.of("").toAbsolutePath().normalize();
		String mvn = "mvn " + (project.directory().equals(here) ? "" : "-f " + project.pom() + " ");
		if (plugin) {
			return mvn + "serverless:deploy -Dserverless.stage=" + stage;
		}
		if (pluginVersion != null) {
			// not in the pom: Maven runs a plugin named by its full coordinates all the same
			return mvn + ProjectDetector.STARTER_GROUP + ":" + ProjectDetector.PLUGIN_ARTIFACT + ":" + pluginVersion
					+ ":deploy -Dserverless.stage=" + stage;
		}
		// no version known (a console built from source): the console itself deploys it
		return "./serverless deploy " + stage + " --project " + project.directory();
	}

	/** {@code --touch-path}, else a GET path of the app's controllers (asked when there are several). */
	private static String touchPath(InitOptions options, SpringBootProject project, boolean ask, InitPrompter prompter) {
		if (options.touchPath() != null) {
			return options.touchPath().equals(NO_TOUCH) ? null : options.touchPath();
		}
		List<String> mappings = SourceGetMappings.find(project.directory());
		if (mappings.isEmpty()) {
			return null;
		}
		String suggested = TouchPath.choose(new DeploySettings(), new HttpGetMappings.Found(mappings, false));
		if (!ask) {
			return suggested;
		}
		List<String> choices = new ArrayList<>(mappings);
		choices.add(NO_TOUCH);
		String chosen = prompter.select("GET path deploy calls to check the app answers", choices, suggested);
		return chosen.equals(NO_TOUCH) ? null : chosen;
	}

	/** Checks every value given as an option before anything is asked or written. */
	private static void checkGiven(InitOptions options) {
		List<String> problems = new ArrayList<>();
		if (options.stage() != null && !options.stage().matches(STAGE_PATTERN)) {
			problems.add("--stage '" + options.stage() + "' is not valid: letters, digits, '-' or '_', at most 31 characters");
		}
		if (options.region() != null && !options.region().matches(REGION_PATTERN)) {
			problems.add("--region '" + options.region() + "' is not valid: expected a region name such as eu-west-1");
		}
		if (options.bucket() != null && !options.bucket().equals("default") && !options.bucket().matches(BUCKET_PATTERN)) {
			problems.add("--bucket '" + options.bucket()
					+ "' is not a valid S3 bucket name: 3 to 63 lower-case letters, digits, '.' or '-'");
		}
		if (options.httpType() != null && !HTTP_TYPES.contains(options.httpType())) {
			problems.add("--http-type '" + options.httpType() + "' is not valid: expected one of "
					+ String.join(", ", HTTP_TYPES));
		}
		if (options.memory() != null && (options.memory() < 128 || options.memory() > 10240)) {
			problems.add("--memory " + options.memory() + " is not valid: expected 128 to 10240 (MB)");
		}
		if (options.endpoint() != null && !options.endpoint().equalsIgnoreCase("local")
				&& !options.endpoint().equalsIgnoreCase(AWS) && !options.endpoint().matches("https?://.+")) {
			problems.add("--endpoint '" + options.endpoint()
					+ "' is not valid: expected 'local', 'aws' or an http(s):// URL");
		}
		if (options.touchPath() != null && !options.touchPath().equals(NO_TOUCH) && !options.touchPath().startsWith("/")) {
			problems.add("--touch-path '" + options.touchPath() + "' is not valid: expected a path starting with '/', or 'none'");
		}
		if (!problems.isEmpty()) {
			throw new InitException(String.join("\n", problems) + "\nNothing was changed.");
		}
	}

	private static String answer(String given, String defaultValue, boolean ask, Predicate<String> valid, String question,
			String expected, String option, InitPrompter prompter, PrintWriter out) {
		if (given != null) {
			return given;
		}
		if (!ask) {
			return defaultValue;
		}
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			String value = prompter.input(question, defaultValue);
			value = (value == null || value.isBlank()) ? defaultValue : value.trim();
			if (value != null && valid.test(value)) {
				return value;
			}
			out.println("'" + value + "' is not valid: " + expected + ".");
			out.flush();
		}
		throw new InitException("No valid " + option.substring(2) + " after " + ATTEMPTS + " tries (expected " + expected
				+ "; or pass " + option + "). Nothing was changed.");
	}

	private String defaultRegion() {
		String region = this.defaultRegion.get();
		return (region != null && !region.isBlank()) ? region.toLowerCase(Locale.ROOT) : "us-east-1";
	}

	private static Path existingStageFile(Path resources, String stage) {
		for (String extension : List.of("yml", "yaml", "properties")) {
			Path file = resources.resolve("application-" + stage + "." + extension);
			if (Files.isRegularFile(file)) {
				return file;
			}
		}
		return null;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new InitException("Cannot read " + file + ": " + ex.getMessage());
		}
	}

	private static void write(Path file, String text) {
		try {
			Files.createDirectories(file.getParent());
			Path temporary = file.resolveSibling(file.getFileName() + ".init-tmp");
			Files.writeString(temporary, text, StandardCharsets.UTF_8);
			Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
					java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new InitException("Cannot write " + file + ": " + ex.getMessage());
		}
	}

}
