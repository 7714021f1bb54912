package io.serverlessspring.boot.events;

import java.io.IOException;

import io.serverlessspring.boot.handler.ServerlessHandler;
import io.serverlessspring.boot.testapp.Recorder;
import io.serverlessspring.boot.testapp.ReportJobs;
import io.serverlessspring.boot.testapp.RuntimeTestApplication;
import io.serverlessspring.boot.testsupport.Fixtures;
import io.serverlessspring.boot.testsupport.Routing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The runtime's events through the real Lambda entry point, as Lambda delivers them. */
class RuntimeThroughHandlerTest {

	private static ServerlessHandler handler;

	@BeforeAll
	static void start() {
		handler = new ServerlessHandler(RuntimeTestApplication.class);
	}

	@Test
	void sqsBatchReachesTheHandlerMethodAndReportsTheFailedMessage() throws IOException {
		Recorder recorder = bean(Recorder.class);
		recorder.clear();

		String response = handler.invoke(Fixtures.event("sqs/adoptions-batch.json"), Routing.LIVE);

		assertThat(response)
			.isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"2e1424d4-f796-459a-8184-9c92662be6da\"}]}");
		assertThat(recorder.calls()).containsExactly("onAdoption(rex,3)", "onAdoption(fido,5)");
	}

	@Test
	void schedulerAndRuleEventsRunTheirScheduledMethods() throws IOException {
		ReportJobs jobs = bean(ReportJobs.class);
		jobs.clear();

		handler.invoke(Fixtures.event("scheduler/refresh-cache.json"), Routing.LIVE);
		handler.invoke(Fixtures.event("eventbridge-scheduled/rule-nightly-report.json"), Routing.LIVE);

		assertThat(jobs.runs()).containsSubsequence("refreshCache", "nightlyReport");
	}

	@Test
	void aRestRequestAuthorizerEventIsAnsweredByTheAppsAuthorizerNotServedAsARequest() throws IOException {
		String response = handler.invoke(Fixtures.event("apigw-authorizer-request/request.json"), Routing.LIVE);

		assertThat(response).isEqualTo("{\"principalId\":\"anonymous\",\"policyDocument\":{\"Version\":\"2012-10-17\","
				+ "\"Statement\":[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Deny\",\"Resource\":"
				+ "\"arn:aws:execute-api:us-east-1:123456789012:r3pmxmplak/prod/GET/pets\"}]}}");
	}

	@Test
	void keepWarmIsAnsweredAndInvokeReturnsAResult() throws IOException {
		assertThat(handler.invoke(Fixtures.event("keep-warm/envelope.json"), Routing.LIVE))
			.isEqualTo("{\"ok\":true,\"kind\":\"keep-warm\"}");
		assertThat(handler.invoke("""
				{"serverless": {"kind": "invoke", "target": "petService#greet", "args": ["rex"]}}""", Routing.LIVE))
			.isEqualTo("{\"ok\":true,\"kind\":\"invoke\",\"target\":\"petService#greet(java.lang.String)\",\"result\":\"hello rex\"}");
	}

	@Test
	void dynamoDbKinesisS3AndEventBridgeEventsReachTheirHandlers() throws IOException {
		Recorder recorder = bean(Recorder.class);
		recorder.clear();

		handler.invoke(Fixtures.event("s3/photo-uploaded.json"), Routing.LIVE);
		handler.invoke(Fixtures.event("dynamodb/pets-stream.json"), Routing.LIVE);
		handler.invoke(Fixtures.event("kinesis/pet-clicks.json"), Routing.LIVE);
		handler.invoke(Fixtures.event("eventbridge/order-placed.json"), Routing.LIVE);

		assertThat(recorder.calls()).containsExactly("onPhoto(petstore-photos,uploads/rex in the garden.jpg,48213)",
				"onPetChange(INSERT,rex)", "onClick(rex,/pets/rex)", "onClick(fido,/pets/fido)", "onOrder(o-1001,rex,2)");
	}

	private static <T> T bean(Class<T> type) {
		return handler.application().context().getBean(type);
	}

}
