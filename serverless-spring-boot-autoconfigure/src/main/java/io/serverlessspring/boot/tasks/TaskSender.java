package io.serverlessspring.boot.tasks;

/** Sends a serialised task envelope to one kind of source. */
public interface TaskSender extends AutoCloseable {

	void send(TaskDestination destination, byte[] payload);

	/** Closes the AWS clients this sender built; it is not used afterwards. */
	@Override
	default void close() {
	}

}
