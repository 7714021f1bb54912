package io.serverlessspring.boot.events;

import java.util.List;

import io.serverlessspring.boot.manifest.DeploymentManifest;
import io.serverlessspring.boot.manifest.ManifestJson;
import io.serverlessspring.boot.settings.EventSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rule's dead-letter queue and a table's stream enabling, bound by properties: checked, and in the manifest only when set. */
class EventHandlerWiringSettingsTest {

	@Test
	void anEventBridgeHandlerNamesItsRulesDeadLetterQueue() {
		EventSettings.Handler handler = handler("eventbridge");
		handler.setDeadLetterQueue(" adopted-dlq ");

		EventHandlerDefinition definition = EventHandlerDefinition.fromSettings("adopted", handler);

		assertThat(definition.deadLetterQueue()).isEqualTo("adopted-dlq");
		assertThat(definition.streamViewType()).isNull();
	}

	@Test
	void aDynamoDbHandlerAsksForItsTablesStreamWithAViewType() {
		EventSettings.Handler handler = handler("dynamodb");
		handler.setEnableStream(true);
		handler.setStreamViewType("new_image");

		assertThat(EventHandlerDefinition.fromSettings("pets", handler).streamViewType()).isEqualTo("NEW_IMAGE");
		handler.setEnableStream(false);
		assertThat(EventHandlerDefinition.fromSettings("pets", handler).streamViewType()).isNull();
	}

	@Test
	void settingsOfAnotherSourceTypeOrAnUnknownViewTypeFailNamingTheProperty() {
		EventSettings.Handler queue = handler("sqs");
		queue.setDeadLetterQueue("dlq");
		assertThatThrownBy(() -> EventHandlerDefinition.fromSettings("adopt", queue))
			.hasMessageStartingWith("serverless.events.handlers.adopt.dead-letter-queue is set on a sqs handler");
		EventSettings.Handler bus = handler("eventbridge");
		bus.setEnableStream(true);
		assertThatThrownBy(() -> EventHandlerDefinition.fromSettings("adopted", bus))
			.hasMessageStartingWith("serverless.events.handlers.adopted.enable-stream is set on a eventbridge handler");
		EventSettings.Handler table = handler("dynamodb");
		table.setEnableStream(true);
		table.setStreamViewType("NEW");
		assertThatThrownBy(() -> EventHandlerDefinition.fromSettings("pets", table))
			.hasMessage("serverless.events.handlers.pets.stream-view-type is 'NEW': expected NEW_AND_OLD_IMAGES, NEW_IMAGE,"
					+ " OLD_IMAGE or KEYS_ONLY");
	}

	@Test
	void theManifestCarriesTheSettingsOnlyWhenSet() {
		DeploymentManifest.EventHandler plain = new DeploymentManifest.EventHandler("adopted", "a#b", "eventbridge",
				"default", null, 0, null, false, List.of(), null, true);
		DeploymentManifest.EventHandler withQueue = new DeploymentManifest.EventHandler("adopted", "a#b", "eventbridge",
				"default", null, 0, null, false, List.of(), null, true, "adopted-dlq", null);

		assertThat(ManifestJson.write(manifest(plain))).doesNotContain("deadLetterQueue", "streamViewType");
		String json = ManifestJson.write(manifest(withQueue));
		assertThat(json).contains("\"deadLetterQueue\" : \"adopted-dlq\"").doesNotContain("streamViewType");
		assertThat(ManifestJson.read(json).eventHandlers()).containsExactly(withQueue);
	}

	private static DeploymentManifest manifest(DeploymentManifest.EventHandler handler) {
		return new DeploymentManifest(DeploymentManifest.FORMAT_VERSION, "petstore", "dev", "a.Main", DeploymentManifest.HANDLER,
				List.of(), null, List.of(), null, List.of(handler), List.of(), null);
	}

	private static EventSettings.Handler handler(String type) {
		EventSettings.Handler handler = new EventSettings.Handler();
		handler.setType(type);
		handler.setSource("pets");
		handler.setTarget("petEvents#on");
		return handler;
	}

}
