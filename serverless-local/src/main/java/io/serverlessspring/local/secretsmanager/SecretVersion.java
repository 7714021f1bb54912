package io.serverlessspring.local.secretsmanager;

import java.util.List;
import java.util.Objects;

/**
 * One version of a secret's value. The version id is the client request token that wrote it.
 *
 * @param versionId the id (32 to 64 characters)
 * @param secretString the text value, or null
 * @param secretBinary the binary value as its base64 text (as the JSON protocol carries it), or null
 * @param stages the staging labels attached to it ({@code AWSCURRENT}, {@code AWSPREVIOUS}, …)
 * @param createdMillis when it was written
 */
record SecretVersion(String versionId, String secretString, String secretBinary, List<String> stages, long createdMillis) {

	SecretVersion {
		stages = List.copyOf(stages);
	}

	SecretVersion withStages(List<String> newStages) {
		return new SecretVersion(this.versionId, this.secretString, this.secretBinary, newStages, this.createdMillis);
	}

	boolean sameValue(String string, String binary) {
		return Objects.equals(this.secretString, string) && Objects.equals(this.secretBinary, binary);
	}

	/** Log-safe: never the value. */
	@Override
	public String toString() {
		return "SecretVersion[" + this.versionId + " " + this.stages + "]";
	}

}
