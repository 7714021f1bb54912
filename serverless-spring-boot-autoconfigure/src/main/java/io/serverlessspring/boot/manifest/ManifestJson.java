package io.serverlessspring.boot.manifest;

import java.io.IOException;
import java.io.InputStream;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the manifest: indented, fields in the documented order. Reading is strict where
 * a misreading would deploy the wrong thing and lenient where the format grows: a newer
 * {@code formatVersion} than {@link DeploymentManifest#FORMAT_VERSION} is refused, unknown fields
 * (added by a newer starter without a version change) are ignored.
 */
public final class ManifestJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private ManifestJson() {
	}

	public static String write(DeploymentManifest manifest) {
		return MAPPER.writeValueAsString(manifest) + "\n";
	}

	/**
	 * @throws ManifestVersionException when the manifest is newer than this library or has no version
	 */
	public static DeploymentManifest read(InputStream json) throws IOException {
		return read(MAPPER.readTree(json));
	}

	/**
	 * @throws ManifestVersionException when the manifest is newer than this library or has no version
	 */
	public static DeploymentManifest read(String json) {
		return read(MAPPER.readTree(json));
	}

	private static DeploymentManifest read(JsonNode tree) {
		if (tree == null || !tree.isObject()) {
			throw new IllegalArgumentException(DeploymentManifest.FILE_NAME + " is not a JSON object");
		}
		JsonNode version = tree.get("formatVersion");
		if (version == null || !version.isIntegralNumber() || !version.canConvertToInt() || version.asInt() < 1) {
			throw new ManifestVersionException(0, DeploymentManifest.FILE_NAME + " has no formatVersion (a whole number"
					+ " from 1): it was not written by io.serverlessspring.boot.manifest.ManifestGenerator");
		}
		int formatVersion = version.asInt();
		if (formatVersion > DeploymentManifest.FORMAT_VERSION) {
			throw new ManifestVersionException(formatVersion, DeploymentManifest.FILE_NAME + " is format version "
					+ formatVersion + ", newer than the " + DeploymentManifest.FORMAT_VERSION
					+ " this console understands: the app was built with a newer serverless-spring-boot-starter."
					+ " Update the console (serverless-spring-shell) to the starter's version.");
		}
		return MAPPER.treeToValue(tree, DeploymentManifest.class);
	}

}
