package io.serverlessspring.boot.commands;

import java.util.List;

import io.serverlessspring.boot.routing.EventRouter;
import io.serverlessspring.boot.settings.ServerlessProperties;
import io.serverlessspring.boot.testapp.Recorder;
import io.serverlessspring.boot.testsupport.RuntimeAppTest;
import io.serverlessspring.boot.testsupport.Routing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's invoke, invoke --raw and manage, as envelopes through the router. */
@RuntimeAppTest
class CommandRouteTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	EventRouter router;

	@Autowired
	ServerlessProperties properties;

	@Autowired
	Recorder recorder;

	@BeforeEach
	void clear() {
		this.recorder.clear();
	}

	@Test
	void invokeRunsABeanMethodAndReturnsItsResult() {
		JsonNode response = send("""
				{"serverless": {"kind": "invoke", "target": "petService#count", "args": []}}""");

		assertThat(response.toString()).isEqualTo("{\"ok\":true,\"kind\":\"invoke\",\"target\":\"petService#count()\",\"result\":3}");
	}

	@Test
	void invokePicksTheOverloadByArgumentCountAndConvertsJsonArguments() {
		assertThat(send("""
				{"serverless": {"kind": "invoke", "target": "petService#greet", "args": ["rex", 2]}}""").get("result").asString())
			.isEqualTo("hello rex hello rex");
		assertThat(send("""
				{"serverless": {"kind": "invoke", "target": "petService#olderThan", "args": [{"name": "fido", "age": 4}]}}""")
			.get("result").toString()).isEqualTo("[{\"name\":\"rex\",\"age\":5}]");
	}

	@Test
	void invokeRunsASpringCloudFunctionWithItsTypeConversion() {
		JsonNode response = send("""
				{"serverless": {"kind": "invoke", "target": "describePet", "args": [{"name": "rex", "age": 3}]}}""");

		assertThat(response.get("ok").asBoolean()).isTrue();
		assertThat(response.get("result").asString()).isEqualTo("REX is 3");
		assertThat(this.recorder.calls()).containsExactly("describePet(rex,3)");
	}

	@Test
	void aThrowingTargetGivesAStructuredErrorWithoutStackTrace() {
		JsonNode response = send("""
				{"serverless": {"kind": "invoke", "target": "petService#closeStore"}}""");

		assertThat(response.get("ok").asBoolean()).isFalse();
		JsonNode error = response.get("error");
		assertThat(error.get("code").asString()).isEqualTo("failed");
		assertThat(error.get("message").asString())
			.isEqualTo("petService#closeStore() threw IllegalStateException: the store is closed");
		assertThat(error.get("exception").asString()).isEqualTo("java.lang.IllegalStateException");
		assertThat(error.get("causes").toString())
			.isEqualTo("[{\"exception\":\"java.io.IOException\",\"message\":\"connection reset\"}]");
		assertThat(response.toString()).doesNotContain("\tat ").doesNotContain("stackTrace");
	}

	@Test
	void unknownTargetsAndBadArgumentsAreNamed() {
		assertThat(error("""
				{"serverless": {"kind": "invoke", "target": "nope#count"}}""")).containsExactly("not-found",
						"No bean named 'nope' (target nope#count)");
		assertThat(error("""
				{"serverless": {"kind": "invoke", "target": "petService#greet", "args": ["rex", "many"]}}""").get(0))
			.isEqualTo("bad-arguments");
		assertThat(error("""
				{"serverless": {"kind": "invoke", "target": "petService#greet", "args": ["rex", "many"]}}""").get(1))
			.startsWith("petService#greet(java.lang.String,int): argument 2 (times) is not a int");
		assertThat(error("""
				{"serverless": {"kind": "invoke", "target": "petService#greet", "args": []}}""").get(1))
			.startsWith("petService#greet takes no 0 argument(s); candidates: ");
		List<String> unknownFunction = error("""
				{"serverless": {"kind": "invoke", "target": "describeCat", "args": [1]}}""");
		assertThat(unknownFunction.get(0)).isEqualTo("not-found");
		assertThat(unknownFunction.get(1)).startsWith("No function named 'describeCat'; functions: ").contains("describePet");
		assertThat(error("""
				{"serverless": {"kind": "wat"}}""")).containsExactly("bad-request",
						"Unknown serverless.kind 'wat': expected invoke, raw, manage, task, schedule or keep-warm");
	}

	@Test
	void rawEvaluatesSpelAgainstTheContextOnlyWhenEnabled() {
		assertThat(send("""
				{"serverless": {"kind": "raw", "expression": "@petService.count() + 1"}}""").get("result").asInt())
			.isEqualTo(4);
		assertThat(send("""
				{"serverless": {"kind": "raw", "expression": "getProperty('spring.application.name')"}}""")
			.get("result").asString()).isEqualTo("petstore");

		this.properties.getCommands().setRawEnabled(false);
		try {
			assertThat(error("""
					{"serverless": {"kind": "raw", "expression": "@petService.count()"}}""").get(0)).isEqualTo("disabled");
		}
		finally {
			this.properties.getCommands().setRawEnabled(true);
		}
	}

	@Test
	void manageRunsActuatorEndpointsInsideTheFunction() {
		assertThat(send("""
				{"serverless": {"kind": "manage", "command": "health"}}""").at("/result/status").asString()).isEqualTo("UP");
		JsonNode env = send("""
				{"serverless": {"kind": "manage", "command": "env", "args": ["spring.application.name"]}}""");
		// The actuator's own sanitising applies (management.endpoint.env.show-values decides).
		assertThat(env.at("/result/property/source").asString()).isNotEmpty();
		assertThat(env.at("/result/property/value").asString()).isEqualTo("******");
	}

	@Test
	void manageRunsUserCommandsAndListsThemInHelp() {
		JsonNode response = send("""
				{"serverless": {"kind": "manage", "command": "reindex-pets", "args": ["--full"]}}""");
		assertThat(response.get("result").get("reindexed").asInt()).isEqualTo(3);
		assertThat(response.get("result").get("full").asBoolean()).isTrue();

		JsonNode help = send("""
				{"serverless": {"kind": "manage", "command": "help"}}""").get("result");
		assertThat(help.get("commands").get("reindex-pets").asString()).isEqualTo("Rebuilds the pet search index");
		assertThat(help.get("endpoints").toString()).contains("\"health\"", "\"env\"", "\"mappings\"");

		assertThat(error("""
				{"serverless": {"kind": "manage", "command": "reindex-pets", "args": ["--broken"]}}""")).containsExactly(
						"failed", "Command reindex-pets threw IllegalStateException: index is locked");
	}

	private JsonNode send(String envelope) {
		return JSON.readTree(Routing.route(this.router, envelope));
	}

	private java.util.List<String> error(String envelope) {
		JsonNode response = send(envelope);
		assertThat(response.get("ok").asBoolean()).as(response.toString()).isFalse();
		return java.util.List.of(response.at("/error/code").asString(), response.at("/error/message").asString());
	}

}
