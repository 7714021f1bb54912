package io.serverlessspring.boot.tasks;

import java.time.Instant;

/**
 * A captured task: its state and, once done, its result or error as JSON text
 * ({@code {"exception": "...", "message": "..."}} for an error).
 */
public record TaskResponse(String taskId, String target, TaskState state, String resultJson, String errorJson,
		Instant updatedAt) {
}
