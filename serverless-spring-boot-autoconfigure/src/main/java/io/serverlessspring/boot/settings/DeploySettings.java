package io.serverlessspring.boot.settings;

/** {@code serverless.deploy.*}: where and how the console deploys. Owned by the console (deploy). */
public class DeploySettings {

	/** AWS region. Default: the profile's or environment's region. */
	private String region;

	/**
	 * Accept a region the console's AWS SDK does not know yet (a region newer than the console):
	 * otherwise an unknown {@code region} is refused before any AWS call.
	 */
	private boolean allowUnknownRegion;

	/** AWS endpoint URL (an emulator); {@code local} means the embedded serverless-local. */
	private String endpoint;

	/** Named AWS profile (from ~/.aws/config) the console uses for this stage. */
	private String profile;

	/**
	 * S3 bucket holding packages. Default: {@code serverless-spring-<account>-<region>}, created when
	 * missing and shared by the stages of one account and region (one key prefix per function).
	 */
	private String bucket;

	/** Published versions kept for rollback; older ones are deleted (never one an alias points at). */
	private int retainedVersions = 10;

	/** Whether deploy calls the URL once after applying (warms the first environment). */
	private boolean touch = true;

	/** The path deploy calls when touching; unset: a GET path the app maps ({@code /} first), else the actuator health, else none. */
	private String touchPath;

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

	public String getProfile() {
		return this.profile;
	}

	public void setProfile(String profile) {
		this.profile = profile;
	}

	public String getBucket() {
		return this.bucket;
	}

	public void setBucket(String bucket) {
		this.bucket = bucket;
	}

	public int getRetainedVersions() {
		return this.retainedVersions;
	}

	public void setRetainedVersions(int retainedVersions) {
		this.retainedVersions = retainedVersions;
	}

	public boolean isTouch() {
		return this.touch;
	}

	public void setTouch(boolean touch) {
		this.touch = touch;
	}

	public String getTouchPath() {
		return this.touchPath;
	}

	public void setTouchPath(String touchPath) {
		this.touchPath = touchPath;
	}

	public boolean isAllowUnknownRegion() {
		return this.allowUnknownRegion;
	}

	public void setAllowUnknownRegion(boolean allowUnknownRegion) {
		this.allowUnknownRegion = allowUnknownRegion;
	}

}
