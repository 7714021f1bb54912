package io.serverlessspring.local.ssm;

/**
 * One version of a parameter, as PutParameter left it. A SecureString keeps its value (this is a
 * local cloud: no KMS) and the ciphertext-like blob that readers without decryption see instead.
 *
 * @param name the name as it was written (with or without the leading slash of a one-level name)
 * @param type {@code String}, {@code StringList} or {@code SecureString}
 * @param value the plain value (never logged)
 * @param ciphertext for a SecureString, the base64 blob shown without decryption; else null
 * @param keyId for a SecureString, the KMS key (default {@code alias/aws/ssm}); else null
 * @param description null when none
 * @param allowedPattern the regular expression values must match, or null
 * @param dataType {@code text} or {@code aws:ec2:image}
 * @param tier {@code Standard} or {@code Advanced}
 * @param version 1 for the first, +1 per overwrite
 * @param modifiedMillis when this version was written
 */
record ParameterVersion(String name, String type, String value, String ciphertext, String keyId, String description,
		String allowedPattern, String dataType, String tier, long version, long modifiedMillis) {

	boolean encrypted() {
		return "SecureString".equals(this.type);
	}

	/** What GetParameter* answer as {@code Value}: the ciphertext of a SecureString unless decrypting. */
	String visibleValue(boolean withDecryption) {
		return (encrypted() && !withDecryption) ? this.ciphertext : this.value;
	}

	/** Log-safe: never the value. */
	@Override
	public String toString() {
		return "ParameterVersion[" + this.name + " v" + this.version + " " + this.type + "]";
	}

}
