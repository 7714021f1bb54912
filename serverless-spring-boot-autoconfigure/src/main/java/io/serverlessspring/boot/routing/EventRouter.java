package io.serverlessspring.boot.routing;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.Collectors;

import com.amazonaws.services.lambda.runtime.Context;

/**
 * Classifies each incoming event and hands it to the first {@link EventRoute} that accepts it.
 * It only classifies: what an event means is the route's business.
 */
public class EventRouter {

	private final List<EventRoute> routes;

	public EventRouter(List<EventRoute> routes) {
		this.routes = List.copyOf(routes);
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

	/** Routes one event and writes its response. */
	public void route(LambdaEvent event, OutputStream output, Context context) throws IOException {
		select(event).handle(event, output, context);
	}

}
