package io.serverlessspring.samples.petstore.jobs;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import io.serverlessspring.boot.handler.ServerlessHandler;
import io.serverlessspring.boot.manifest.DeploymentManifest;
import io.serverlessspring.boot.manifest.ManifestGenerator;
import io.serverlessspring.boot.manifest.ManifestJson;
import io.serverlessspring.samples.petstore.PetstoreApplication;
import io.serverlessspring.samples.petstore.web.PetRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample's task, schedule and SQS handler: the manifest the console deploys, and an SQS batch through the handler. */
class JobsTest {

	@Test
	void theDevManifestListsTheScheduleTheTaskAndTheSqsHandler() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int status = ManifestGenerator.run(new String[] { "--main-class", PetstoreApplication.class.getName(), "--stage",
				"dev" }, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

		assertThat(status).as(err.toString()).isZero();
		DeploymentManifest manifest = ManifestJson.read(out.toString(StandardCharsets.UTF_8));
		assertThat(manifest.schedules()).singleElement().satisfies((schedule) -> {
			assertThat(schedule.id()).isEqualTo("stockReport#morningReport");
			assertThat(schedule.expression()).isEqualTo("cron(30 6 ? * MON-FRI *)");
			assertThat(schedule.timezone()).isEqualTo("Europe/Paris");
		});
		assertThat(manifest.tasks()).extracting(DeploymentManifest.Task::id, DeploymentManifest.Task::source)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("welcomeMailer#sendWelcome(java.lang.String,long)", "lambda"));
		assertThat(manifest.eventHandlers()).singleElement().satisfies((handler) -> {
			assertThat(handler.type()).isEqualTo("sqs");
			assertThat(handler.source()).isEqualTo("petstore-dev-adoptions");
			assertThat(handler.batchSize()).isEqualTo(10);
		});
		assertThat(manifest.commands().rawEnabled()).isTrue();
	}

	@Test
	void anSqsBatchAdoptsKnownPetsAndReportsTheUnknownOne() throws Exception {
		ServerlessHandler handler = new ServerlessHandler(PetstoreApplication.class);

		String response = handler.invoke(fixture("events/sqs/adoptions.json"));

		assertThat(response)
			.isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"8d7c6b5a-4f3e-4d2c-b1a0-9f8e7d6c5b4a\"}]}");
		PetRegistry pets = handler.application().context().getBean(PetRegistry.class);
		assertThat(pets.find(1)).get().extracting((pet) -> pet.owner()).isEqualTo("alice");
	}

	@Test
	void theStockCommandRunsInsideTheFunction() throws Exception {
		ServerlessHandler handler = new ServerlessHandler(PetstoreApplication.class);

		String response = handler.invoke("{\"serverless\": {\"kind\": \"manage\", \"command\": \"stock\"}}");

		assertThat(response).startsWith("{\"ok\":true,\"kind\":\"manage\",\"command\":\"stock\",\"result\":{\"pets\":");
	}

	private static String fixture(String path) throws Exception {
		try (InputStream in = JobsTest.class.getResourceAsStream("/" + path)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
