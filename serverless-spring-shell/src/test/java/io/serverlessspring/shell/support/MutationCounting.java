package io.serverlessspring.shell.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Adds a {@link MutationCounter} to a console test's context: {@code @SpringBootTest(classes = {…, MutationCounting.class})}. */
@TestConfiguration
public class MutationCounting {

	@Bean
	MutationCounter mutationCounter() {
		return new MutationCounter();
	}

}
