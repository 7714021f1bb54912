package io.serverlessspring.boot.tasks;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the function builds its AWS clients: lazily (first use, not start-up: cold start), on the
 * URL-connection HTTP client (small, fast to load), with the SDK's standard endpoint and
 * credential resolution (so {@code AWS_ENDPOINT_URL} points them at a local cloud).
 *
 * <p>The bean keeps every client the task machinery built, so that {@link #evict()} can drop them
 * all when they must not be reused: after a SnapStart restore, a client from the snapshot would
 * carry the credentials, region and connections of the environment that took it.
 */
public final class TaskAwsClients {

	private static final Logger logger = LoggerFactory.getLogger(TaskAwsClients.class);

	private final List<Lazy<?>> tracked = new CopyOnWriteArrayList<>();

	TaskAwsClients() {
	}

	/** A client (or a sender holding clients) built on first {@code get()}, dropped by {@link #evict()}. */
	<C> Supplier<C> tracked(Supplier<C> factory) {
		Lazy<C> lazy = lazy(factory);
		this.tracked.add(lazy);
		return lazy;
	}

	/**
	 * Drops every client built so far, closing it; the next use builds a new one, which resolves
	 * credentials, region and endpoint again and opens new connections.
	 * @return how many built clients (or senders) were dropped
	 */
	public int evict() {
		int dropped = 0;
		for (Lazy<?> lazy : this.tracked) {
			if (lazy.drop()) {
				dropped++;
			}
		}
		return dropped;
	}

	/** A client built on first {@code get()}, then reused until dropped. */
	static <C> Lazy<C> lazy(Supplier<C> factory) {
		return new Lazy<>(factory);
	}

	/** Closes a dropped client; a failure to close is logged, never thrown (the client is gone anyway). */
	static void closeQuietly(Object value) {
		if (value instanceof AutoCloseable closeable) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				logger.warn("Closing {} failed", value.getClass().getName(), ex);
			}
		}
	}

	/** A lazily built value that can be dropped (and closed) so the next {@code get()} builds a new one. */
	static final class Lazy<C> implements Supplier<C> {

		private final Supplier<C> factory;

		private volatile C value;

		private Lazy(Supplier<C> factory) {
			this.factory = factory;
		}

		@Override
		public C get() {
			C current = this.value;
			if (current == null) {
				synchronized (this) {
					current = this.value;
					if (current == null) {
						current = this.factory.get();
						this.value = current;
					}
				}
			}
			return current;
		}

		/** Drops and closes the value; whether one had been built. */
		boolean drop() {
			C dropped;
			synchronized (this) {
				dropped = this.value;
				this.value = null;
			}
			closeQuietly(dropped);
			return dropped != null;
		}

	}

}
