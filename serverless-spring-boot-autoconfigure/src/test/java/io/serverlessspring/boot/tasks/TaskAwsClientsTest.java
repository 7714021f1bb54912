package io.serverlessspring.boot.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Clients are built on first use, reused, and dropped (closed) together by evict. */
class TaskAwsClientsTest {

	@Test
	void evictClosesTheBuiltClientsAndTheNextUseBuildsNewOnes() {
		TaskAwsClients clients = new TaskAwsClients();
		List<FakeClient> built = new ArrayList<>();
		Supplier<FakeClient> used = clients.tracked(() -> record(built));
		Supplier<FakeClient> neverUsed = clients.tracked(() -> record(built));

		FakeClient first = used.get();
		assertThat(used.get()).isSameAs(first);

		assertThat(clients.evict()).as("only built clients count").isEqualTo(1);
		assertThat(first.closed).isTrue();
		FakeClient second = used.get();
		assertThat(second).isNotSameAs(first);
		assertThat(second.closed).isFalse();
		assertThat(built).hasSize(2);
	}

	@Test
	void evictDropsASenderSoTheNextTaskGetsANewOneWithNewClients() {
		TaskAwsClients clients = new TaskAwsClients();
		Supplier<TaskSender> sender = clients.tracked(LambdaTaskSender::new);
		TaskSender first = sender.get();

		assertThat(clients.evict()).isEqualTo(1);

		assertThat(sender.get()).isNotSameAs(first);
	}

	private static FakeClient record(List<FakeClient> built) {
		FakeClient client = new FakeClient();
		built.add(client);
		return client;
	}

	static final class FakeClient implements AutoCloseable {

		boolean closed;

		@Override
		public void close() {
			this.closed = true;
		}

	}

}
