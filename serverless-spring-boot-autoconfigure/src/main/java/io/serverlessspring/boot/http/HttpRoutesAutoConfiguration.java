package io.serverlessspring.boot.http;

import java.util.function.Supplier;

import com.amazonaws.serverless.proxy.internal.LambdaContainerHandler;
import com.amazonaws.serverless.proxy.spring.embedded.ServerlessServletEmbeddedServerFactory;
import io.serverlessspring.boot.settings.ServerlessProperties;
import io.serverlessspring.boot.settings.ServerlessSettingsAutoConfiguration;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.error.ErrorPage;
import org.springframework.boot.web.error.ErrorPageRegistrar;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.support.ErrorPageFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.Ordered;

/**
 * The HTTP routes, active only when the app runs behind the Lambda servlet bridge started by
 * {@code ServerlessHandler}; under {@code mvn spring-boot:run}, Tomcat, or upstream's own
 * handlers nothing here exists.
 */
@AutoConfiguration(after = ServerlessSettingsAutoConfiguration.class)
@ConditionalOnClass({ LambdaContainerHandler.class, ServerlessServletEmbeddedServerFactory.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(ServerlessServletEmbeddedServerFactory.class)
@Conditional(OnLambdaServletContainerCondition.class)
public class HttpRoutesAutoConfiguration {

	/** The container starting this context (starts are serialised, so "current" is ours). */
	private final LambdaServletContainer starting = LambdaServletContainer.current();

	private final Supplier<LambdaServletContainer> container = () -> this.starting;

	public HttpRoutesAutoConfiguration() {
		// Form posts from browsers carry no charset; they are UTF-8, not the servlet default ISO-8859-1.
		LambdaContainerHandler.getContainerConfig().setDefaultContentCharset("UTF-8");
	}

	@Bean
	public RestApiRoute restApiRoute(ServerlessProperties properties) {
		return new RestApiRoute(this.container, properties.getHttp());
	}

	@Bean
	public HttpApiRoute httpApiRoute(ServerlessProperties properties) {
		return new HttpApiRoute(this.container, properties.getHttp());
	}

	@Bean
	public FunctionUrlRoute functionUrlRoute(ServerlessProperties properties) {
		return new FunctionUrlRoute(this.container, properties.getHttp());
	}

	@Bean
	public AlbRoute albRoute(ServerlessProperties properties) {
		return new AlbRoute(this.container, properties.getHttp());
	}

	/**
	 * What Tomcat does and the bridge does not: an exception or {@code sendError} in the app is
	 * forwarded to Spring Boot's error page ({@code /error}), so the client gets Boot's usual
	 * error response instead of upstream's 502.
	 */
	@Bean
	public FilterRegistrationBean<ErrorPageFilter> serverlessErrorPageFilter(ObjectProvider<ErrorPageRegistrar> registrars) {
		ErrorPageFilter filter = new ErrorPageFilter();
		filter.addErrorPages(new ErrorPage("/error"));
		registrars.orderedStream().forEach((registrar) -> registrar.registerErrorPages(filter));
		FilterRegistrationBean<ErrorPageFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
		return registration;
	}

}
