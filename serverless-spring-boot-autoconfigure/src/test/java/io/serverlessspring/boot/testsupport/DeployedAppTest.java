package io.serverlessspring.boot.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.serverlessspring.boot.testapp.RuntimeTestApplication;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The test app as if deployed: the variables the Lambda runtime sets for version 7 of
 * {@code petstore-dev}, given as properties. One context shared by every test class using it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = RuntimeTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "AWS_LAMBDA_FUNCTION_NAME=petstore-dev", "AWS_LAMBDA_FUNCTION_VERSION=7",
				"AWS_REGION=us-east-1", "spring.application.name=petstore", "serverless.stage=dev",
				"serverless.tasks.response-table=petstore-dev-tasks", "serverless.schedules.disabled=reportJobs#purge[1]",
				"serverless.events.handlers.adopt.type=sqs", "serverless.events.handlers.adopt.source=petstore-dev-fn-adoptions",
				"serverless.events.handlers.adopt.target=adoptPet" })
public @interface DeployedAppTest {

}
