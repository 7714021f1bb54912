package io.serverlessspring.shell.model;

/** An EFS access point mounted in the function, in Lambda's {@code FileSystemConfig} terms. */
public record FileSystemSpec(String accessPointArn, String localMountPath) {

	@Override
	public String toString() {
		return this.accessPointArn + " at " + this.localMountPath;
	}

}
