package io.serverlessspring.shell.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A Lambda function's configuration, in the terms Lambda uses. */
public record FunctionSpec(String name, String description, String runtime, String handler, String architecture,
		int memory, int timeout, int ephemeralStorage, Map<String, String> environment, List<String> layers,
		String tracing, String kmsKeyArn, String deadLetterTarget, List<String> subnetIds,
		List<String> securityGroupIds, boolean snapStart, Integer reservedConcurrency, int provisionedConcurrency,
		List<FileSystemSpec> fileSystems) {

	/** A configuration without file systems. */
	public FunctionSpec(String name, String description, String runtime, String handler, String architecture,
			int memory, int timeout, int ephemeralStorage, Map<String, String> environment, List<String> layers,
			String tracing, String kmsKeyArn, String deadLetterTarget, List<String> subnetIds,
			List<String> securityGroupIds, boolean snapStart, Integer reservedConcurrency, int provisionedConcurrency) {
		this(name, description, runtime, handler, architecture, memory, timeout, ephemeralStorage, environment, layers,
				tracing, kmsKeyArn, deadLetterTarget, subnetIds, securityGroupIds, snapStart, reservedConcurrency,
				provisionedConcurrency, List.of());
	}

	/** The same configuration with these layers. */
	public FunctionSpec withLayers(List<String> layers) {
		return new FunctionSpec(this.name, this.description, this.runtime, this.handler, this.architecture, this.memory,
				this.timeout, this.ephemeralStorage, this.environment, List.copyOf(layers), this.tracing, this.kmsKeyArn,
				this.deadLetterTarget, this.subnetIds, this.securityGroupIds, this.snapStart, this.reservedConcurrency,
				this.provisionedConcurrency, this.fileSystems);
	}

	/** The same configuration with this provisioned concurrency (read from the live alias). */
	public FunctionSpec withProvisionedConcurrency(int provisionedConcurrency) {
		return new FunctionSpec(this.name, this.description, this.runtime, this.handler, this.architecture, this.memory,
				this.timeout, this.ephemeralStorage, this.environment, this.layers, this.tracing, this.kmsKeyArn,
				this.deadLetterTarget, this.subnetIds, this.securityGroupIds, this.snapStart, this.reservedConcurrency,
				provisionedConcurrency, this.fileSystems);
	}

	/** A digest of everything a published version freezes besides the code. */
	public String configurationDigest() {
		String canonical = String.join("\n", this.description, this.runtime, this.handler, this.architecture,
				Integer.toString(this.memory), Integer.toString(this.timeout), Integer.toString(this.ephemeralStorage),
				new TreeMap<>(this.environment).toString(), this.layers.toString(), this.tracing,
				String.valueOf(this.kmsKeyArn), String.valueOf(this.deadLetterTarget), this.subnetIds.toString(),
				this.securityGroupIds.toString(), Boolean.toString(this.snapStart))
				// Only when set, so versions published before file systems existed keep their digest.
				+ (this.fileSystems.isEmpty() ? "" : "\n" + this.fileSystems);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest).substring(0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
