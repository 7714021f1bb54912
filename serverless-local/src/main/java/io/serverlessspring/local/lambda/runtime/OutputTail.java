package io.serverlessspring.local.lambda.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Follows a function's output (stdout and stderr, redirected to one file) line by line. An
 * invocation calls {@link #drain()} before its END line: what the function printed before answering
 * is in the file by then (Java flushes on println), so its lines land between START and END as in
 * Lambda, without waiting on a pipe.
 */
final class OutputTail implements AutoCloseable {

	private static final long POLL_MILLIS = 50;

	private final Path file;

	private final Consumer<String> lines;

	private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

	private long offset;

	private volatile boolean closed;

	OutputTail(Path file, Consumer<String> lines, ExecutorService threads) {
		this.file = file;
		this.lines = lines;
		threads.execute(this::follow);
	}

	/** Emits every complete line written so far. */
	synchronized void drain() {
		try (RandomAccessFile in = new RandomAccessFile(this.file.toFile(), "r")) {
			long length = in.length();
			if (length <= this.offset) {
				return;
			}
			byte[] bytes = new byte[(int) Math.min(length - this.offset, 1 << 20)];
			in.seek(this.offset);
			in.readFully(bytes);
			this.offset += bytes.length;
			for (byte b : bytes) {
				if (b == '\n') {
					emit();
				}
				else if (b != '\r') {
					this.partial.write(b);
				}
			}
		}
		catch (IOException ex) {
			// the file is gone: the environment is closing
		}
	}

	private void emit() {
		this.lines.accept(this.partial.toString(StandardCharsets.UTF_8));
		this.partial.reset();
	}

	private void follow() {
		while (!this.closed) {
			drain();
			try {
				TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		drain();
		if (this.partial.size() > 0) {
			emit();
		}
		try {
			Files.deleteIfExists(this.file);
		}
		catch (IOException ex) {
			// left for the temporary directory's cleanup
		}
	}

}
