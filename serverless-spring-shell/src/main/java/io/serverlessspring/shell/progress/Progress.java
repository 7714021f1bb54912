package io.serverlessspring.shell.progress;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Where a command reports what it does. It is the {@code Consumer<String>} the pipeline already
 * passes around (each line a milestone), and it shows long work: on a terminal as one line redrawn
 * in place (the progressbar library), elsewhere (a pipe, CI, {@code --json}'s standard error) as
 * plain milestones, without carriage returns or ANSI codes.
 */
public final class Progress implements Consumer<String> {

	/** How often a plain wait says it is still waiting. */
	private static final long STILL_WAITING_SECONDS = 30;

	private static final ScheduledExecutorService reminders = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "serverless-progress");
		thread.setDaemon(true);
		return thread;
	});

	private final Consumer<String> lines;

	/** The terminal the live line is drawn on, or null for plain milestones. */
	private final PrintWriter terminal;

	private final IntSupplier width;

	private final boolean verbose;

	private Progress(Consumer<String> lines, PrintWriter terminal, IntSupplier width, boolean verbose) {
		this.lines = lines;
		this.terminal = terminal;
		this.width = width;
		this.verbose = verbose;
	}

	/** {@code lines} itself when it is a Progress, else plain milestones printed to it. */
	public static Progress of(Consumer<String> lines) {
		return (lines instanceof Progress progress) ? progress : new Progress(lines, null, null, false);
	}

	/**
	 * A command's progress: drawn on {@code out} when it is a terminal, plain lines on it otherwise;
	 * with {@code json}, plain lines on standard error, so standard output holds the JSON alone.
	 */
	public static Progress forOutput(PrintWriter out, boolean json, boolean verbose) {
		if (json) {
			return new Progress(System.err::println, null, null, verbose);
		}
		Consumer<String> println = line -> {
			out.println(line);
			out.flush();
		};
		OptionalInt width = ProgressTerminals.width(out);
		if (width.isEmpty()) {
			return new Progress(println, null, null, verbose);
		}
		return new Progress(println, out, () -> ProgressTerminals.width(out).orElse(80), verbose);
	}

	/** Whether the user asked for the tools' own output ({@code --verbose}). */
	public boolean verbose() {
		return this.verbose;
	}

	/** Whether progress is drawn in place (a terminal) rather than printed as lines. */
	public boolean live() {
		return this.terminal != null;
	}

	/** Prints a milestone line (over the live line, which redraws itself below it). */
	@Override
	public void accept(String line) {
		if (this.terminal != null) {
			synchronized (this.terminal) {
				this.terminal.print("\r\u001b[K");
			}
		}
		this.lines.accept(line);
	}

	/**
	 * Starts showing a piece of work: {@code total} steps ({@code -1} when unknown), in bytes when
	 * {@code bytes}. Plain output prints only what {@link Task#message} says and, for bytes, every
	 * quarter done.
	 */
	public Task start(String name, long total, boolean bytes) {
		if (this.terminal == null) {
			return new PlainTask(name, total, bytes);
		}
		ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName(name)
			.setInitialMax(total)
			.setStyle(ProgressBarStyle.ASCII)
			.setConsumer(new TerminalLine())
			.setUpdateIntervalMillis(250)
			.continuousUpdate()
			.hideEta()
			.clearDisplayOnFinish();
		if (bytes) {
			builder.setUnit(" MB", 1L << 20).showSpeed();
		}
		ProgressBar bar = builder.build();
		return new Task() {
			@Override
			public void stepTo(long done) {
				if (done > bar.getCurrent()) {
					bar.stepTo(done);
				}
			}

			@Override
			public void message(String message) {
				bar.setExtraMessage(message);
			}

			@Override
			public void total(long steps) {
				bar.maxHint(steps);
			}

			@Override
			public void close() {
				bar.close();
			}
		};
	}

	/** Runs a wait for AWS, saying what is awaited and, when it is over, how long it took. */
	public <T> T await(String what, Supplier<T> wait) {
		long started = System.nanoTime();
		ScheduledFuture<?> reminder = null;
		Task task = null;
		if (this.terminal != null) {
			task = start("Waiting for " + what, -1, false);
		}
		else {
			accept("    waiting for " + what + " ...");
			reminder = reminders.scheduleAtFixedRate(
					() -> accept("    still waiting for " + what + " (" + seconds(started) + " s)"),
					STILL_WAITING_SECONDS, STILL_WAITING_SECONDS, TimeUnit.SECONDS);
		}
		try {
			return wait.get();
		}
		finally {
			if (task != null) {
				task.close();
			}
			if (reminder != null) {
				reminder.cancel(false);
			}
			if (task != null || (System.nanoTime() - started) >= TimeUnit.SECONDS.toNanos(1)) {
				accept("    waited " + seconds(started) + " s for " + what);
			}
		}
	}

	/** Runs a wait that returns nothing. */
	public void await(String what, Runnable wait) {
		await(what, () -> {
			wait.run();
			return null;
		});
	}

	/**
	 * The bytes of {@code name} ({@code size} bytes) as they are sent: each stream it opens
	 * counts from zero (an SDK may read the content twice: a checksum, then the request), and the
	 * progress shown only moves forward.
	 */
	public Transfer transfer(String name, long size) {
		return new Transfer(name, size);
	}

	/** A piece of work being shown. */
	public interface Task extends AutoCloseable {

		/** How many steps (bytes, modules) are done. */
		void stepTo(long done);

		/** What is being done now. */
		void message(String message);

		/** The number of steps, once known (plain output has no use for it). */
		default void total(long total) {
		}

		@Override
		void close();

	}

	/** The bytes of one upload. */
	public final class Transfer {

		private final String name;

		private final long size;

		private Task task;

		private long done;

		private Transfer(String name, long size) {
			this.name = name;
			this.size = size;
		}

		/** {@code in} counting what is read from it. */
		public InputStream open(InputStream in) {
			return new FilterInputStream(in) {

				private long read;

				@Override
				public int read() throws IOException {
					int b = super.read();
					counted(b < 0 ? -1 : 1);
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int n = super.read(buffer, offset, length);
					counted(n);
					return n;
				}

				private void counted(int n) {
					if (n > 0) {
						this.read += n;
						progressed(this.read);
					}
				}
			};
		}

		private synchronized void progressed(long read) {
			if (read <= this.done || this.done >= this.size) {
				return;
			}
			if (this.task == null) {
				this.task = start("Uploading " + this.name, this.size, true);
			}
			this.done = Math.min(read, this.size);
			this.task.stepTo(this.done);
			if (this.done >= this.size) {
				this.task.close();
				if (live()) {
					accept("    uploaded " + this.name + " (" + Progress.bytes(this.size) + ")");
				}
			}
		}

	}

	/** Plain milestones: what the task says it does, and every quarter of a byte count. */
	private final class PlainTask implements Task {

		/** Below this, a transfer shows only its 100 % line. */
		private static final long SMALL_TRANSFER = 1024 * 1024;

		private final String name;

		private final long total;

		private final boolean bytes;

		private final long started = System.nanoTime();

		private int quarters;

		private String message;

		PlainTask(String name, long total, boolean bytes) {
			this.name = name;
			this.total = total;
			this.bytes = bytes;
		}

		@Override
		public void stepTo(long done) {
			if (!this.bytes || this.total <= 0) {
				return;
			}
			int reached = (int) Math.min(4, done * 4 / this.total);
			// A small file goes in one or two chunks that jump over quarters: its 100 % line alone.
			if (this.total < SMALL_TRANSFER && reached < 4) {
				return;
			}
			if (reached > this.quarters) {
				this.quarters = reached;
				accept(String.format(Locale.ROOT, "    %s: %d%% (%s of %s)", this.name.toLowerCase(Locale.ROOT).charAt(0)
						+ this.name.substring(1), reached * 25, Progress.bytes(done), Progress.bytes(this.total)));
			}
		}

		@Override
		public void message(String message) {
			if (message != null && !message.equals(this.message)) {
				this.message = message;
				accept("  " + message + " (" + seconds(this.started) + " s)");
			}
		}

		@Override
		public void close() {
		}

	}

	/** The live line: carriage return, the rendered bar, clear to the end of the line. */
	private final class TerminalLine implements ProgressBarConsumer {

		@Override
		public int getMaxRenderedLength() {
			return Progress.this.width.getAsInt() - 1;
		}

		@Override
		public void accept(String rendered) {
			synchronized (Progress.this.terminal) {
				Progress.this.terminal.print("\r" + rendered + "\u001b[K");
				Progress.this.terminal.flush();
			}
		}

		@Override
		public void clear() {
			accept("");
		}

		@Override
		public void close() {
			clear();
		}

	}

	static String seconds(long startedNanos) {
		return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startedNanos) / 1e9);
	}

	/** {@code 812 KB}, {@code 4.8 MB}. */
	public static String bytes(long bytes) {
		if (bytes < 1024 * 1024) {
			return String.format(Locale.ROOT, "%d KB", (bytes + 1023) / 1024);
		}
		return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
	}

}
