package io.serverlessspring.boot.routing;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.Collectors;

import com.amazonaws.services.lambda.runtime.Context;
import io.serverlessspring.boot.errors.ErrorResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Classifies each incoming event and hands it to the first {@link EventRoute} that accepts it.
 * It only classifies: what an event means is the route's business.
 */
public class EventRouter {

	private static final Logger logger = LoggerFactory.getLogger(EventRouter.class);

	private final List<EventRoute> routes;

	private final List<ServerlessExceptionHandler> exceptionHandlers;

	public EventRouter(List<EventRoute> routes) {
		this(routes, List.of());
	}

	/** A router whose unhandled exceptions are first shown to the exception hooks, in order. */
	public EventRouter(List<EventRoute> routes, List<ServerlessExceptionHandler> exceptionHandlers) {
		this.routes = List.copyOf(routes);
		this.exceptionHandlers = List.copyOf(exceptionHandlers);
	}

	/** The routes in the order they are asked. */
	public List<EventRoute> routes() {
		return this.routes;
	}

	/** The route for this event. */
	public EventRoute select(LambdaEvent event) {
		for (EventRoute route : this.routes) {
			if (route.accepts(event)) {
				return route;
			}
		}
		throw new UnroutableEventException("No route accepts this event: it is " + event.describeShape()
				+ ". Known routes: " + this.routes.stream().map(EventRoute::name).collect(Collectors.joining(", "))
				+ ".");
	}

	/**
	 * Routes one event and writes its response. The context is the thread's
	 * {@link CurrentInvocation} meanwhile. An exception the route throws is shown to the exception
	 * hooks; when one marks it handled, the response is an {@code ok: false} result instead.
	 */
	public void route(LambdaEvent event, OutputStream output, Context context) throws IOException {
		CurrentInvocation.with(context, () -> {
			try {
				select(event).handle(event, output, context);
			}
			catch (IOException | RuntimeException | Error ex) {
				if (!handledByHooks(ex, event, context)) {
					throw ex;
				}
				logger.warn("An exception hook marked this failure handled; Lambda will not retry the event", ex);
				output.write(ErrorResult.failed("The event's route", ex).toHandledResponseBytes());
			}
		});
	}

	private boolean handledByHooks(Throwable ex, LambdaEvent event, Context context) {
		boolean handled = false;
		for (ServerlessExceptionHandler hook : this.exceptionHandlers) {
			try {
				handled |= hook.handle(ex, event, context);
			}
			catch (RuntimeException hookFailure) {
				// A broken hook must not hide the original failure.
				logger.error("Exception hook {} failed", hook.getClass().getName(), hookFailure);
				ex.addSuppressed(hookFailure);
			}
		}
		return handled;
	}

}
