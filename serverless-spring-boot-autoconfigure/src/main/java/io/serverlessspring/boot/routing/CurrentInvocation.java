package io.serverlessspring.boot.routing;

import java.util.Optional;

import com.amazonaws.services.lambda.runtime.Context;

/**
 * The Lambda context of the invocation the current thread is handling, set by the
 * {@link EventRouter} around each route. Tasks read it to invoke the same alias or version that is
 * running; it is empty outside an invocation and on threads the invocation did not start.
 */
public final class CurrentInvocation {

	private static final ThreadLocal<Context> CURRENT = new ThreadLocal<>();

	private CurrentInvocation() {
	}

	/** The context of the invocation in progress on this thread. */
	public static Optional<Context> context() {
		return Optional.ofNullable(CURRENT.get());
	}

	/** Runs {@code body} with {@code context} as the current invocation, restoring the previous one after. */
	static <E extends Exception> void with(Context context, ThrowingRunnable<E> body) throws E {
		Context previous = CURRENT.get();
		CURRENT.set(context);
		try {
			body.run();
		}
		finally {
			if (previous == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(previous);
			}
		}
	}

	@FunctionalInterface
	interface ThrowingRunnable<E extends Exception> {

		void run() throws E;

	}

}
