package io.serverlessspring.shell.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import io.serverlessspring.shell.cli.OptionHint;
import io.serverlessspring.shell.progress.Progress;
import org.w3c.dom.Node;

/**
 * Builds a Maven project and returns its classes directory and runtime class path. Maven's output
 * goes to {@code target/serverless/build.log}; the console shows where the build is as one
 * progress line (module, phase, elapsed time), Maven's own lines only with {@code --verbose}, and
 * Maven's errors when the build fails.
 *
 * <p>When the project is a module of an enclosing reactor (as the samples of this repository are),
 * the build runs from the reactor root with {@code -pl <module> -am}, so sibling modules it depends
 * on are built too and nothing needs to be installed first.
 */
public class ProjectBuilder {

	/** How long Maven gets to stop after TERM before it is killed. */
	private static final Duration STOP_GRACE = Duration.ofSeconds(5);

	private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>");

	/** The result of a build: where the classes are and the jars they need at run time. */
	public record Build(Path classes, List<Path> runtimeJars) {
	}

	public Build build(Path project, Consumer<String> progress) {
		Path pom = project.resolve("pom.xml");
		if (!Files.isRegularFile(pom)) {
			throw new PackagingException("No pom.xml in " + project
					+ ": the console builds Maven projects (give the project folder with --project).");
		}
		Path work = project.resolve("target/serverless");
		Path classpathFile = work.resolve("classpath.txt");
		Path log = work.resolve("build.log");
		try {
			Files.createDirectories(work);
			Files.deleteIfExists(classpathFile);
		}
		catch (IOException ex) {
			throw new PackagingException("Cannot write to " + work + ": " + ex.getMessage());
		}
		Path reactorRoot = reactorRoot(project);
		List<String> command = new ArrayList<>();
		command.add(maven(reactorRoot != null ? reactorRoot : project));
		// Batch mode, no colours: the output is read line by line (the progress), not shown as is.
		command.add("-B");
		command.add("-Dstyle.color=never");
		if (reactorRoot != null) {
			command.add("-f");
			command.add(reactorRoot.resolve("pom.xml").toString());
			command.add("-pl");
			command.add(reactorRoot.relativize(project).toString());
			command.add("-am");
		}
		else {
			command.add("-f");
			command.add(pom.toString());
		}
		command.add("-DskipTests");
		command.add("package");
		command.add("dependency:build-classpath");
		command.add("-DincludeScope=runtime");
		// Every module of an -am build writes here; the project itself is built last, so its list wins.
		command.add("-Dmdep.outputFile=" + classpathFile);
		String app = appName(pom, project);
		progress.accept("Building " + app + " with Maven"
				+ (reactorRoot != null ? " (from " + reactorRoot.getFileName() + ", with the modules it needs)" : "")
				+ (Progress.of(progress).verbose() ? "" : " (Maven's output: " + OptionHint.current().verbose() + ", or " + project.relativize(log) + ")")
				+ " ...");
		long started = System.nanoTime();
		ProcessBuilder maven = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
		BuildOutput output = new BuildOutput(log, Progress.of(progress), app);
		int exit;
		try {
			exit = runBuild(maven, project, progress, output);
		}
		finally {
			output.finish();
		}
		if (exit != 0) {
			throw new PackagingException("The Maven build of " + app + " (" + project + ") failed (exit " + exit + "):\n"
					+ output.errors() + "\nFull log: " + log);
		}
		progress.accept(String.format("Built in %.1f s", (System.nanoTime() - started) / 1e9));
		List<Path> jars = new ArrayList<>();
		try {
			String classpath = Files.readString(classpathFile, StandardCharsets.UTF_8).trim();
			for (String entry : classpath.split(java.io.File.pathSeparator)) {
				if (!entry.isBlank() && entry.endsWith(".jar")) {
					jars.add(Path.of(entry));
				}
			}
		}
		catch (IOException ex) {
			throw new PackagingException("Maven did not write the runtime class path (" + classpathFile + ")");
		}
		return new Build(project.resolve("target/classes"), jars);
	}

	/**
	 * Waits for the build. Ctrl-C at the prompt (an interrupt) or the console being stopped (TERM, a
	 * shutdown hook) stops the build and everything it started, so no Maven is left running orphaned.
	 */
	private static int runBuild(ProcessBuilder maven, Path project, Consumer<String> progress, BuildOutput output) {
		AtomicBoolean stopped = new AtomicBoolean();
		AtomicReference<Process> started = new AtomicReference<>();
		// Registered before Maven starts, and Maven starts under the same lock: a console stopped at any
		// moment either stops the build or never starts it.
		Thread stopper = new Thread(() -> {
			synchronized (stopped) {
				stopped.set(true);
			}
			Process running = started.get();
			if (running != null && running.isAlive()) {
				progress.accept("Build interrupted: stopping Maven (pid " + running.pid() + ")");
				stopTree(running.toHandle());
			}
		}, "serverless-build-stopper");
		Runtime.getRuntime().addShutdownHook(stopper);
		Process process;
		try {
			synchronized (stopped) {
				if (stopped.get()) {
					throw new PackagingException("Build interrupted: the Maven build of " + project + " was stopped");
				}
				process = maven.start();
				started.set(process);
			}
			process.getOutputStream().close();
		}
		catch (IOException ex) {
			removeHook(stopper);
			throw new PackagingException("Cannot run Maven (" + maven.command().get(0) + "): " + ex.getMessage()
					+ ". Install Maven 3.8+ or add a Maven wrapper (mvnw) to the project.");
		}
		output.start(process);
		try {
			int exit = process.waitFor();
			if (stopped.get() && started.get() != null) {
				throw new PackagingException("Build interrupted: the Maven build of " + project + " was stopped");
			}
			return exit;
		}
		catch (InterruptedException ex) {
			stopTree(process.toHandle());
			Thread.currentThread().interrupt();
			throw new PackagingException("Build interrupted: the Maven build of " + project + " was stopped");
		}
		finally {
			removeHook(stopper);
		}
	}

	private static void removeHook(Thread stopper) {
		try {
			Runtime.getRuntime().removeShutdownHook(stopper);
		}
		catch (IllegalStateException shuttingDown) {
			// the hook is running or has run: it stops the build
		}
	}

	/** Stops a process and its descendants: politely (TERM) first, then forcibly after a grace period. */
	public static void stopTree(ProcessHandle root) {
		List<ProcessHandle> tree = new ArrayList<>();
		tree.add(root);
		root.descendants().forEach(tree::add);
		tree.forEach(ProcessHandle::destroy);
		long deadline = System.nanoTime() + STOP_GRACE.toNanos();
		for (ProcessHandle handle : tree) {
			long left = deadline - System.nanoTime();
			try {
				handle.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException | ExecutionException ex) {
				handle.destroyForcibly();
			}
			catch (InterruptedException ex) {
				handle.destroyForcibly();
				Thread.currentThread().interrupt();
			}
		}
	}

	/** The outermost folder whose pom.xml lists the project (transitively) as a module, or null. */
	static Path reactorRoot(Path project) {
		Path root = null;
		Path child = project;
		Path parent = project.getParent();
		while (parent != null && Files.isRegularFile(parent.resolve("pom.xml"))) {
			if (!listsModule(parent, parent.relativize(child).toString())) {
				break;
			}
			root = parent;
			child = parent;
			parent = parent.getParent();
		}
		return root;
	}

	private static boolean listsModule(Path dir, String module) {
		try {
			Matcher matcher = MODULE.matcher(Files.readString(dir.resolve("pom.xml")));
			while (matcher.find()) {
				if (Path.of(matcher.group(1)).normalize().toString().equals(module)) {
					return true;
				}
			}
		}
		catch (IOException ex) {
			return false;
		}
		return false;
	}

	private static String maven(Path dir) {
		Path wrapper = dir.resolve("mvnw");
		return Files.isExecutable(wrapper) ? wrapper.toString() : "mvn";
	}

	/** The app's name as its pom says it (its artifactId), else the folder's. */
	static String appName(Path pom, Path project) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			for (Node node = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement().getFirstChild(); node != null;
					node = node.getNextSibling()) {
				if ("artifactId".equals(node.getNodeName()) && !node.getTextContent().isBlank()) {
					return node.getTextContent().trim();
				}
			}
		}
		catch (Exception ex) {
			// an unreadable pom: Maven itself says what is wrong with it
		}
		return String.valueOf(project.toAbsolutePath().normalize().getFileName());
	}

}
