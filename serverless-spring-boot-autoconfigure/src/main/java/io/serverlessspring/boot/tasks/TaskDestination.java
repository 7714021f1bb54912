package io.serverlessspring.boot.tasks;

import io.serverlessspring.boot.settings.TaskSettings.Source;

/**
 * Where one task goes: the source, and for {@code lambda} the function, its qualifier (alias or
 * version; {@code null} for unqualified) and region ({@code null} for the running one).
 */
public record TaskDestination(Source source, String function, String qualifier, String region) {
}
