package io.serverlessspring.boot.remoteenv;

/** {@code s3://bucket/key}: one S3 object. */
record S3ObjectLocation(String bucket, String key) {

	static S3ObjectLocation parse(String property, String url) {
		String rest = url.startsWith("s3://") ? url.substring("s3://".length()) : null;
		int slash = (rest != null) ? rest.indexOf('/') : -1;
		if (slash <= 0 || slash == rest.length() - 1) {
			throw new RemoteEnvException(property + " = '" + url
					+ "' is not an S3 object URL: expected s3://<bucket>/<key>, e.g. s3://my-bucket/prod/env.json");
		}
		return new S3ObjectLocation(rest.substring(0, slash), rest.substring(slash + 1));
	}

	/** The ARN the function's role needs {@code s3:GetObject} on. */
	String arn() {
		return "arn:aws:s3:::" + this.bucket + "/" + this.key;
	}

	@Override
	public String toString() {
		return "s3://" + this.bucket + "/" + this.key;
	}

}
