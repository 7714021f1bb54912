package io.serverlessspring.boot.tasks;

import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

/** Turns a call of a task method into a dispatched task, except the call that runs the task. */
final class TaskInterceptor implements MethodInterceptor {

	private final String beanName;

	private final Supplier<TaskDispatcher> dispatcher;

	TaskInterceptor(String beanName, Supplier<TaskDispatcher> dispatcher) {
		this.beanName = beanName;
		this.dispatcher = dispatcher;
	}

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		if (TaskExecution.consume(invocation.getMethod())) {
			return invocation.proceed();
		}
		return this.dispatcher.get().dispatch(this.beanName, invocation.getMethod(), invocation.getArguments(),
				() -> {
					try {
						return invocation.proceed();
					}
					catch (Exception | Error ex) {
						throw ex;
					}
					catch (Throwable ex) {
						throw new IllegalStateException(ex);
					}
				});
	}

}
