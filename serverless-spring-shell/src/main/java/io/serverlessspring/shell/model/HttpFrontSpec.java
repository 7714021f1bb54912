package io.serverlessspring.shell.model;

import io.serverlessspring.boot.settings.HttpSettings;

/**
 * The HTTP front: what kind, its name, and how a function URL is authorised.
 *
 * @param type the kind of front ({@code NONE} for none)
 * @param name API name (the function name)
 * @param functionUrlAuth {@code NONE} or {@code AWS_IAM}
 */
public record HttpFrontSpec(HttpSettings.Type type, String name, String functionUrlAuth) {
}
