package io.serverlessspring.boot.http;

import java.util.concurrent.CountDownLatch;

import com.amazonaws.serverless.exceptions.ContainerInitializationException;
import com.amazonaws.serverless.proxy.AwsProxyExceptionHandler;
import com.amazonaws.serverless.proxy.AwsProxySecurityContextWriter;
import com.amazonaws.serverless.proxy.InitializationWrapper;
import com.amazonaws.serverless.proxy.internal.servlet.AwsHttpServletRequest;
import com.amazonaws.serverless.proxy.internal.servlet.AwsHttpServletResponse;
import com.amazonaws.serverless.proxy.internal.servlet.AwsProxyHttpServletRequestReader;
import com.amazonaws.serverless.proxy.internal.servlet.AwsProxyHttpServletResponseWriter;
import com.amazonaws.serverless.proxy.model.AwsProxyRequest;
import com.amazonaws.serverless.proxy.model.AwsProxyResponse;
import com.amazonaws.serverless.proxy.spring.SpringBootLambdaContainerHandler;
import com.amazonaws.services.lambda.runtime.Context;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The servlet bridge of aws-serverless-java-container, started once and shared by every HTTP
 * event format: one Spring context serves REST API, HTTP API, ALB and Function URL events.
 *
 * <p>Upstream ties one handler to one event type; here the routes read each format into a servlet
 * request themselves and only use this class to run it through the app's filters and servlets.
 */
public class LambdaServletContainer extends SpringBootLambdaContainerHandler<AwsProxyRequest, AwsProxyResponse> {

	private static volatile LambdaServletContainer current;

	public LambdaServletContainer(Class<?> applicationClass, String... profiles) {
		super(AwsProxyRequest.class, AwsProxyResponse.class, new AwsProxyHttpServletRequestReader(),
				new AwsProxyHttpServletResponseWriter(), new AwsProxySecurityContextWriter(),
				new AwsProxyExceptionHandler(), applicationClass, new InitializationWrapper(),
				WebApplicationType.SERVLET);
		if (profiles.length > 0) {
			activateSpringProfiles(profiles);
		}
		current = this;
	}

	/** The container whose Spring context is starting or started in this JVM. */
	static LambdaServletContainer current() {
		LambdaServletContainer container = current;
		if (container == null) {
			throw new IllegalStateException("No LambdaServletContainer was created: the HTTP routes only run behind "
					+ "io.serverlessspring.boot.handler.ServerlessHandler");
		}
		return container;
	}

	/** Starts Spring (the caller's thread) and returns its context. */
	public ConfigurableApplicationContext start() throws ContainerInitializationException {
		initialize();
		return (ConfigurableApplicationContext) WebApplicationContextUtils
			.getRequiredWebApplicationContext(getServletContext());
	}

	/** Runs one request through the app's filters and servlet and returns the finished response. */
	public AwsHttpServletResponse serve(HttpServletRequest request, Context context) throws Exception {
		this.lambdaContext = context;
		CountDownLatch written = new CountDownLatch(1);
		AwsHttpServletResponse response = getContainerResponse(request, written);
		AwsHttpServletRequest awsRequest = unwrap(request);
		// Upstream wires these only when the request is its own class, not a wrapper of it.
		awsRequest.setServletContext(getServletContext());
		awsRequest.setResponse(response);
		awsRequest.setContainerHandler(this);
		handleRequest(request, response, context);
		written.await();
		return response;
	}

	private static AwsHttpServletRequest unwrap(ServletRequest request) {
		ServletRequest candidate = request;
		while (candidate instanceof ServletRequestWrapper wrapper && !(candidate instanceof AwsHttpServletRequest)) {
			candidate = wrapper.getRequest();
		}
		if (candidate instanceof AwsHttpServletRequest awsRequest) {
			return awsRequest;
		}
		throw new IllegalArgumentException("Not a request read by aws-serverless-java-container: " + request.getClass());
	}

}
