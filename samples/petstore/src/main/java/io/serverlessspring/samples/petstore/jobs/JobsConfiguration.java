package io.serverlessspring.samples.petstore.jobs;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on {@code @Scheduled}. Run locally, Spring's scheduler fires the methods; deployed, the
 * console creates one EventBridge schedule per method and the in-process scheduler stays off.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class JobsConfiguration {

}
