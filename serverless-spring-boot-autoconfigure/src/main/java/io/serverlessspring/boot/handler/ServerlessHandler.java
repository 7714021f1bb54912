package io.serverlessspring.boot.handler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.serverlessspring.boot.routing.EventRouter;
import io.serverlessspring.boot.routing.LambdaEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Lambda handler of every Serverless Spring function:
 * {@code io.serverlessspring.boot.handler.ServerlessHandler} (or {@code ...::handleRequest}).
 *
 * <p>Lambda creates it once per execution environment; it finds the application class
 * ({@link ApplicationClassLocator}), starts Spring once with the stage's profile
 * ({@code SERVERLESS_STAGE}), and routes every event through the application's
 * {@link io.serverlessspring.boot.routing.EventRouter}.
 *
 * <p>Tests drive it in-process with {@code new ServerlessHandler(MyApp.class)} and
 * {@link #invoke(String)}: the application is started once per class and JVM.
 */
public class ServerlessHandler implements RequestStreamHandler {

	/** The environment variable naming the stage; its value becomes the active Spring profile. */
	public static final String STAGE_ENV = "SERVERLESS_STAGE";

	/** The stage's profile chain when it extends other stages, set by deploy: {@code dev,prod}. */
	public static final String PROFILES_ENV = "SERVERLESS_PROFILES";

	private static final Logger logger = LoggerFactory.getLogger(ServerlessHandler.class);

	/** One started application per class: Lambda creates one handler, tests may create many. */
	private static final Map<Class<?>, ServerlessApplication> applications = new ConcurrentHashMap<>();

	private final ServerlessApplication application;

	/** Looked up once, on the first event (the app may still be starting when Lambda creates us). */
	private volatile EventRouter router;

	/** The constructor Lambda calls: locates the application class and starts it. */
	public ServerlessHandler() {
		this(ApplicationClassLocator.standard().locate());
	}

	/** Starts (once per JVM) and serves the given application class; the test entry point. */
	public ServerlessHandler(Class<?> applicationClass) {
		this.application = applications.computeIfAbsent(applicationClass,
				(type) -> ServerlessApplication.start(type,
						profiles(System.getenv(PROFILES_ENV), System.getenv(STAGE_ENV))));
		if (!this.application.awaitStarted(initDeadline())) {
			logger.info("{} is still starting after Lambda's init window; the first event will wait for it",
					applicationClass.getName());
		}
	}

	@Override
	public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
		LambdaEvent event = LambdaEvent.parse(input.readAllBytes());
		Context lambdaContext = (context != null) ? context
				: new LocalLambdaContext(this.application.applicationClass().getSimpleName());
		EventRouter eventRouter = this.router;
		if (eventRouter == null) {
			eventRouter = this.application.router();
			this.router = eventRouter;
		}
		eventRouter.route(event, output, lambdaContext);
	}

	/** Handles one event given as JSON and returns the JSON response; for tests and local runs. */
	public String invoke(String eventJson) throws IOException {
		return invoke(eventJson, null);
	}

	/** Handles one event given as JSON with this Lambda context and returns the JSON response. */
	public String invoke(String eventJson, Context context) throws IOException {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		handleRequest(new java.io.ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), output, context);
		return output.toString(StandardCharsets.UTF_8);
	}

	/** The started application (its context, its router). */
	public ServerlessApplication application() {
		return this.application;
	}

	static String[] profiles(String stage) {
		return profiles(null, stage);
	}

	/**
	 * The Spring profiles the app starts with: the stage's {@code serverless.stage.extends} chain,
	 * most extended first ({@value #PROFILES_ENV}, e.g. {@code dev,prod}, so prod's files win), else
	 * the stage alone.
	 */
	static String[] profiles(String chain, String stage) {
		if (chain != null && !chain.isBlank()) {
			return Arrays.stream(chain.split(",")).map(String::trim).filter((p) -> !p.isEmpty()).toArray(String[]::new);
		}
		return (stage == null || stage.isBlank()) ? new String[0] : new String[] { stage.trim() };
	}

	/**
	 * When to stop waiting during init. On-demand init is cut at 10 s from the start of the JVM;
	 * SnapStart and provisioned concurrency have longer inits and must snapshot a started app.
	 */
	private static Instant initDeadline() {
		String initType = System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE");
		if (initType != null && !"on-demand".equals(initType)) {
			return Instant.now().plus(java.time.Duration.ofMinutes(15));
		}
		Instant jvmStart = ProcessHandle.current().info().startInstant().orElse(Instant.now());
		return jvmStart.plus(ServerlessApplication.INIT_WINDOW).minus(ServerlessApplication.INIT_GRACE);
	}

}
