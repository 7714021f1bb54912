package io.serverlessspring.boot.manifest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.serverlessspring.boot.errors.OptionalDependency;
import io.serverlessspring.boot.events.EventHandlerRegistry;
import io.serverlessspring.boot.settings.TaskSettings.Source;
import io.serverlessspring.boot.tasks.TasksAutoConfiguration;
import io.serverlessspring.boot.websocket.WebSocketRouteRegistry;
import io.serverlessspring.boot.settings.ServerlessProperties;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.AnnotatedBeanDefinitionReader;
import org.springframework.context.annotation.ConfigurationClassPostProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Writes {@code serverless-manifest.json} for an app without starting it; the console runs it in a
 * child JVM on the app's runtime class path. See {@code docs/reference/manifest.md}.
 *
 * <pre>
 * java -cp APP_CLASSPATH io.serverlessspring.boot.manifest.ManifestGenerator \
 *   --main-class com.example.App --stage dev [--project-dir DIR] [--output FILE|-] [--property k=v ...]
 * </pre>
 *
 * Exit status: 0 written, 2 bad arguments, 1 the app declares something AWS cannot take.
 */
public final class ManifestGenerator {

	/** The arguments, parsed. */
	/** {@code profiles}: the stage's extends chain, most extended first; the stage alone by default. */
	record Arguments(String mainClass, String stage, Path projectDir, String output, Map<String, Object> properties,
			List<String> profiles) {

		Arguments(String mainClass, String stage, Path projectDir, String output, Map<String, Object> properties) {
			this(mainClass, stage, projectDir, output, properties, List.of(stage));
		}

	}

	private ManifestGenerator() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/** Runs the generator; the exit status is returned, not applied, so tests can call it. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		Arguments arguments;
		try {
			arguments = parse(args);
		}
		catch (IllegalArgumentException ex) {
			err.println("serverless manifest: " + ex.getMessage());
			err.println("usage: ManifestGenerator --main-class CLASS --stage STAGE [--project-dir DIR]"
					+ " [--output FILE|-] [--property key=value ...]");
			return 2;
		}
		String json;
		try {
			json = ManifestJson.write(generate(arguments));
		}
		catch (ClassNotFoundException ex) {
			err.println("serverless manifest: --main-class " + arguments.mainClass() + " is not on the class path");
			return 2;
		}
		catch (RuntimeException ex) {
			err.println("serverless manifest: " + ex.getMessage());
			return 1;
		}
		if (arguments.output() == null || arguments.output().equals("-")) {
			out.print(json);
			out.flush();
			return 0;
		}
		try {
			Path output = Path.of(arguments.output());
			if (output.getParent() != null) {
				Files.createDirectories(output.getParent());
			}
			Files.writeString(output, json, StandardCharsets.UTF_8);
			return 0;
		}
		catch (IOException ex) {
			err.println("serverless manifest: cannot write --output " + arguments.output() + ": " + ex.getMessage());
			return 2;
		}
	}

	static Arguments parse(String[] args) {
		String mainClass = null;
		String stage = null;
		Path projectDir = null;
		String output = null;
		Map<String, Object> properties = new LinkedHashMap<>();
		List<String> profiles = null;
		for (int i = 0; i < args.length; i++) {
			String name = args[i];
			if (!List.of("--main-class", "--stage", "--project-dir", "--output", "--property", "--profiles").contains(name)) {
				throw new IllegalArgumentException("unknown argument '" + name + "'");
			}
			if (i + 1 >= args.length || args[i + 1].isBlank()) {
				throw new IllegalArgumentException(name + " needs a value");
			}
			String value = args[++i];
			switch (name) {
				case "--main-class" -> mainClass = value;
				case "--stage" -> stage = value;
				case "--project-dir" -> {
					projectDir = Path.of(value);
					if (!Files.isDirectory(projectDir)) {
						throw new IllegalArgumentException("--project-dir " + value + " is not a directory");
					}
				}
				case "--output" -> output = value;
				case "--profiles" -> profiles = List.of(value.split(","));
				default -> {
					int equals = value.indexOf('=');
					if (equals <= 0) {
						throw new IllegalArgumentException("--property " + value + " is not key=value");
					}
					properties.put(value.substring(0, equals), value.substring(equals + 1));
				}
			}
		}
		if (mainClass == null) {
			throw new IllegalArgumentException("--main-class is required");
		}
		if (stage == null) {
			throw new IllegalArgumentException("--stage is required");
		}
		if (!stage.matches("[A-Za-z0-9_-]+")) {
			throw new IllegalArgumentException("--stage '" + stage + "' may only contain letters, digits, - and _");
		}
		if (profiles == null) {
			profiles = List.of(stage);
		}
		else if (!profiles.get(profiles.size() - 1).equals(stage)) {
			throw new IllegalArgumentException("--profiles " + String.join(",", profiles) + " must end with the stage '"
					+ stage + "' (the most extended stage first)");
		}
		return new Arguments(mainClass, stage, projectDir, output, properties, profiles);
	}

	/** Computes the manifest: bean definitions of the app (no auto-configuration, nothing instantiated). */
	static DeploymentManifest generate(Arguments arguments) throws ClassNotFoundException {
		ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
		Class<?> mainClass = Class.forName(arguments.mainClass(), false, classLoader);
		StandardEnvironment environment = environment(arguments, classLoader);
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.setBeanClassLoader(classLoader);
		new AnnotatedBeanDefinitionReader(beanFactory, environment).register(mainClass);
		ConfigurationClassPostProcessor definitions = new ConfigurationClassPostProcessor();
		definitions.setEnvironment(environment);
		definitions.setResourceLoader(new DefaultResourceLoader(classLoader));
		definitions.setBeanClassLoader(classLoader);
		definitions.postProcessBeanDefinitionRegistry(beanFactory);
		ServerlessProperties properties = Binder.get(environment)
			.bind("serverless", ServerlessProperties.class)
			.orElseGet(ServerlessProperties::new);
		DeploymentManifest manifest = ManifestBuilder.build(beanFactory, environment, properties, mainClass.getName(),
				null, null);
		requireOptionalLibraries(manifest, classLoader);
		return manifest;
	}

	/**
	 * What the function's start-up checks too, at {@code package} time: a declared feature whose
	 * optional library is not on the app's class path fails here, naming the dependency to add.
	 */
	static void requireOptionalLibraries(DeploymentManifest manifest, ClassLoader loader) {
		if (!manifest.eventHandlers().isEmpty()) {
			OptionalDependency.require(EventHandlerRegistry.feature(manifest.eventHandlers().get(0).id()), loader,
					OptionalDependency.LAMBDA_EVENTS, OptionalDependency.LAMBDA_SERIALIZATION);
		}
		if (manifest.webSocket() != null && !manifest.webSocket().routes().isEmpty()) {
			OptionalDependency.require(WebSocketRouteRegistry.feature(manifest.webSocket().routes().get(0).routeKey()),
					loader, OptionalDependency.LAMBDA_EVENTS, OptionalDependency.LAMBDA_SERIALIZATION);
		}
		for (DeploymentManifest.Task task : manifest.tasks()) {
			Source source = (task.function() != null) ? Source.LAMBDA : Source.valueOf(task.source().toUpperCase(Locale.ROOT));
			TasksAutoConfiguration.requireClients(task.id(), source, loader);
		}
	}

	/** The stage's properties as the app would see them: Boot's own config-data loading, profiles = the stage's chain. */
	static StandardEnvironment environment(Arguments arguments, ClassLoader classLoader) {
		StandardEnvironment environment = new StandardEnvironment();
		Map<String, Object> fixed = new LinkedHashMap<>(arguments.properties());
		fixed.putIfAbsent("serverless.stage", arguments.stage());
		// Only the app's own definitions: auto-configuration is the framework's, not the deployment's.
		fixed.put("spring.boot.enableautoconfiguration", "false");
		// Remote configuration (Parameter Store, Secrets Manager) is the function's to read, not the build's.
		fixed.put(RemoteImportsSkipper.GENERATING, "true");
		if (arguments.projectDir() != null) {
			String dir = arguments.projectDir().toAbsolutePath().normalize().toUri().toString();
			fixed.put("spring.config.additional-location", "optional:" + dir + ",optional:" + dir + "config/");
		}
		environment.getPropertySources().addFirst(new MapPropertySource("serverlessManifestArguments", fixed));
		List<String> profiles = new ArrayList<>(arguments.profiles());
		ConfigDataEnvironmentPostProcessor.applyTo(environment, new DefaultResourceLoader(classLoader),
				new DefaultBootstrapContext(), profiles);
		return environment;
	}

}
