package io.serverlessspring.shell.apply;

import java.util.function.Consumer;

import io.serverlessspring.shell.aws.AwsClients;
import io.serverlessspring.shell.model.DesiredStage;

/**
 * What steps share while a plan is applied: the clients, the desired state, and values only known
 * once an earlier step ran (the version just published, the id of an API just created).
 */
public final class ApplyContext {

	private final AwsClients clients;

	private final DesiredStage desired;

	private final Consumer<String> progress;

	private String version;

	private String httpApiId;

	private String restApiId;

	private String url;

	public ApplyContext(AwsClients clients, DesiredStage desired, Consumer<String> progress) {
		this.clients = clients;
		this.desired = desired;
		this.progress = progress;
	}

	public AwsClients clients() {
		return this.clients;
	}

	public DesiredStage desired() {
		return this.desired;
	}

	public void progress(String message) {
		this.progress.accept(message);
	}

	public String version() {
		return this.version;
	}

	public void setVersion(String version) {
		this.version = version;
	}

	public String httpApiId() {
		return this.httpApiId;
	}

	public void setHttpApiId(String httpApiId) {
		this.httpApiId = httpApiId;
	}

	public String restApiId() {
		return this.restApiId;
	}

	public void setRestApiId(String restApiId) {
		this.restApiId = restApiId;
	}

	public String url() {
		return this.url;
	}

	public void setUrl(String url) {
		this.url = url;
	}

}
