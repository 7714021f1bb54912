package io.serverlessspring.boot.tasks;

import java.util.Map;

import io.serverlessspring.boot.settings.ServerlessProperties;
import io.serverlessspring.boot.settings.TaskSettings.Source;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The variables the console sets on the function reach the task settings (docs/reference/manifest.md). */
class TaskSettingsFromConsoleTest {

	@Test
	void theConsolesEnvironmentVariablesBindToTheTaskSettings() {
		MutablePropertySources sources = new MutablePropertySources();
		sources.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				Map.of("SERVERLESS_TASKS_SNSTOPICARN", "arn:aws:sns:us-east-1:123456789012:petstore-dev-tasks",
						"SERVERLESS_TASKS_SQSQUEUEURL", "https://sqs.us-east-1.amazonaws.com/123456789012/petstore-dev-tasks",
						"SERVERLESS_TASKS_SOURCE", "sqs")));

		ServerlessProperties properties = new Binder(ConfigurationPropertySources.from(sources))
			.bind("serverless", ServerlessProperties.class)
			.get();

		assertThat(properties.getTasks().getSnsTopicArn()).isEqualTo("arn:aws:sns:us-east-1:123456789012:petstore-dev-tasks");
		assertThat(properties.getTasks().getSqsQueueUrl())
			.isEqualTo("https://sqs.us-east-1.amazonaws.com/123456789012/petstore-dev-tasks");
		assertThat(properties.getTasks().getSource()).isEqualTo(Source.SQS);
	}

}
