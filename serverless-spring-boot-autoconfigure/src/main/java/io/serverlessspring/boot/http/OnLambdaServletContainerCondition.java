package io.serverlessspring.boot.http;

import com.amazonaws.serverless.proxy.spring.SpringBootLambdaContainerHandler;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the context is being started by our {@link LambdaServletContainer}: not under
 * Tomcat, and not under upstream's own handlers, which serve the app without our routes.
 */
class OnLambdaServletContainerCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return (SpringBootLambdaContainerHandler.getInstance() instanceof LambdaServletContainer)
				? ConditionOutcome.match("started by LambdaServletContainer")
				: ConditionOutcome.noMatch("not started by LambdaServletContainer");
	}

}
