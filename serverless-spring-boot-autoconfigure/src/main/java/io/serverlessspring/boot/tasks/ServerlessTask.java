package io.serverlessspring.boot.tasks;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a public bean method in another Lambda invocation and returns at once, as Zappa's
 * {@code @task}.
 *
 * <p>Deployed, a call serialises the method's stable id and its arguments as JSON and sends them
 * (an {@code Event} invoke of the running function, or SNS/SQS), before the calling invocation
 * returns. Locally the method runs on the task executor (or inline with
 * {@code serverless.tasks.local-mode: sync}). The method returns {@code void}, a
 * {@link TaskHandle} or a {@code CompletableFuture}; whatever the body returns is what a captured
 * response stores. Calls from the same bean ({@code this.method()}) bypass the proxy and run inline,
 * as with {@code @Async}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ServerlessTask {

	/** Where the task is sent when deployed; {@code DEFAULT} uses {@code serverless.tasks.source}. */
	TaskSourceOption source() default TaskSourceOption.DEFAULT;

	/** Store the result (or the exception) in the response table, readable by task id from any instance. */
	boolean captureResponse() default false;

	/**
	 * Another function to run the task in (its name, ARN, or {@code name:alias}); empty means the
	 * running function. Placeholders are resolved. The other function must have this bean method.
	 */
	String function() default "";

	/** The region of {@link #function()}; empty means the running function's region. */
	String region() default "";

	/** The source a task uses, or the configured default. */
	enum TaskSourceOption {

		/** {@code serverless.tasks.source}. */
		DEFAULT,

		/** An Event invoke. */
		LAMBDA,

		/** An SNS message. */
		SNS,

		/** An SQS message. */
		SQS

	}

}
