package io.serverlessspring.shell.deploy;

import io.serverlessspring.shell.aws.AwsClients;
import io.serverlessspring.shell.aws.AwsTarget;
import io.serverlessspring.shell.settings.StageSettings;

/** A stage's settings and the AWS clients to reach where it lives. Close it when done. */
public record StageSession(StageSettings settings, AwsTarget target, AwsClients clients) implements AutoCloseable {

	@Override
	public void close() {
		this.clients.close();
	}

}
