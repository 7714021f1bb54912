package io.serverlessspring.boot.authorizer;

import io.serverlessspring.boot.routing.RouteOrder;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * The Lambda-authorizer route, present only when the app has an authorizer: a bean named by
 * {@code serverless.http.auth.lambda.bean}, or a {@link LambdaAuthorizer} bean.
 */
@AutoConfiguration(afterName = "io.serverlessspring.boot.settings.ServerlessSettingsAutoConfiguration")
public class AuthorizerAutoConfiguration {

	@Bean
	@Order(RouteOrder.AUTHORIZER)
	@ConditionalOnProperty("serverless.http.auth.lambda.bean")
	@ConditionalOnMissingBean(AuthorizerRoute.class)
	public AuthorizerRoute serverlessNamedAuthorizerRoute(BeanFactory beans,
			@Value("${serverless.http.auth.lambda.bean}") String name,
			@Value("${serverless.http.auth.lambda.simple-responses:true}") boolean simpleResponses) {
		return new AuthorizerRoute(() -> {
			if (!beans.containsBean(name)) {
				throw new IllegalStateException("serverless.http.auth.lambda.bean names '" + name
						+ "', but the application has no bean of that name");
			}
			Object bean = beans.getBean(name);
			if (!(bean instanceof LambdaAuthorizer authorizer)) {
				throw new IllegalStateException("serverless.http.auth.lambda.bean names '" + name + "', a "
						+ bean.getClass().getName() + ", which does not implement " + LambdaAuthorizer.class.getName());
			}
			return authorizer;
		}, simpleResponses);
	}

	@Bean
	@Order(RouteOrder.AUTHORIZER)
	@ConditionalOnBean(LambdaAuthorizer.class)
	@ConditionalOnMissingBean(AuthorizerRoute.class)
	public AuthorizerRoute serverlessAuthorizerRoute(org.springframework.beans.factory.ObjectProvider<LambdaAuthorizer> authorizer,
			@Value("${serverless.http.auth.lambda.simple-responses:true}") boolean simpleResponses) {
		return new AuthorizerRoute(authorizer::getObject, simpleResponses);
	}

}
