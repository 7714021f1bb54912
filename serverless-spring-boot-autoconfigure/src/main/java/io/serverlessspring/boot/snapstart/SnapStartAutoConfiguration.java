package io.serverlessspring.boot.snapstart;

import java.util.List;

import io.serverlessspring.boot.routing.EventRouter;
import io.serverlessspring.boot.routing.EventRoutingAutoConfiguration;
import io.serverlessspring.boot.routing.LambdaRuntime;
import io.serverlessspring.boot.routing.LambdaRuntimeAutoConfiguration;
import io.serverlessspring.boot.settings.ServerlessProperties;
import io.serverlessspring.boot.settings.ServerlessSettingsAutoConfiguration;
import io.serverlessspring.boot.settings.SnapStartSettings;
import io.serverlessspring.boot.tasks.TaskAwsClients;
import io.serverlessspring.boot.tasks.TasksAutoConfiguration;
import org.crac.Resource;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * SnapStart runtime hooks ({@code serverless.snap-start.*}), only when Lambda initialises the
 * function for a snapshot ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}); on-demand and
 * provisioned-concurrency environments, tests and local runs get nothing. See docs/snapstart.md.
 */
@AutoConfiguration(after = { ServerlessSettingsAutoConfiguration.class, LambdaRuntimeAutoConfiguration.class,
		EventRoutingAutoConfiguration.class, TasksAutoConfiguration.class },
		afterName = "io.serverlessspring.boot.http.HttpRoutesAutoConfiguration")
@ConditionalOnClass(Resource.class)
@ConditionalOnProperty(prefix = "serverless.snap-start", name = "enabled", havingValue = "true", matchIfMissing = true)
@Conditional(OnSnapStartInitialization.class)
public class SnapStartAutoConfiguration {

	/** Enough to warm a path's hot methods; more would only lengthen the snapshot's init. */
	static final int MAX_PRIME_REQUESTS = 1000;

	@Bean
	@ConditionalOnMissingBean
	public SnapStartPriming serverlessSnapStartPriming(EventRouter router, ServerlessProperties properties,
			ObjectProvider<LoggingSystem> loggingSystem, LambdaRuntime runtime) {
		SnapStartSettings settings = properties.getSnapStart();
		return new SnapStartPriming(router, primePaths(properties), primeRequests(settings),
				loggingSystem.getIfAvailable(), runtime.functionName().orElse("snapstart-prime"));
	}

	@Bean
	@ConditionalOnMissingBean
	public RestoreRefresh serverlessRestoreRefresh(ListableBeanFactory beanFactory,
			ObjectProvider<TaskAwsClients> taskClients) {
		return new RestoreRefresh(beanFactory, taskClients);
	}

	@Bean
	@ConditionalOnMissingBean
	public SnapStartHooks serverlessSnapStartHooks(SnapStartPriming priming, RestoreRefresh refresh,
			ApplicationContext applicationContext) {
		return new SnapStartHooks(priming, refresh, applicationContext);
	}

	/** The configured prime paths, else the deploy touch path, else {@code /}; each checked. */
	static List<String> primePaths(ServerlessProperties properties) {
		List<String> configured = properties.getSnapStart().getPrimePaths();
		if (configured == null || configured.isEmpty()) {
			String touchPath = properties.getDeploy().getTouchPath();
			String path = (touchPath == null || touchPath.isBlank()) ? "/" : touchPath.trim();
			if (!path.startsWith("/")) {
				throw new IllegalArgumentException("serverless.deploy.touch-path (the default SnapStart prime path) must "
						+ "start with '/', was '" + touchPath + "'; fix it or set serverless.snap-start.prime-paths");
			}
			return List.of(path);
		}
		for (int i = 0; i < configured.size(); i++) {
			String path = configured.get(i);
			if (path == null || !path.startsWith("/")) {
				throw new IllegalArgumentException("serverless.snap-start.prime-paths[" + i
						+ "] must be a GET path starting with '/', was '" + path + "'");
			}
		}
		return List.copyOf(configured);
	}

	static int primeRequests(SnapStartSettings settings) {
		int requests = settings.getPrimeRequests();
		if (requests < 0 || requests > MAX_PRIME_REQUESTS) {
			throw new IllegalArgumentException("serverless.snap-start.prime-requests must be 0 to " + MAX_PRIME_REQUESTS
					+ " (requests per prime path), was " + requests);
		}
		return requests;
	}

}
