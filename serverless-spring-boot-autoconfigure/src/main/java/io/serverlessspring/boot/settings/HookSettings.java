package io.serverlessspring.boot.settings;

/**
 * {@code serverless.hooks.*}: shell commands the console runs around a deploy, in the project
 * folder, with {@code SERVERLESS_STAGE}, {@code SERVERLESS_FUNCTION_NAME} (and after a deploy
 * {@code SERVERLESS_URL}) in their environment. Owned by the console; the function ignores them.
 */
public class HookSettings {

	/**
	 * Command run before the app is packaged (package, deploy, update). A non-zero exit stops the
	 * command before anything in AWS changes.
	 */
	private String beforePackage;

	/**
	 * Command run after deploy or update applied the plan (or found nothing to change), with
	 * SERVERLESS_URL set. A non-zero exit is reported and makes the command exit non-zero.
	 */
	private String afterDeploy;

	public String getBeforePackage() {
		return this.beforePackage;
	}

	public void setBeforePackage(String beforePackage) {
		this.beforePackage = beforePackage;
	}

	public String getAfterDeploy() {
		return this.afterDeploy;
	}

	public void setAfterDeploy(String afterDeploy) {
		this.afterDeploy = afterDeploy;
	}

}
