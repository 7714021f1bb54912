package io.serverlessspring.boot.manifest;

import io.serverlessspring.boot.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The manifest contract between the function side and the console: what reads back, what is refused. */
class ManifestJsonTest {

	private static final String PETSTORE = Fixtures.event("../manifest/petstore-dev.json");

	@Test
	void readsAndWritesBackTheSameJsonFieldForField() {
		DeploymentManifest manifest = ManifestJson.read(PETSTORE);

		assertThat(ManifestJson.write(manifest)).isEqualTo(PETSTORE);
		assertThat(manifest.formatVersion()).isEqualTo(DeploymentManifest.FORMAT_VERSION);
		assertThat(manifest.schedule("reportJobs#purge[1]")).get()
			.satisfies((s) -> assertThat(s.expression()).isEqualTo("cron(0 * * * ? *)"))
			.satisfies((s) -> assertThat(s.enabled()).isFalse());
		assertThat(manifest.task("petJobs#archive(java.lang.String)")).get()
			.satisfies((t) -> assertThat(t.function()).isEqualTo("pet-archive:live"));
		assertThat(manifest.eventHandlers("sqs")).extracting(DeploymentManifest.EventHandler::id)
			.containsExactly("adopt", "petEvents#onAdoption", "petEvents#onAuditBatch");
		assertThat(manifest.taskResources().responseTable()).isEqualTo("petstore-dev-task-results");
	}

	@Test
	void refusesAManifestFromANewerStarter() {
		String newer = PETSTORE.replace("\"formatVersion\" : 1,", "\"formatVersion\" : 2,");

		assertThatThrownBy(() -> ManifestJson.read(newer)).isInstanceOf(ManifestVersionException.class)
			.hasMessage("serverless-manifest.json is format version 2, newer than the 1 this console understands:"
					+ " the app was built with a newer serverless-spring-boot-starter. Update the console"
					+ " (serverless-spring-shell) to the starter's version.")
			.satisfies((ex) -> assertThat(((ManifestVersionException) ex).formatVersion()).isEqualTo(2));
	}

	@Test
	void refusesJsonWithoutAFormatVersion() {
		String unversioned = PETSTORE.replace("\"formatVersion\" : 1,", "");

		assertThatThrownBy(() -> ManifestJson.read(unversioned)).isInstanceOf(ManifestVersionException.class)
			.hasMessageStartingWith("serverless-manifest.json has no formatVersion");
		assertThatThrownBy(() -> ManifestJson.read("[]")).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("serverless-manifest.json is not a JSON object");
	}

	@Test
	void leftOutListsAndGroupsReadAsEmptyOrOff() {
		DeploymentManifest manifest = ManifestJson.read("{\"formatVersion\":1,\"schedules\":[],\"eventHandlers\":null}");

		assertThat(manifest.schedules()).isEmpty();
		assertThat(manifest.tasks()).isEmpty();
		assertThat(manifest.eventHandlers()).isEmpty();
		assertThat(manifest.functions()).isEmpty();
		assertThat(manifest.keepWarm().enabled()).isFalse();
		assertThat(manifest.commands().rawEnabled()).isFalse();
		assertThat(manifest.taskResources().snsTopic()).isNull();
		assertThat(manifest.taskResources().sqsQueue()).isNull();
		assertThat(manifest.taskResources().responseTable()).isNull();
	}

	@Test
	void anEventHandlerWithoutEventsHasAnEmptyList() {
		DeploymentManifest manifest = ManifestJson.read("{\"formatVersion\":1,\"eventHandlers\":[{\"id\":\"a\","
				+ "\"target\":\"b#c\",\"type\":\"sqs\",\"source\":\"q\",\"batchWindowSeconds\":0,"
				+ "\"reportBatchItemFailures\":false,\"enabled\":true}]}");

		assertThat(manifest.eventHandlers().get(0).events()).isEmpty();
		assertThat(manifest.eventHandlers().get(0).filter()).isNull();
	}

	@Test
	void aMissingFlagOrNumberIsAnErrorNamingTheField() {
		// No silent false/0: a handler missing "enabled" must not deploy as disabled.
		assertThatThrownBy(() -> ManifestJson.read("{\"formatVersion\":1,\"eventHandlers\":[{\"id\":\"a\","
				+ "\"target\":\"b#c\",\"type\":\"sqs\",\"source\":\"q\",\"batchWindowSeconds\":0,"
				+ "\"reportBatchItemFailures\":false}]}"))
			.hasMessageContaining("EventHandler[\"enabled\"]");
	}

	@Test
	void aNullEntryIsAnErrorNamingTheField() {
		assertThatThrownBy(() -> ManifestJson.read("{\"formatVersion\":1,\"tasks\":[null]}"))
			.hasMessageContaining("The manifest's tasks has a null entry");
	}

}
