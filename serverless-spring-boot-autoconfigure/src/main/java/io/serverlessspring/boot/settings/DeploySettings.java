package io.serverlessspring.boot.settings;

/** {@code serverless.deploy.*}: where and how the console deploys. Owned by the console (deploy). */
public class DeploySettings {

	/** AWS region. Default: the profile's or environment's region. */
	private String region;

	/** AWS endpoint URL (an emulator); {@code local} means the embedded serverless-local. */
	private String endpoint;

	public String getRegion() {
		return this.region;
	}

	public void setRegion(String region) {
		this.region = region;
	}

	public String getEndpoint() {
		return this.endpoint;
	}

	public void setEndpoint(String endpoint) {
		this.endpoint = endpoint;
	}

}
