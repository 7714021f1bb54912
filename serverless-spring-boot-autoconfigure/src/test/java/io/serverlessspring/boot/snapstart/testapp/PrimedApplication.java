package io.serverlessspring.boot.snapstart.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * A web app initialised for a SnapStart snapshot: a controller to prime, and a task, a schedule and
 * event handlers bound to the very sources of the events priming classifies, which must never run.
 */
@SpringBootApplication
@EnableScheduling
@PropertySource("classpath:snapstart-testapp.properties")
public class PrimedApplication {

}
