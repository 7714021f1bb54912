package io.serverlessspring.boot.authorizer;

/**
 * A bean of the app that decides whether API Gateway lets a request through: API Gateway invokes
 * the function with a Lambda-authorizer event, {@link AuthorizerRoute} hands it here and answers
 * with the response shape API Gateway expects. Named by {@code serverless.http.auth.lambda.bean},
 * or the only bean of this type.
 */
@FunctionalInterface
public interface LambdaAuthorizer {

	/** Allow or deny; thrown exceptions fail the invocation, which API Gateway answers with 500. */
	AuthorizerDecision authorize(AuthorizerRequest request);

}
