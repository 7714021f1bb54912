package io.serverlessspring.boot.tasks;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import io.serverlessspring.boot.errors.OptionalDependency;
import io.serverlessspring.boot.naming.ServerlessNames;
import io.serverlessspring.boot.routing.LambdaRuntime;
import io.serverlessspring.boot.routing.LambdaRuntimeAutoConfiguration;
import io.serverlessspring.boot.routing.RouteOrder;
import io.serverlessspring.boot.scanning.AnnotatedMethods;
import io.serverlessspring.boot.settings.ServerlessProperties;
import io.serverlessspring.boot.settings.ServerlessSettingsAutoConfiguration;
import io.serverlessspring.boot.settings.TaskSettings.Source;
import io.serverlessspring.boot.settings.TaskSettings;
import io.serverlessspring.boot.targets.TargetResolver;
import io.serverlessspring.boot.targets.TargetsAutoConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.util.ClassUtils;

/**
 * {@link ServerlessTask} methods: the proxying post-processor, the dispatcher (call side), the
 * task route (receiving side) and the captured-response store. Inert when no bean has a task
 * method: the post-processor then proxies nothing and no AWS client is ever built.
 */
@AutoConfiguration(after = { ServerlessSettingsAutoConfiguration.class, LambdaRuntimeAutoConfiguration.class,
		TargetsAutoConfiguration.class },
		afterName = "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration")
public class TasksAutoConfiguration {

	private static final boolean DYNAMODB_PRESENT = ClassUtils
		.isPresent("software.amazon.awssdk.services.dynamodb.DynamoDbClient", TasksAutoConfiguration.class.getClassLoader());

	@Bean
	public static ServerlessTaskPostProcessor serverlessTaskPostProcessor() {
		return new ServerlessTaskPostProcessor();
	}

	/**
	 * Under {@code spring.main.lazy-initialization=true} a bean is created on first use, and its
	 * {@link ServerlessTask} methods would be registered only then: a task event reaching a cold
	 * function would find no task. Beans with task methods stay eager. Static, so Boot's lazy
	 * post-processor finds it without creating this configuration.
	 */
	@Bean
	public static LazyInitializationExcludeFilter serverlessTaskBeansEager() {
		return (beanName, definition, beanType) -> beanType != null
				&& !AnnotatedMethods.find(beanType, ServerlessTask.class).isEmpty();
	}

	@Bean
	@ConditionalOnMissingBean
	public TaskRegistry serverlessTaskRegistry() {
		return new TaskRegistry();
	}

	@Bean
	@ConditionalOnMissingBean
	public TaskResponses serverlessTaskResponses(LambdaRuntime runtime, ServerlessProperties properties,
			Environment environment, TaskAwsClients clients) {
		TaskSettings tasks = properties.getTasks();
		if (!runtime.isDeployed() && tasks.getResponseTable() == null) {
			return new InMemoryTaskResponses();
		}
		if (!DYNAMODB_PRESENT) {
			// Only a captured task needs the table: fail there, with the fix, not at start-up.
			return new MissingDynamoDbTaskResponses();
		}
		String table = (tasks.getResponseTable() != null) ? tasks.getResponseTable()
				: ServerlessNames.of(environment, properties, runtime.functionName().orElse(null)).taskResource();
		return DynamoDb.responses(table, tasks, clients);
	}

	/** Every AWS client the tasks build, so they can be dropped together (SnapStart restore). */
	@Bean
	@ConditionalOnMissingBean
	public TaskAwsClients serverlessTaskAwsClients() {
		return new TaskAwsClients();
	}

	@Bean
	@ConditionalOnMissingBean
	public TaskDispatcher serverlessTaskDispatcher(LambdaRuntime runtime, ServerlessProperties properties,
			TargetResolver targets, TaskResponses responses, TaskRegistry registry, TaskAwsClients clients,
			ConfigurableListableBeanFactory beanFactory) {
		TaskSettings tasks = properties.getTasks();
		Map<Source, Supplier<TaskSender>> senders = new EnumMap<>(Source.class);
		if (OptionalDependency.LAMBDA_CLIENT.isPresent(getClass().getClassLoader())) {
			senders.put(Source.LAMBDA, clients.tracked(LambdaTaskSender::new));
		}
		if (ClassUtils.isPresent("software.amazon.awssdk.services.sns.SnsClient", getClass().getClassLoader())) {
			senders.put(Source.SNS, clients.tracked(() -> new SnsTaskSender(tasks::getSnsTopicArn)));
		}
		if (ClassUtils.isPresent("software.amazon.awssdk.services.sqs.SqsClient", getClass().getClassLoader())) {
			senders.put(Source.SQS, clients.tracked(() -> new SqsTaskSender(tasks::getSqsQueueUrl)));
		}
		Executor executor = beanFactory.containsBean("applicationTaskExecutor")
				? beanFactory.getBean("applicationTaskExecutor", Executor.class)
				: new SimpleAsyncTaskExecutor("serverless-task-");
		return new TaskDispatcher(runtime, tasks, targets.mapper(), senders, () -> responses, executor, registry,
				Clock.systemUTC());
	}

	/**
	 * At start, not at the first call: a task whose source's SDK client is missing fails start-up
	 * (and {@code package}'s manifest run) naming the dependency to add.
	 */
	@Bean
	public SmartInitializingSingleton serverlessTaskClientsCheck(TaskRegistry registry) {
		return () -> registry.all()
			.forEach((task) -> requireClients(task.id(), (task.function() != null) ? Source.LAMBDA : task.source(),
					TasksAutoConfiguration.class.getClassLoader()));
	}

	/**
	 * Fails naming the SDK modules a task of this source is sent with when they are missing (they are
	 * optional in the starter); also called by the manifest generator.
	 */
	public static void requireClients(String taskId, Source source, ClassLoader loader) {
		OptionalDependency client = switch (source) {
			case LAMBDA -> OptionalDependency.LAMBDA_CLIENT;
			case SNS -> OptionalDependency.SNS_CLIENT;
			case SQS -> OptionalDependency.SQS_CLIENT;
		};
		OptionalDependency.require("The @ServerlessTask " + taskId + " (source " + source.name().toLowerCase(Locale.ROOT) + ")",
				loader, client, OptionalDependency.URL_CONNECTION_CLIENT);
	}

	@Bean
	@Order(RouteOrder.TASKS)
	@ConditionalOnMissingBean
	public TaskRoute serverlessTaskRoute(TaskRegistry registry, TaskDispatcher dispatcher, TargetResolver targets,
			ConfigurableListableBeanFactory beanFactory) {
		return new TaskRoute(registry, dispatcher, beanFactory, targets.mapper());
	}

	/** Kept apart so the DynamoDB classes load only when the module is present. */
	private static final class DynamoDb {

		static TaskResponses responses(String table, TaskSettings tasks, TaskAwsClients clients) {
			return new DynamoDbTaskResponses(
					clients.tracked(() -> TaskClientBuilders.configure(DynamoDbClient.builder(), null).build()), table,
					tasks.getResponseTtl(), Clock.systemUTC());
		}

	}

}
