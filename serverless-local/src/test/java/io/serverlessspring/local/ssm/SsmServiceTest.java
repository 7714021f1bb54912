package io.serverlessspring.local.ssm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.serverlessspring.local.LocalCloud;
import io.serverlessspring.local.SharedCloud;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathResponse;
import software.amazon.awssdk.services.ssm.model.HierarchyLevelLimitExceededException;
import software.amazon.awssdk.services.ssm.model.InvalidFilterKeyException;
import software.amazon.awssdk.services.ssm.model.InvalidResourceIdException;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterAlreadyExistsException;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterPatternMismatchException;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.ParameterVersionNotFoundException;
import software.amazon.awssdk.services.ssm.model.ResourceTypeForTagging;
import software.amazon.awssdk.services.ssm.model.SsmException;
import software.amazon.awssdk.services.ssm.model.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parameter Store through the real SDK v2 client, as Spring Cloud AWS and the console use it. */
class SsmServiceTest {

	private final SsmClient ssm = SharedCloud.client(SsmClient.builder());

	@Test
	void putsAndGetsAStringParameterWithItsArnAndVersion() {
		long version = this.ssm.putParameter((p) -> p.name("/petstore/put/url").value("jdbc:h2:mem").type(ParameterType.STRING)
			.description("database URL")).version();
		Parameter parameter = this.ssm.getParameter((g) -> g.name("/petstore/put/url")).parameter();

		assertThat(version).isEqualTo(1);
		assertThat(parameter.name()).isEqualTo("/petstore/put/url");
		assertThat(parameter.value()).isEqualTo("jdbc:h2:mem");
		assertThat(parameter.type()).isEqualTo(ParameterType.STRING);
		assertThat(parameter.version()).isEqualTo(1);
		assertThat(parameter.arn()).isEqualTo("arn:aws:ssm:us-east-1:000000000000:parameter/petstore/put/url");
		assertThat(parameter.dataType()).isEqualTo("text");
		assertThat(parameter.lastModifiedDate()).isNotNull();
		assertThat(this.ssm.getParameter((g) -> g.name(parameter.arn())).parameter().value())
			.as("by ARN").isEqualTo("jdbc:h2:mem");
	}

	@Test
	void refusesToOverwriteUnlessAskedThenCountsVersions() {
		this.ssm.putParameter((p) -> p.name("/petstore/overwrite/size").value("1").type(ParameterType.STRING));

		assertThatThrownBy(() -> this.ssm.putParameter((p) -> p.name("/petstore/overwrite/size").value("2").type(ParameterType.STRING)))
			.isInstanceOf(ParameterAlreadyExistsException.class)
			.hasMessageContaining("set the overwrite option");
		assertThat(this.ssm.getParameter((g) -> g.name("/petstore/overwrite/size")).parameter().value()).isEqualTo("1");

		long second = this.ssm.putParameter((p) -> p.name("/petstore/overwrite/size").value("2").overwrite(true)).version();
		assertThat(second).isEqualTo(2);
		Parameter current = this.ssm.getParameter((g) -> g.name("/petstore/overwrite/size")).parameter();
		assertThat(current.value()).isEqualTo("2");
		assertThat(current.type()).as("an overwrite without a type keeps it").isEqualTo(ParameterType.STRING);
		assertThat(this.ssm.getParameter((g) -> g.name("/petstore/overwrite/size:1")).parameter().value())
			.as("a version selector").isEqualTo("1");
		assertThatThrownBy(() -> this.ssm.getParameter((g) -> g.name("/petstore/overwrite/size:7")))
			.isInstanceOf(ParameterVersionNotFoundException.class);
		assertThat(this.ssm.getParameterHistory((h) -> h.name("/petstore/overwrite/size")).parameters())
			.extracting((p) -> p.version() + "=" + p.value()).containsExactly("1=1", "2=2");
	}

	@Test
	void secureStringIsABase64BlobWithoutDecryptionAndTheValueWithIt() {
		this.ssm.putParameter((p) -> p.name("/petstore/secure/password").value("s3cr3t!").type(ParameterType.SECURE_STRING));

		String hidden = this.ssm.getParameter((g) -> g.name("/petstore/secure/password")).parameter().value();
		String shown = this.ssm.getParameter((g) -> g.name("/petstore/secure/password").withDecryption(true)).parameter().value();

		assertThat(hidden).isNotEqualTo("s3cr3t!").doesNotContain("s3cr3t");
		assertThat(Base64.getDecoder().decode(hidden)).as("a base64 blob, as KMS ciphertext is").hasSizeGreaterThan(32);
		assertThat(shown).isEqualTo("s3cr3t!");
		ParameterMetadata described = this.ssm.describeParameters((d) -> d.parameterFilters((f) -> f.key("Name")
			.values("/petstore/secure/password"))).parameters().get(0);
		assertThat(described.keyId()).as("the default key").isEqualTo("alias/aws/ssm");
		assertThat(described.type()).isEqualTo(ParameterType.SECURE_STRING);
	}

	@Test
	void secureStringKeepsTheKeyItWasGiven() {
		this.ssm.putParameter((p) -> p.name("/petstore/secure/token").value("t").type(ParameterType.SECURE_STRING)
			.keyId("alias/petstore"));

		assertThat(this.ssm.describeParameters((d) -> d.parameterFilters((f) -> f.key("Name").values("/petstore/secure/token")))
			.parameters()).singleElement().satisfies((p) -> assertThat(p.keyId()).isEqualTo("alias/petstore"));
		assertThatThrownBy(() -> this.ssm.putParameter((p) -> p.name("/petstore/secure/plain").value("v")
			.type(ParameterType.STRING).keyId("alias/petstore")))
			.isInstanceOf(SsmException.class).hasMessageContaining("KeyId is required for SecureString type parameter only");
	}

	@Test
	void stringListParameterKeepsItsCommas() {
		this.ssm.putParameter((p) -> p.name("/petstore/list/origins").value("a.example,b.example").type(ParameterType.STRING_LIST));

		Parameter parameter = this.ssm.getParameter((g) -> g.name("/petstore/list/origins")).parameter();
		assertThat(parameter.type()).isEqualTo(ParameterType.STRING_LIST);
		assertThat(parameter.value()).isEqualTo("a.example,b.example");
	}

	@Test
	void missingParameterIsParameterNotFound() {
		assertThatThrownBy(() -> this.ssm.getParameter((g) -> g.name("/petstore/missing/none")))
			.isInstanceOf(ParameterNotFoundException.class)
			.satisfies((ex) -> assertThat(((SsmException) ex).statusCode()).isEqualTo(400));
		assertThatThrownBy(() -> this.ssm.deleteParameter((d) -> d.name("/petstore/missing/none")))
			.isInstanceOf(ParameterNotFoundException.class);
	}

	@Test
	void validatesNamesAsAwsDoes() {
		assertThatThrownBy(() -> put("/aws/reserved/name")).isInstanceOf(SsmException.class)
			.satisfies((ex) -> assertThat(((SsmException) ex).awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
		assertThatThrownBy(() -> put("ssm-thing")).isInstanceOf(SsmException.class)
			.hasMessageContaining("can't be prefixed with \"aws\" or \"ssm\"");
		assertThatThrownBy(() -> put("/petstore/bad name")).isInstanceOf(SsmException.class)
			.satisfies((ex) -> assertThat(((SsmException) ex).awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
		assertThatThrownBy(() -> put("petstore/relative")).isInstanceOf(SsmException.class)
			.hasMessageContaining("fully qualified");
		assertThatThrownBy(() -> put("/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p")).isInstanceOf(HierarchyLevelLimitExceededException.class);
		assertThatThrownBy(() -> put("/petstore/" + "x".repeat(2048))).isInstanceOf(SsmException.class)
			.hasMessageContaining("2048");
		put("/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o");
		put("plain.name_1-2");
		assertThat(this.ssm.getParameter((g) -> g.name("/plain.name_1-2")).parameter().value())
			.as("a one-level name is the same with a leading slash").isEqualTo("v");
	}

	@Test
	void refusesATypeItDoesNotKnowAndAValueItsPatternRefuses() {
		assertThatThrownBy(() -> this.ssm.putParameter((p) -> p.name("/petstore/typed/none").value("v")))
			.isInstanceOf(SsmException.class).hasMessageContaining("A parameter type is required");
		assertThatThrownBy(() -> this.ssm.putParameter((p) -> p.name("/petstore/typed/port").value("eighty")
			.type(ParameterType.STRING).allowedPattern("^[0-9]+$")))
			.isInstanceOf(ParameterPatternMismatchException.class);
		assertThatThrownBy(() -> this.ssm.getParameter((g) -> g.name("/petstore/typed/port")))
			.as("nothing was stored").isInstanceOf(ParameterNotFoundException.class);
		assertThatThrownBy(() -> this.ssm.putParameter((p) -> p.name("/petstore/typed/big").value("x".repeat(4097))
			.type(ParameterType.STRING))).isInstanceOf(SsmException.class).hasMessageContaining("advanced-parameter tier");
		assertThat(this.ssm.putParameter((p) -> p.name("/petstore/typed/big").value("x".repeat(4097))
			.type(ParameterType.STRING).tier(ParameterTier.ADVANCED)).tier()).isEqualTo(ParameterTier.ADVANCED);
	}

	@Test
	void getParametersListsTheNamesItCouldNotFind() {
		put("/petstore/many/a");
		put("/petstore/many/b");

		var response = this.ssm.getParameters((g) -> g.names("/petstore/many/a", "/petstore/many/none", "/petstore/many/b"));

		assertThat(response.parameters()).extracting(Parameter::name).containsExactlyInAnyOrder("/petstore/many/a", "/petstore/many/b");
		assertThat(response.invalidParameters()).containsExactly("/petstore/many/none");
	}

	@Test
	void getParametersByPathPagesThroughARecursiveTree() {
		for (int i = 0; i < 25; i++) {
			String name = String.format("/petstore/paged/%s/p%02d", (i % 2 == 0) ? "even" : "odd", i);
			this.ssm.putParameter((p) -> p.name(name).value("v" + name.substring(name.length() - 2))
				.type((name.endsWith("0")) ? ParameterType.SECURE_STRING : ParameterType.STRING));
		}
		put("/petstore/paged-sibling");

		List<Parameter> all = new ArrayList<>();
		List<Integer> pageSizes = new ArrayList<>();
		String token = null;
		do {
			String next = token;
			GetParametersByPathResponse page = this.ssm.getParametersByPath((g) -> g.path("/petstore/paged").recursive(true)
				.withDecryption(true).maxResults(10).nextToken(next));
			all.addAll(page.parameters());
			pageSizes.add(page.parameters().size());
			token = page.nextToken();
		}
		while (token != null);

		assertThat(pageSizes).containsExactly(10, 10, 5);
		assertThat(all).hasSize(25).extracting(Parameter::name).doesNotHaveDuplicates()
			.allMatch((name) -> name.startsWith("/petstore/paged/"));
		assertThat(all).filteredOn((p) -> p.name().endsWith("p10")).singleElement()
			.satisfies((p) -> assertThat(p.value()).as("decrypted").isEqualTo("v10"));
		assertThat(this.ssm.getParametersByPathPaginator((g) -> g.path("/petstore/paged").recursive(true)).stream()
			.flatMap((page) -> page.parameters().stream())).as("the SDK's paginator walks the same pages").hasSize(25);
	}

	@Test
	void theNextPageFollowsTheLastNameGivenWhileParametersComeAndGo() {
		for (int i = 1; i <= 6; i++) {
			put("/petstore/moving/p" + i);
		}
		GetParametersByPathResponse first = this.ssm.getParametersByPath((g) -> g.path("/petstore/moving").maxResults(3));
		this.ssm.deleteParameters((d) -> d.names("/petstore/moving/p2", "/petstore/moving/p4"));
		put("/petstore/moving/p0");

		GetParametersByPathResponse second = this.ssm.getParametersByPath((g) -> g.path("/petstore/moving").maxResults(3)
			.nextToken(first.nextToken()));

		assertThat(first.parameters()).extracting(Parameter::name)
			.containsExactly("/petstore/moving/p1", "/petstore/moving/p2", "/petstore/moving/p3");
		assertThat(second.parameters()).extracting(Parameter::name).containsExactly("/petstore/moving/p5", "/petstore/moving/p6");
		assertThat(second.nextToken()).isNull();
		assertThatThrownBy(() -> this.ssm.getParametersByPath((g) -> g.path("/petstore/moving").nextToken("not-a-token")))
			.isInstanceOf(SsmException.class)
			.satisfies((ex) -> assertThat(((SsmException) ex).awsErrorDetails().errorCode()).isEqualTo("InvalidNextToken"));
	}

	@Test
	void getParametersByPathWithoutRecursionStaysOnOneLevel() {
		put("/petstore/level/top");
		put("/petstore/level/deeper/below");

		assertThat(this.ssm.getParametersByPath((g) -> g.path("/petstore/level/")).parameters())
			.extracting(Parameter::name).containsExactly("/petstore/level/top");
		assertThat(this.ssm.getParametersByPath((g) -> g.path("/petstore/level").recursive(true)).parameters())
			.extracting(Parameter::name).containsExactlyInAnyOrder("/petstore/level/top", "/petstore/level/deeper/below");
	}

	@Test
	void getParametersByPathFiltersByTypeAndRefusesNameFilters() {
		put("/petstore/filtered/plain");
		this.ssm.putParameter((p) -> p.name("/petstore/filtered/secret").value("x").type(ParameterType.SECURE_STRING));

		assertThat(this.ssm.getParametersByPath((g) -> g.path("/petstore/filtered").parameterFilters((f) -> f.key("Type")
			.values("SecureString"))).parameters()).extracting(Parameter::name).containsExactly("/petstore/filtered/secret");
		assertThat(this.ssm.getParametersByPath((g) -> g.path("/petstore/filtered").withDecryption(false)).parameters())
			.filteredOn((p) -> p.name().endsWith("secret")).singleElement()
			.satisfies((p) -> assertThat(p.value()).isNotEqualTo("x"));
		assertThatThrownBy(() -> this.ssm.getParametersByPath((g) -> g.path("/petstore/filtered")
			.parameterFilters((f) -> f.key("Name").values("x")))).isInstanceOf(InvalidFilterKeyException.class);
		assertThatThrownBy(() -> this.ssm.getParametersByPath((g) -> g.path("/petstore/filtered").maxResults(11)))
			.isInstanceOf(SsmException.class).hasMessageContaining("less than or equal to 10");
		assertThatThrownBy(() -> this.ssm.getParametersByPath((g) -> g.path("petstore")))
			.isInstanceOf(SsmException.class).hasMessageContaining("must begin with a forward slash");
	}

	@Test
	void deletesOneOrManyParameters() {
		put("/petstore/deleted/one");
		put("/petstore/deleted/two");
		put("/petstore/deleted/three");

		this.ssm.deleteParameter((d) -> d.name("/petstore/deleted/one"));
		var response = this.ssm.deleteParameters((d) -> d.names("/petstore/deleted/two", "/petstore/deleted/none", "/petstore/deleted/three"));

		assertThat(response.deletedParameters()).containsExactly("/petstore/deleted/two", "/petstore/deleted/three");
		assertThat(response.invalidParameters()).containsExactly("/petstore/deleted/none");
		assertThat(this.ssm.getParametersByPath((g) -> g.path("/petstore/deleted")).parameters()).isEmpty();
	}

	@Test
	void describeParametersFiltersAndPagesWithoutValues() {
		for (int i = 0; i < 12; i++) {
			put("/petstore/described/p" + (char) ('a' + i));
		}
		put("/petstore/described-not/x");

		List<ParameterMetadata> beginning = this.ssm.describeParametersPaginator((d) -> d.maxResults(5)
			.parameterFilters((f) -> f.key("Name").option("BeginsWith").values("/petstore/described/"))).stream().flatMap((page) -> page.parameters().stream()).toList();
		List<ParameterMetadata> byPath = this.ssm.describeParametersPaginator((d) -> d.maxResults(50)
			.parameterFilters((f) -> f.key("Path").values("/petstore/described"))).stream().flatMap((page) -> page.parameters().stream()).toList();

		assertThat(beginning).hasSize(12).extracting(ParameterMetadata::name).doesNotHaveDuplicates();
		assertThat(byPath).extracting(ParameterMetadata::name).isEqualTo(beginning.stream().map(ParameterMetadata::name).toList());
		assertThat(beginning.get(0).version()).isEqualTo(1);
		assertThat(beginning.get(0).lastModifiedDate()).isNotNull();
		assertThat(beginning.get(0).arn()).startsWith("arn:aws:ssm:us-east-1:000000000000:parameter/petstore/described/");
		assertThat(this.ssm.describeParameters((d) -> d.maxResults(5)
			.parameterFilters((f) -> f.key("Name").option("BeginsWith").values("/petstore/described/"))).nextToken()).isNotNull();
	}

	@Test
	void tagsParameters() {
		this.ssm.putParameter((p) -> p.name("/petstore/tagged/a").value("v").type(ParameterType.STRING)
			.tags(Tag.builder().key("stage").value("prod").build()));

		this.ssm.addTagsToResource((t) -> t.resourceType(ResourceTypeForTagging.PARAMETER).resourceId("/petstore/tagged/a")
			.tags(Tag.builder().key("team").value("pets").build()));
		this.ssm.removeTagsFromResource((t) -> t.resourceType(ResourceTypeForTagging.PARAMETER).resourceId("/petstore/tagged/a")
			.tagKeys("stage"));

		assertThat(this.ssm.listTagsForResource((t) -> t.resourceType(ResourceTypeForTagging.PARAMETER)
			.resourceId("/petstore/tagged/a")).tagList()).extracting((t) -> t.key() + "=" + t.value()).containsExactly("team=pets");
		assertThat(this.ssm.describeParameters((d) -> d.parameterFilters((f) -> f.key("tag:team").values("pets")))
			.parameters()).extracting(ParameterMetadata::name).containsExactly("/petstore/tagged/a");
		assertThatThrownBy(() -> this.ssm.listTagsForResource((t) -> t.resourceType(ResourceTypeForTagging.PARAMETER)
			.resourceId("/petstore/tagged/none"))).isInstanceOf(InvalidResourceIdException.class);
		assertThatThrownBy(() -> this.ssm.putParameter((p) -> p.name("/petstore/tagged/a").value("w").overwrite(true)
			.tags(Tag.builder().key("k").value("v").build()))).isInstanceOf(SsmException.class)
			.hasMessageContaining("tags and overwrite can't be used together");
	}

	@Test
	void parametersSurviveARestartInAFileOnlyTheOwnerReads(@TempDir Path state) throws IOException {
		try (LocalCloud first = LocalCloud.start(0, state)) {
			SsmClient client = SharedCloud.configure(SsmClient.builder(), first.endpoint());
			client.putParameter((p) -> p.name("/petstore/kept/password").value("kept!").type(ParameterType.SECURE_STRING)
				.tags(Tag.builder().key("stage").value("prod").build()));
			client.putParameter((p) -> p.name("/petstore/kept/password").value("kept2").overwrite(true));
		}
		Path file = state.resolve("SsmService.json");
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		}
		try (LocalCloud second = LocalCloud.start(0, state)) {
			SsmClient client = SharedCloud.configure(SsmClient.builder(), second.endpoint());
			Parameter parameter = client.getParameter((g) -> g.name("/petstore/kept/password").withDecryption(true)).parameter();
			assertThat(parameter.value()).isEqualTo("kept2");
			assertThat(parameter.version()).isEqualTo(2);
			assertThat(client.getParameter((g) -> g.name("/petstore/kept/password")).parameter().value()).isNotEqualTo("kept2");
			assertThat(client.getParameterHistory((h) -> h.name("/petstore/kept/password")).parameters()).hasSize(2);
			assertThat(client.listTagsForResource((t) -> t.resourceType(ResourceTypeForTagging.PARAMETER)
				.resourceId("/petstore/kept/password")).tagList()).extracting(Tag::key).containsExactly("stage");
		}
	}

	private void put(String name) {
		this.ssm.putParameter((p) -> p.name(name).value("v").type(ParameterType.STRING));
	}

}
