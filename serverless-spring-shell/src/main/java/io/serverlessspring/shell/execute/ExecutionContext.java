package io.serverlessspring.shell.execute;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.serverlessspring.shell.aws.AwsClients;
import io.serverlessspring.shell.plan.Value;

/**
 * What handlers share while a plan is applied: the clients, and the outputs of the changes applied
 * so far (the version just published, the id of an API just created), which later changes'
 * {@link Value}s refer to.
 */
public final class ExecutionContext {

	private final AwsClients clients;

	private final Map<String, String> outputs = new LinkedHashMap<>();

	private final Consumer<String> progress;

	ExecutionContext(AwsClients clients, Consumer<String> progress) {
		this.clients = clients;
		this.progress = progress;
	}

	public AwsClients clients() {
		return this.clients;
	}

	public void progress(String message) {
		this.progress.accept(message);
	}

	public String resolve(Value value) {
		return (value != null) ? value.resolve(this.outputs) : null;
	}

	public void output(String name, String value) {
		this.outputs.put(name, value);
	}

	public Map<String, String> outputs() {
		return Map.copyOf(this.outputs);
	}

}
