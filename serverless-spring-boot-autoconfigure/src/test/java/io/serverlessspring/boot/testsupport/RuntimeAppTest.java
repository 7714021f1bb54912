package io.serverlessspring.boot.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.serverlessspring.boot.testapp.RuntimeTestApplication;

import org.springframework.boot.test.context.SpringBootTest;

/** The test app started locally (not deployed); one context shared by every test class using it. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = RuntimeTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.application.name=petstore", "serverless.stage=dev",
				"serverless.commands.raw-enabled=true", "spring.config.name=runtime-test" })
public @interface RuntimeAppTest {

}
