package io.serverlessspring.local.server;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What a service may use of the cloud it runs in: identity, the endpoint, shared timers, and the
 * other services (Lambda reads code from S3; schedules, queues and notifications invoke Lambda).
 */
public final class LocalContext {

	private final String region;

	private final String accountId;

	private final URI endpoint;

	private final Path stateDirectory;

	private final ScheduledExecutorService timers;

	private final List<AwsService> services;

	private final Clock clock;

	private final CloudSettings settings;

	public LocalContext(String region, String accountId, URI endpoint, Path stateDirectory,
			ScheduledExecutorService timers, List<AwsService> services, Clock clock, CloudSettings settings) {
		this.region = region;
		this.accountId = accountId;
		this.endpoint = endpoint;
		this.stateDirectory = stateDirectory;
		this.timers = timers;
		this.services = services;
		this.clock = clock;
		this.settings = settings;
	}

	/** The credentials functions get and how signatures are checked. */
	public CloudSettings settings() {
		return this.settings;
	}

	/** The region used when a request names none (default {@code us-east-1}). */
	public String region() {
		return this.region;
	}

	/** The one account every resource belongs to ({@code 000000000000}). */
	public String accountId() {
		return this.accountId;
	}

	/** {@code http://127.0.0.1:<port>}: the endpoint every service answers on. */
	public URI endpoint() {
		return this.endpoint;
	}

	/** Where persistent state and unpacked function packages live, when a state directory was given. */
	public Optional<Path> stateDirectory() {
		return Optional.ofNullable(this.stateDirectory);
	}

	/** Shared timers for state transitions, schedules and pollers (daemon threads). */
	public ScheduledExecutorService timers() {
		return this.timers;
	}

	public Clock clock() {
		return this.clock;
	}

	/** Another service of this cloud, by type. */
	public <T> T service(Class<T> type) {
		for (AwsService service : this.services) {
			if (type.isInstance(service)) {
				return type.cast(service);
			}
		}
		throw new IllegalStateException("No service of type " + type.getName() + " in this cloud");
	}

	/** Every service of this cloud of that type (none: an empty list). */
	public <T> java.util.List<T> services(Class<T> type) {
		return this.services.stream().filter(type::isInstance).map(type::cast).toList();
	}

	/**
	 * Delivers an event to whatever service owns {@code arn} (see {@link EventSink}); no owner is an
	 * {@link AwsException} naming the ARN.
	 */
	public void deliver(String arn, String event) {
		for (AwsService service : this.services) {
			if (service instanceof EventSink sink && sink.acceptsArn(arn)) {
				sink.deliver(arn, event);
				return;
			}
		}
		throw AwsException.badRequest("InvalidParameterValue", "No local service delivers to " + arn);
	}

	/** Whether some service of this cloud delivers to {@code arn}. */
	public boolean canDeliverTo(String arn) {
		return this.services.stream().anyMatch((s) -> s instanceof EventSink sink && sink.acceptsArn(arn));
	}

	/** An ARN in this cloud's account and region. */
	public String arn(String service, String resource) {
		return "arn:aws:" + service + ":" + this.region + ":" + this.accountId + ":" + resource;
	}

}
