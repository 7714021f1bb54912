package io.serverlessspring.boot.handler;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.serverlessspring.boot.http.AotServletWebServerContext;
import io.serverlessspring.boot.http.LambdaServletContainer;
import io.serverlessspring.boot.routing.EventRouter;

import org.springframework.aot.AotDetector;
import org.springframework.boot.ApplicationContextFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * The user's application, started once per execution environment.
 *
 * <p>Spring starts on a background thread as soon as the handler is created (Lambda's init
 * phase). The handler waits for it only until Lambda's 10 s init window is nearly used up; a slower
 * app keeps starting and the first invocation waits for it, instead of Lambda killing the init.
 */
public final class ServerlessApplication {

	/** Lambda cuts the init phase at 10 s; we hand control back this long before. */
	static final Duration INIT_WINDOW = Duration.ofSeconds(10);

	static final Duration INIT_GRACE = Duration.ofMillis(1500);

	private static final boolean SERVLET_BRIDGE_PRESENT = ClassUtils.isPresent("jakarta.servlet.Servlet", null)
			&& ClassUtils.isPresent("org.springframework.web.servlet.DispatcherServlet", null)
			&& ClassUtils.isPresent("com.amazonaws.serverless.proxy.spring.SpringBootLambdaContainerHandler", null);

	/** Set while this class starts an app on the current thread (read by environment post-processors). */
	private static final ThreadLocal<Boolean> STARTING = new ThreadLocal<>();

	private final Class<?> applicationClass;

	private final CompletableFuture<ConfigurableApplicationContext> context;

	private ServerlessApplication(Class<?> applicationClass, CompletableFuture<ConfigurableApplicationContext> context) {
		this.applicationClass = applicationClass;
		this.context = context;
	}

	/** Starts the application on a background thread and returns at once. */
	public static ServerlessApplication start(Class<?> applicationClass, String... profiles) {
		CompletableFuture<ConfigurableApplicationContext> context = new CompletableFuture<>();
		Thread starter = new Thread(() -> {
			try {
				context.complete(runOnThisThread(applicationClass, profiles));
			}
			catch (Throwable ex) {
				context.completeExceptionally(ex);
			}
		}, "serverless-init");
		starter.setDaemon(true);
		// Spring loads resources through the context loader: make it the function's loader.
		starter.setContextClassLoader(applicationClass.getClassLoader());
		starter.start();
		return new ServerlessApplication(applicationClass, context);
	}

	/**
	 * Starts the application on the calling thread, exactly as the function does. The AOT
	 * processor ({@code io.serverlessspring.boot.aot.ServerlessAotProcessor}) calls it under its
	 * hook, so what it generates is what this start-up needs.
	 */
	public static ConfigurableApplicationContext runOnThisThread(Class<?> applicationClass, String... profiles)
			throws Exception {
		// The servlet bridge finds its container through a static; one start at a time keeps it
		// right when a test JVM starts several applications.
		synchronized (ServerlessApplication.class) {
			STARTING.set(Boolean.TRUE);
			try {
				if (AotDetector.useGeneratedArtifacts()) {
					// Boot finds <App>__ApplicationContextInitializer through the main class, which it
					// guesses from a main() on the stack; a Lambda runtime has none, so name it.
					return SpringApplication.withHook((application) -> {
						application.setMainApplicationClass(applicationClass);
						if (SERVLET_BRIDGE_PRESENT) {
							application.setApplicationContextFactory(
									ApplicationContextFactory.ofContextClass(AotServletWebServerContext.class));
						}
						return null;
					}, () -> startSpring(applicationClass, profiles));
				}
				return startSpring(applicationClass, profiles);
			}
			finally {
				STARTING.remove();
			}
		}
	}

	private static ConfigurableApplicationContext startSpring(Class<?> applicationClass, String... profiles)
			throws Exception {
		if (SERVLET_BRIDGE_PRESENT) {
			// A web app: the servlet bridge starts Spring with its serverless "web server".
			return new LambdaServletContainer(applicationClass, profiles).start();
		}
		return new SpringApplicationBuilder(applicationClass).web(WebApplicationType.NONE).profiles(profiles).run();
	}

	/** Whether an app is being started by this class on the calling thread, i.e. as a Lambda function. */
	public static boolean isStartingOnThisThread() {
		return Boolean.TRUE.equals(STARTING.get());
	}

	/**
	 * Waits for start-up until {@code deadline}, then returns whether the app is up. A failed start
	 * is rethrown here, so an init that fails fast fails Lambda's init phase with its real cause.
	 */
	public boolean awaitStarted(Instant deadline) {
		long millis = Duration.between(Instant.now(), deadline).toMillis();
		try {
			this.context.get(Math.max(millis, 0), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException ex) {
			throw startFailure(ex.getCause());
		}
	}

	/** The started context, waiting for start-up to finish if needed. */
	public ConfigurableApplicationContext context() {
		try {
			return this.context.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while " + this.applicationClass.getName() + " was starting", ex);
		}
		catch (ExecutionException ex) {
			throw startFailure(ex.getCause());
		}
	}

	/** The router of the started application. */
	public EventRouter router() {
		return context().getBean(EventRouter.class);
	}

	public Class<?> applicationClass() {
		return this.applicationClass;
	}

	private IllegalStateException startFailure(Throwable cause) {
		return new IllegalStateException(
				"The application " + this.applicationClass.getName() + " failed to start: " + cause, cause);
	}

}
