package io.serverlessspring.boot.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import io.serverlessspring.boot.manifest.DeploymentManifest;
import io.serverlessspring.boot.manifest.ManifestDriftCheck;
import io.serverlessspring.boot.routing.LambdaRuntime;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code serverless} actuator endpoint: stage, function, schedules, tasks, event handlers and
 * functions of the running app, as the manifest would list them, with any drift from the packaged
 * manifest. {@code manage <stage> serverless} shows it from the console.
 */
@Endpoint(id = "serverless")
public class ServerlessEndpoint {

	private final ManifestDriftCheck manifest;

	private final LambdaRuntime runtime;

	public ServerlessEndpoint(ManifestDriftCheck manifest, LambdaRuntime runtime) {
		this.manifest = manifest;
		this.runtime = runtime;
	}

	@ReadOperation
	public Map<String, Object> serverless() {
		DeploymentManifest running = this.manifest.running();
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("application", running.application());
		description.put("stage", running.stage());
		description.put("deployed", this.runtime.isDeployed());
		Map<String, Object> function = new LinkedHashMap<>();
		function.put("name", this.runtime.functionName().orElse(null));
		function.put("version", this.runtime.functionVersion().orElse(null));
		function.put("region", this.runtime.region().orElse(null));
		description.put("function", function);
		description.put("schedules", running.schedules());
		description.put("keepWarm", running.keepWarm());
		description.put("tasks", running.tasks());
		description.put("taskResources", running.taskResources());
		description.put("eventHandlers", running.eventHandlers());
		description.put("functions", running.functions());
		description.put("manifestDrift", this.manifest.differences());
		return description;
	}

}
