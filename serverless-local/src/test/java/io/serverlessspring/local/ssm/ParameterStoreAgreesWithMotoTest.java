package io.serverlessspring.local.ssm;

import java.net.URI;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.serverlessspring.local.MotoAgreement;
import io.serverlessspring.local.SharedCloud;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.ResourceTypeForTagging;
import software.amazon.awssdk.services.ssm.model.Tag;

/**
 * The same Parameter Store calls against moto and the local cloud: the same error codes and
 * statuses, and every member moto answers (nested ones too) is answered here.
 */
class ParameterStoreAgreesWithMotoTest {

	private static MotoAgreement agreement;

	@BeforeAll
	static void start() {
		agreement = MotoAgreement.start();
	}

	private static SsmClient ssm(URI endpoint) {
		return SharedCloud.configure(SsmClient.builder(), endpoint);
	}

	@Test
	void parametersAgree() {
		agreement.compare((e) -> ssm(e).getParameter((g) -> g.name("/compare/missing")));
		agreement.compare((e) -> ssm(e).putParameter((p) -> p.name("/compare/app/url").value("jdbc:x").type(ParameterType.STRING)
			.description("url").tags(Tag.builder().key("stage").value("prod").build())));
		agreement.compare((e) -> ssm(e).putParameter((p) -> p.name("/compare/app/url").value("jdbc:y").type(ParameterType.STRING)));
		agreement.compare((e) -> ssm(e).putParameter((p) -> p.name("/compare/app/url").value("jdbc:y").overwrite(true)));
		agreement.compare((e) -> ssm(e).putParameter((p) -> p.name("/compare/app/url").value("jdbc:z").overwrite(true)
			.tags(Tag.builder().key("k").value("v").build())));
		agreement.compare((e) -> ssm(e).putParameter((p) -> p.name("/compare/app/password").value("pw")
			.type(ParameterType.SECURE_STRING)));
		agreement.compare((e) -> ssm(e).putParameter((p) -> p.name("/compare/app/deep/list").value("a,b")
			.type(ParameterType.STRING_LIST)));
		agreement.compare((e) -> ssm(e).getParameter((g) -> g.name("/compare/app/url")));
		agreement.compare((e) -> ssm(e).getParameter((g) -> g.name("/compare/app/url:1")));
		agreement.compare((e) -> ssm(e).getParameter((g) -> g.name("/compare/app/password").withDecryption(true)));
		agreement.compare((e) -> ssm(e).getParameters((g) -> g.names("/compare/app/url", "/compare/app/none")));
		agreement.compare((e) -> ssm(e).getParametersByPath((g) -> g.path("/compare").recursive(true).maxResults(2)));
		agreement.compare((e) -> ssm(e).getParametersByPath((g) -> g.path("/compare/app")));
		agreement.compare((e) -> ssm(e).getParametersByPath((g) -> g.path("/compare").maxResults(11)));
		agreement.compare((e) -> ssm(e).describeParameters((d) -> d.parameterFilters((f) -> f.key("Name").option("BeginsWith")
			.values("/compare/app/"))));
		agreement.compare((e) -> ssm(e).getParameterHistory((h) -> h.name("/compare/app/url")));
		agreement.compare((e) -> ssm(e).listTagsForResource((t) -> t.resourceType(ResourceTypeForTagging.PARAMETER)
			.resourceId("/compare/app/url")));
		agreement.compare((e) -> ssm(e).addTagsToResource((t) -> t.resourceType(ResourceTypeForTagging.PARAMETER)
			.resourceId("/compare/app/url").tags(Tag.builder().key("team").value("pets").build())));
		agreement.compare((e) -> ssm(e).deleteParameters((d) -> d.names("/compare/app/deep/list", "/compare/app/none")));
		agreement.compare((e) -> ssm(e).deleteParameter((d) -> d.name("/compare/app/url")));
		agreement.compare((e) -> ssm(e).deleteParameter((d) -> d.name("/compare/app/url")));
	}

	@Test
	void nameRulesAgree() {
		agreement.compare((e) -> ssm(e).putParameter((p) -> p.name("/aws/compare/x").value("v").type(ParameterType.STRING)));
		agreement.compare((e) -> ssm(e).putParameter((p) -> p.name("ssm-compare").value("v").type(ParameterType.STRING)));
		agreement.compare((e) -> ssm(e).putParameter((p) -> p.name("/compare/typeless").value("v")));
		agreement.compare((e) -> ssm(e).putParameter((p) -> p.name("/compare/empty").value("").type(ParameterType.STRING)));
	}

}
