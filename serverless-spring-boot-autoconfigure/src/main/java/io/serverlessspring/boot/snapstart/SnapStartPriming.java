package io.serverlessspring.boot.snapstart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.amazonaws.services.lambda.runtime.Context;
import io.serverlessspring.boot.handler.LocalLambdaContext;
import io.serverlessspring.boot.http.HttpEventRoute;
import io.serverlessspring.boot.routing.EventRoute;
import io.serverlessspring.boot.routing.EventRouter;
import io.serverlessspring.boot.routing.LambdaEvent;
import io.serverlessspring.boot.routing.UnroutableEventException;
import io.serverlessspring.boot.snapstart.PrimingReport.PrimedRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Warms the app before the snapshot, so restored copies do not pay for class loading,
 * lazy initialisation and JIT on their first request:
 * <ul>
 * <li>each prime path is sent as an HTTP API {@code GET} through the event router, the HTTP route,
 * the servlet bridge and Spring MVC to the app's controller, as a real request would be, with the
 * {@code [access]} log silenced (priming is not user traffic);</li>
 * <li>the keep-warm ping is routed (its route never touches the app);</li>
 * <li>one sample of every other event kind is only <em>classified</em> by the router: routes'
 * {@code accepts} only look at an event, so no task, schedule, event handler or command runs.</li>
 * </ul>
 * Nothing here throws: a failed prime is logged and reported, never allowed to fail the snapshot.
 */
public class SnapStartPriming {

	/** The documented logger of the {@code [access]} lines (docs/http.md). */
	static final String ACCESS_LOGGER = "io.serverlessspring.access";

	private static final Logger logger = LoggerFactory.getLogger(SnapStartPriming.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final EventRouter router;

	private final List<String> paths;

	private final int requestsPerPath;

	private final LoggingSystem loggingSystem;

	private final String functionName;

	/**
	 * @param paths the GET paths to prime, each starting with {@code /}
	 * @param loggingSystem silences the access log meanwhile; {@code null} leaves it as it is
	 */
	public SnapStartPriming(EventRouter router, List<String> paths, int requestsPerPath, LoggingSystem loggingSystem,
			String functionName) {
		this.router = router;
		this.paths = List.copyOf(paths);
		this.requestsPerPath = requestsPerPath;
		this.loggingSystem = loggingSystem;
		this.functionName = functionName;
	}

	/** Primes the app once; never throws. */
	public PrimingReport prime() {
		long started = System.nanoTime();
		List<PrimedRequest> requests = withoutAccessLog(this::primeHttp);
		boolean keepWarm = routeKeepWarm();
		Map<String, String> classified = classifySamples();
		PrimingReport report = new PrimingReport(requests, keepWarm, classified);
		long failed = requests.stream().filter((request) -> !request.succeeded()).count();
		logger.info("SnapStart priming: {} request(s) to {} path(s), {} not successful; keep-warm {}; {} event kinds "
				+ "classified; {} ms", requests.size(), this.paths.size(), failed, keepWarm ? "routed" : "not routed",
				classified.size(), (System.nanoTime() - started) / 1_000_000);
		return report;
	}

	private List<PrimedRequest> primeHttp() {
		List<PrimedRequest> requests = new ArrayList<>();
		int sequence = 0;
		for (String path : this.paths) {
			for (int i = 0; i < this.requestsPerPath; i++) {
				PrimedRequest request = primeOnce(path, sequence++);
				requests.add(request);
				if (request.failure() != null && request.status() == 0) {
					break; // not served at all: the same request would fail the same way again
				}
			}
		}
		return requests;
	}

	private PrimedRequest primeOnce(String path, int sequence) {
		long started = System.nanoTime();
		try {
			LambdaEvent event = LambdaEvent.parse(PrimeEvents.httpApiGet(path, sequence));
			EventRoute route;
			try {
				route = this.router.select(event);
			}
			catch (UnroutableEventException ex) {
				return notServed(path, started, "no HTTP route: the app has no web layer behind the handler");
			}
			if (!(route instanceof HttpEventRoute<?>)) {
				// Only an HTTP route may see a prime request; anything else could act on it.
				return notServed(path, started, "the route " + route.name() + " took it, not an HTTP route");
			}
			ByteArrayOutputStream output = new ByteArrayOutputStream();
			this.router.route(event, output, context());
			int status = JSON.readTree(output.toByteArray()).path("statusCode").asInt(0);
			long millis = (System.nanoTime() - started) / 1_000_000;
			if (status < 200 || status >= 400) {
				logger.warn("SnapStart prime GET {} answered {}; check serverless.snap-start.prime-paths", path, status);
			}
			return new PrimedRequest(path, status, millis, null);
		}
		catch (VirtualMachineError ex) {
			throw ex;
		}
		catch (Throwable ex) {
			logger.warn("SnapStart prime GET {} failed; the snapshot is taken anyway", path, ex);
			return new PrimedRequest(path, 0, (System.nanoTime() - started) / 1_000_000, ex.toString());
		}
	}

	private static PrimedRequest notServed(String path, long started, String why) {
		logger.warn("SnapStart prime GET {} was not sent: {}", path, why);
		return new PrimedRequest(path, 0, (System.nanoTime() - started) / 1_000_000, why);
	}

	private boolean routeKeepWarm() {
		try {
			this.router.route(LambdaEvent.parse(PrimeEvents.keepWarm()), new ByteArrayOutputStream(), context());
			return true;
		}
		catch (VirtualMachineError ex) {
			throw ex;
		}
		catch (Throwable ex) {
			logger.warn("SnapStart priming: routing the keep-warm ping failed", ex);
			return false;
		}
	}

	/** Each sample's route by kind; {@code select} asks the routes' {@code accepts}, which never act. */
	private Map<String, String> classifySamples() {
		Map<String, String> classified = new LinkedHashMap<>();
		try {
			PrimeEvents.classificationSamples().forEach((kind, sample) -> {
				String route;
				try {
					route = this.router.select(LambdaEvent.parse(sample)).name();
				}
				catch (RuntimeException ex) {
					route = "none";
				}
				classified.put(kind, route);
			});
		}
		catch (RuntimeException ex) {
			logger.warn("SnapStart priming: classifying the sample events failed", ex);
		}
		return classified;
	}

	private Context context() {
		return new LocalLambdaContext(this.functionName);
	}

	/** Runs {@code body} with the access log off, then puts back the level configured before. */
	private <T> T withoutAccessLog(Supplier<T> body) {
		if (this.loggingSystem == null) {
			return body.get();
		}
		LogLevel configured = null;
		try {
			LoggerConfiguration configuration = this.loggingSystem.getLoggerConfiguration(ACCESS_LOGGER);
			configured = (configuration != null) ? configuration.getConfiguredLevel() : null;
			this.loggingSystem.setLogLevel(ACCESS_LOGGER, LogLevel.OFF);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not silence the access log during priming", ex);
		}
		try {
			return body.get();
		}
		finally {
			try {
				this.loggingSystem.setLogLevel(ACCESS_LOGGER, configured);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not restore the level of the {} logger after priming", ACCESS_LOGGER, ex);
			}
		}
	}

}
