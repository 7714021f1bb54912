package io.serverlessspring.local.logs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.server.Json;
import io.serverlessspring.local.server.OwnerOnlyFiles;

/**
 * The log events of a state directory, in an append-only file of JSON lines
 * ({@code <state-dir>/LogsService.events.jsonl}): each event as it arrives
 * ({@code {"group","stream","timestamp","ingestionTime","message"}}) and each deletion of a group or
 * stream ({@code {"deleteGroup"[,"deleteStream"]}}), so saving never rewrites what is already on disk.
 * Lines wait in memory until {@link #flush()} (about once a second); a start replays the file and
 * compacts it when deletions left dead lines.
 */
final class LogJournal {

	private final Path file;

	/** Lines not yet on disk, in order (guarded by this). */
	private List<ObjectNode> pending = new ArrayList<>();

	/** Held while writing, so that flushes append in order. */
	private final Object writing = new Object();

	LogJournal(Path file) {
		this.file = file;
	}

	synchronized void event(String group, String stream, LogsService.LogEvent event) {
		this.pending.add(line(group, stream, event));
	}

	/** The line of one event. */
	static ObjectNode line(String group, String stream, LogsService.LogEvent event) {
		return Json.object().put("group", group).put("stream", stream).put("timestamp", event.timestamp())
			.put("ingestionTime", event.ingestionTime()).put("message", event.message());
	}

	/** A deleted group ({@code stream} null) or stream: its earlier events are not replayed. */
	synchronized void deleted(String group, String stream) {
		ObjectNode line = Json.object().put("deleteGroup", group);
		if (stream != null) {
			line.put("deleteStream", stream);
		}
		this.pending.add(line);
	}

	/** Appends the waiting lines to the file (created 0600). */
	void flush() {
		synchronized (this.writing) {
			List<ObjectNode> lines;
			synchronized (this) {
				if (this.pending.isEmpty()) {
					return;
				}
				lines = this.pending;
				this.pending = new ArrayList<>();
			}
			try {
				if (!Files.exists(this.file)) {
					OwnerOnlyFiles.write(this.file, new byte[0]);
				}
				try (OutputStream out = Files.newOutputStream(this.file, StandardOpenOption.APPEND)) {
					out.write(text(lines));
				}
			}
			catch (IOException ex) {
				synchronized (this) {
					lines.addAll(this.pending);
					this.pending = lines; // kept for the next flush
				}
				throw new UncheckedIOException("Could not append log events to " + this.file, ex);
			}
		}
	}

	/** Every line of the file, in order (none when there is no file). */
	List<JsonNode> read() {
		List<JsonNode> lines = new ArrayList<>();
		if (!Files.isRegularFile(this.file)) {
			return lines;
		}
		try (BufferedReader reader = Files.newBufferedReader(this.file, StandardCharsets.UTF_8)) {
			for (String line; (line = reader.readLine()) != null;) {
				if (!line.isBlank()) {
					try {
						lines.add(Json.mapper().readTree(line));
					}
					catch (RuntimeException torn) {
						// the last line of a file cut short by a crash: the lines before it stand
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the saved log events " + this.file, ex);
		}
		return lines;
	}

	/** Replaces the file with these lines (compaction at start; the only time it is rewritten). */
	void rewrite(List<ObjectNode> lines) {
		synchronized (this.writing) {
			try {
				OwnerOnlyFiles.write(this.file, text(lines));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not compact " + this.file, ex);
			}
		}
	}


	private static byte[] text(List<ObjectNode> lines) {
		StringBuilder text = new StringBuilder();
		lines.forEach((line) -> text.append(Json.mapper().writeValueAsString(line)).append('\n'));
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

}
