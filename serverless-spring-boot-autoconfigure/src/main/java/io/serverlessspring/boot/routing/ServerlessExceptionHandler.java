package io.serverlessspring.boot.routing;

import com.amazonaws.services.lambda.runtime.Context;

/**
 * Sees every exception an event's route did not handle, with the event and the Lambda context, as
 * Zappa's {@code exception_handler}. Declare beans of this type; all of them are called, in
 * {@code @Order}.
 *
 * <p>Returning {@code true} marks the exception handled: the invocation then succeeds with an
 * {@code ok: false} result instead of failing, so Lambda does not retry an async event or put it
 * on the dead-letter queue. Returning {@code false} lets it fail as usual.
 */
@FunctionalInterface
public interface ServerlessExceptionHandler {

	boolean handle(Throwable exception, LambdaEvent event, Context context);

}
