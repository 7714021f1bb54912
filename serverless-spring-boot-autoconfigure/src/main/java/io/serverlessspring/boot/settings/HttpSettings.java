package io.serverlessspring.boot.settings;

/**
 * {@code serverless.http.*}: the HTTP front. Run-time fields (base path, binary types) are read by
 * the HTTP routes; deploy-time fields (type, CORS, authorizers, domain) by the console.
 */
public class HttpSettings {

	/** A custom-domain base path stripped before the app sees the path, e.g. {@code /api}. */
	private String basePath;

	public String getBasePath() {
		return this.basePath;
	}

	public void setBasePath(String basePath) {
		this.basePath = basePath;
	}

}
