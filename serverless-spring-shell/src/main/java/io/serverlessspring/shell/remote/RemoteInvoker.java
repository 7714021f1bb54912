package io.serverlessspring.shell.remote;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.serverlessspring.shell.aws.AwsClients;
import io.serverlessspring.boot.naming.Arns;
import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.shell.model.StageTags;
import io.serverlessspring.shell.state.ActualStateReader;
import io.serverlessspring.shell.settings.SettingsException;
import io.serverlessspring.shell.settings.StageSettings;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Invokes a stage's live alias with a payload, the way {@code invoke} and {@code manage} do:
 * synchronously with the log tail, or asynchronously ({@code Event}).
 */
public class RemoteInvoker {

	/**
	 * Fails with a message saying how to deploy when the stage has no live alias.
	 */
	public static void requireDeployed(AwsClients clients, StageSettings settings) {
		String function = settings.functionName();
		boolean live;
		try {
			live = ActualStateReader.aliases(clients, function).containsKey(ResourceNames.ALIAS);
		}
		catch (ResourceNotFoundException ex) {
			live = false;
		}
		if (!live) {
			throw new SettingsException("Stage '" + settings.stage() + "' is not deployed: function " + function
					+ " has no '" + ResourceNames.ALIAS + "' alias in " + clients.region()
					+ (clients.target().endpoint() != null ? " at " + clients.target().endpoint() : "")
					+ ". Deploy it first: ./serverless deploy " + settings.stage() + " --project "
					+ settings.projectDir());
		}
	}

	public InvocationResult invoke(AwsClients clients, String function, String payload, boolean async) {
		InvokeResponse response = clients.lambda()
			.invoke(b -> b.functionName(function)
				.qualifier(ResourceNames.ALIAS)
				.invocationType(async ? InvocationType.EVENT : InvocationType.REQUEST_RESPONSE)
				.logType(async ? LogType.NONE : LogType.TAIL)
				.payload(SdkBytes.fromString(payload, StandardCharsets.UTF_8)));
		String text = (response.payload() != null) ? response.payload().asUtf8String() : "";
		JsonNode json = null;
		if (!text.isBlank()) {
			try {
				json = Envelopes.JSON.readTree(text);
			}
			catch (JacksonException ex) {
				json = null;
			}
		}
		String log = "";
		if (response.logResult() != null && !response.logResult().isBlank()) {
			log = new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
		}
		String requestId = response.responseMetadata() != null ? response.responseMetadata().requestId() : null;
		return new InvocationResult(response.statusCode(), response.executedVersion(), response.functionError(), text,
				json, log, requestId);
	}

}
