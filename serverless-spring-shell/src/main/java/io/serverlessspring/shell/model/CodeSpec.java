package io.serverlessspring.shell.model;

import java.nio.file.Path;
import java.util.Map;

/**
 * The package to run.
 *
 * @param zip the local archive (uploaded when the key is missing)
 * @param key the S3 key, named by the archive's SHA-256: an existing key means these bytes are uploaded
 * @param codeSha256 base64 SHA-256 of the archive, as Lambda reports it
 * @param contentHash hex content hash from the package info
 * @param packageTags tags recording the package on the function
 */
public record CodeSpec(Path zip, String key, String codeSha256, String contentHash, Map<String, String> packageTags) {
}
