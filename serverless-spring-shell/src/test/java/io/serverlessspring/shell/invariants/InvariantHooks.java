package io.serverlessspring.shell.invariants;

import java.util.concurrent.atomic.AtomicInteger;

import io.serverlessspring.shell.execute.Executor;
import io.serverlessspring.shell.support.MutationCounter;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Beans the invariant tests use: the write counter, and a listener that stops a run after change k. */
@TestConfiguration
public class InvariantHooks {

	/** Stop right after the change with this 1-based index; 0: never. */
	final AtomicInteger stopAfter = new AtomicInteger();

	@Bean
	MutationCounter mutationCounter() {
		return new MutationCounter();
	}

	@Bean
	Executor.ChangeListener stopAfterChangeK() {
		return (change, index) -> {
			if (index == this.stopAfter.get()) {
				throw new IllegalStateException("stopped after change " + index + ": " + change.describe());
			}
		};
	}

}
