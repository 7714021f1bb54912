package io.serverlessspring.boot.tasks;

import java.lang.reflect.Method;

/**
 * Marks the one call the receiving side makes to run a task, so the task proxy lets that call
 * through instead of sending the task again. Calls the task body makes are dispatched as usual.
 */
final class TaskExecution {

	private static final ThreadLocal<Method> RUNNING = new ThreadLocal<>();

	private TaskExecution() {
	}

	static void runNext(Method method) {
		RUNNING.set(method);
	}

	/** Whether this call is the task being run; consumes the mark. */
	static boolean consume(Method method) {
		Method marked = RUNNING.get();
		if (marked != null && marked.equals(method)) {
			RUNNING.remove();
			return true;
		}
		return false;
	}

	static void clear() {
		RUNNING.remove();
	}

}
