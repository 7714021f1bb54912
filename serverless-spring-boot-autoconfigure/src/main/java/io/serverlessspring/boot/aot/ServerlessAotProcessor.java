package io.serverlessspring.boot.aot;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import io.serverlessspring.boot.handler.ServerlessApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplication.AbandonedRunException;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.aot.ContextAotProcessor;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Spring's ahead-of-time processing of an app as its Lambda function starts it: what
 * spring-boot-maven-plugin's {@code process-aot} does for {@code main()}, but through
 * {@link ServerlessApplication#runOnThisThread} (the servlet bridge, the stage's profiles), since
 * conditions are evaluated here, once, and frozen into the generated code. The console runs it in a
 * child JVM on the package's class path (no embedded server), so the generated code matches the
 * function's class path.
 *
 * <pre>
 * java -cp APP_CLASSPATH io.serverlessspring.boot.aot.ServerlessAotProcessor \
 *   --main-class com.example.App --output DIR [--profiles dev,prod] [--group-id G] [--artifact-id A]
 * </pre>
 *
 * Writes {@code DIR/sources} (generated Java), {@code DIR/classes} (compiled for the app's own class
 * file version, with the generated proxies) and {@code DIR/resources} (hints and a
 * {@code spring.properties} with {@code spring.aot.enabled=true}: the package that holds the
 * generated code starts with it). Exit status: 0 done, 2 bad arguments, 1 the app cannot be processed.
 */
public final class ServerlessAotProcessor extends ContextAotProcessor {

	/** Spring's own switch, read by {@code AotDetector} from {@code spring.properties} on the class path. */
	static final String SPRING_PROPERTIES = "spring.properties";

	static final String AOT_ENABLED = "spring.aot.enabled=true";

	private final String[] profiles;

	ServerlessAotProcessor(Class<?> application, Settings settings, String[] profiles) {
		super(application, settings);
		this.profiles = profiles;
	}

	/** The parsed command line. */
	record Arguments(String mainClass, Path output, String[] profiles, String groupId, String artifactId) {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.err));
	}

	/** Runs the processor; the exit status is returned, not applied, so tests can call it. */
	public static int run(String[] args, PrintStream err) {
		Arguments arguments;
		try {
			arguments = parse(args);
		}
		catch (IllegalArgumentException ex) {
			err.println("serverless aot: " + ex.getMessage());
			err.println("usage: ServerlessAotProcessor --main-class CLASS --output DIR [--profiles a,b]"
					+ " [--group-id G] [--artifact-id A]");
			return 2;
		}
		Class<?> application;
		try {
			application = Class.forName(arguments.mainClass(), false, ServerlessAotProcessor.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			err.println("serverless aot: --main-class " + arguments.mainClass() + " is not on the class path");
			return 2;
		}
		try {
			Path output = arguments.output();
			Settings settings = Settings.builder()
				.sourceOutput(output.resolve("sources"))
				.resourceOutput(output.resolve("resources"))
				.classOutput(output.resolve("classes"))
				.groupId(arguments.groupId())
				.artifactId(arguments.artifactId())
				.build();
			new ServerlessAotProcessor(application, settings, arguments.profiles()).process();
			compile(output.resolve("sources"), output.resolve("classes"), classFileRelease(application));
			writeSpringProperties(application.getClassLoader(), output.resolve("resources"));
			return 0;
		}
		catch (Throwable ex) {
			err.println("serverless aot: Spring AOT cannot process " + arguments.mainClass() + ": " + rootCause(ex));
			ex.printStackTrace(err);
			return 1;
		}
	}

	static Arguments parse(String[] args) {
		String mainClass = null;
		Path output = null;
		String[] profiles = new String[0];
		String groupId = "unspecified";
		String artifactId = "application";
		for (int i = 0; i < args.length; i++) {
			String name = args[i];
			if (!List.of("--main-class", "--output", "--profiles", "--group-id", "--artifact-id").contains(name)) {
				throw new IllegalArgumentException("unknown argument '" + name + "'");
			}
			if (i + 1 >= args.length || args[i + 1].isBlank()) {
				throw new IllegalArgumentException(name + " needs a value");
			}
			String value = args[++i];
			switch (name) {
				case "--main-class" -> mainClass = value;
				case "--output" -> output = Path.of(value);
				case "--profiles" -> profiles = Arrays.stream(value.split(","))
					.map(String::trim)
					.filter((p) -> !p.isEmpty())
					.toArray(String[]::new);
				case "--group-id" -> groupId = value;
				default -> artifactId = value;
			}
		}
		if (mainClass == null) {
			throw new IllegalArgumentException("--main-class is required");
		}
		if (output == null) {
			throw new IllegalArgumentException("--output is required");
		}
		return new Arguments(mainClass, output, profiles, groupId, artifactId);
	}

	@Override
	protected GenericApplicationContext prepareApplicationContext(Class<?> application) {
		// Stop the start-up once the context is loaded, as Boot's SpringApplicationAotProcessor does.
		try {
			SpringApplication.withHook((springApplication) -> {
				springApplication.setMainApplicationClass(application);
				return new SpringApplicationRunListener() {
					@Override
					public void contextLoaded(ConfigurableApplicationContext context) {
						throw new AbandonedRunException(context);
					}
				};
			}, () -> ServerlessApplication.runOnThisThread(application, this.profiles));
		}
		catch (AbandonedRunException ex) {
			ApplicationContext context = ex.getApplicationContext();
			if (context instanceof GenericApplicationContext generic) {
				return generic;
			}
			throw new IllegalStateException("AOT processing needs a GenericApplicationContext, the function starts a "
					+ ((context != null) ? context.getClass().getName() : "null"));
		}
		throw new IllegalStateException("Starting " + application.getName() + " the function's way ran no SpringApplication");
	}

	/** Compiles the generated sources for the class file version the app itself is compiled for. */
	static void compile(Path sources, Path classes, int release) throws IOException {
		List<String> files;
		try (Stream<Path> walk = Files.exists(sources) ? Files.walk(sources) : Stream.empty()) {
			files = walk.filter((p) -> p.toString().endsWith(".java")).map(Path::toString).toList();
		}
		if (files.isEmpty()) {
			return;
		}
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		if (compiler == null) {
			throw new IllegalStateException("no Java compiler in " + System.getProperty("java.home")
					+ ": run the console on a JDK, not a JRE");
		}
		Files.createDirectories(classes);
		List<String> options = new ArrayList<>(List.of("--release", Integer.toString(release), "-proc:none", "-nowarn",
				"-encoding", "UTF-8", "-d", classes.toString(), "-cp",
				classes + File.pathSeparator + System.getProperty("java.class.path")));
		options.addAll(files);
		ByteArrayOutputStream messages = new ByteArrayOutputStream();
		int status = compiler.run(null, messages, messages, options.toArray(String[]::new));
		if (status != 0) {
			throw new IllegalStateException("the generated sources in " + sources + " do not compile:\n"
					+ messages.toString(StandardCharsets.UTF_8));
		}
	}

	/** The Java release of the app's class file (major version 61 is Java 17). */
	static int classFileRelease(Class<?> application) throws IOException {
		String resource = application.getName().replace('.', '/') + ".class";
		try (InputStream in = application.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IOException("cannot read " + resource);
			}
			byte[] header = in.readNBytes(8);
			int major = ((header[6] & 0xff) << 8) | (header[7] & 0xff);
			return major - 44;
		}
	}

	/** {@code spring.aot.enabled=true} added to the app's own {@code spring.properties}, if it has one. */
	static void writeSpringProperties(ClassLoader classLoader, Path resources) throws IOException {
		StringBuilder content = new StringBuilder();
		URL existing = classLoader.getResource(SPRING_PROPERTIES);
		if (existing != null) {
			try (InputStream in = existing.openStream()) {
				String own = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
				for (String line : own.split("\\R")) {
					if (!line.trim().startsWith("spring.aot.enabled")) {
						content.append(line).append('\n');
					}
				}
			}
		}
		content.append("# Written by serverless package: start with Spring AOT's generated initializers.\n");
		content.append(AOT_ENABLED).append('\n');
		Files.createDirectories(resources);
		Files.writeString(resources.resolve(SPRING_PROPERTIES), content, StandardCharsets.ISO_8859_1);
	}

	/** One line: the first line of each distinct message down the cause chain. */
	static String rootCause(Throwable ex) {
		List<String> messages = new ArrayList<>();
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			String message = (cause.getMessage() != null) ? cause.getMessage().lines().findFirst().orElse("") : "";
			String line = cause.getClass().getSimpleName() + (message.isBlank() ? "" : ": " + message.trim());
			if (messages.stream().noneMatch((seen) -> seen.endsWith(message.trim()) && !message.isBlank())) {
				messages.add(line);
			}
		}
		return String.join("; caused by ", messages);
	}

}
