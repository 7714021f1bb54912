package io.serverlessspring.maven.goals;

import org.apache.maven.plugins.annotations.Mojo;

/** {@code mvn serverless:update -Dserverless.stage=dev}: the console's {@code update} (the same converging operation as deploy). */
@Mojo(name = "update", threadSafe = true)
public class UpdateMojo extends DeployMojo {

	@Override
	String consoleCommand() {
		return "update";
	}

}
