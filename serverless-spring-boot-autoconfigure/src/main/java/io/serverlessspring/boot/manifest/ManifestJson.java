package io.serverlessspring.boot.manifest;

import java.io.IOException;
import java.io.InputStream;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the manifest: indented, fields in the documented order; on read unknown fields
 * are ignored and absent numbers and flags are 0 / false (a manifest of an older starter still reads).
 */
public final class ManifestJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private ManifestJson() {
	}

	public static String write(DeploymentManifest manifest) {
		return MAPPER.writeValueAsString(manifest) + "\n";
	}

	public static DeploymentManifest read(InputStream json) throws IOException {
		return MAPPER.readValue(json, DeploymentManifest.class);
	}

	public static DeploymentManifest read(String json) {
		return MAPPER.readValue(json, DeploymentManifest.class);
	}

}
