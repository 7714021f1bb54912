package io.serverlessspring.shell.execute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.serverlessspring.shell.aws.AwsClients;
import io.serverlessspring.shell.plan.Value;
import io.serverlessspring.shell.progress.Progress;
import software.amazon.awssdk.core.sync.RequestBody;

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

	/** Waits for AWS ({@code what}: "function petstore-dev to be active"), showing what is awaited and for how long. */
	public void await(String what, Runnable wait) {
		Progress.of(this.progress).await(what, wait);
	}

	/** {@code file} as a request body whose bytes show as they are sent (bytes and percentage). */
	public RequestBody upload(Path file) {
		long size;
		try {
			size = Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
		Progress.Transfer transfer = Progress.of(this.progress).transfer(String.valueOf(file.getFileName()), size);
		return RequestBody.fromContentProvider(() -> {
			try {
				return transfer.open(Files.newInputStream(file));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + file, ex);
			}
		}, size, "application/zip");
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
