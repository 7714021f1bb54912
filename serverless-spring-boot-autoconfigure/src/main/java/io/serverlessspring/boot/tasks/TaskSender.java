package io.serverlessspring.boot.tasks;

/** Sends a serialised task envelope to one kind of source. */
public interface TaskSender {

	void send(TaskDestination destination, byte[] payload);

}
