package io.serverlessspring.shell.certify;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.serverlessspring.shell.plan.Action;
import io.serverlessspring.shell.plan.CertifyChanges;
import io.serverlessspring.shell.plan.CertifyPlanner;
import io.serverlessspring.shell.plan.Plan;
import io.serverlessspring.shell.plan.ResourceChange;
import io.serverlessspring.shell.plan.Value;
import io.serverlessspring.shell.state.DomainStateReader.ActualDomain;
import io.serverlessspring.shell.state.DomainStateReader.Certificate;
import io.serverlessspring.shell.state.DomainStateReader.DomainName;
import io.serverlessspring.shell.state.DomainStateReader.Mapping;
import io.serverlessspring.shell.state.DomainStateReader.Zone;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link CertifyPlanner}: what exists of a domain in, the missing or different parts out. */
class CertifyPlannerTest {

	private static final CertifyPlanner.Request REQUEST = new CertifyPlanner.Request("prod", "petstore-prod", "v1",
			"api123", "$default", Map.of(), new CertifyChanges.Waits(Duration.ofMinutes(45), Duration.ofSeconds(5)));

	private static final Zone ZONE = new Zone("Z1", "example.com");

	private static final Certificate ISSUED = new Certificate("arn:cert", "ISSUED", null, "_v.api.example.com", "_x.acm");

	private static final DomainName DOMAIN_NAME = new DomainName("api.example.com", "arn:cert", "d-1.execute-api", "ZAPI");

	@Test
	void nothingThereRefersToTheCertificateAndTheTargetMadeInTheSamePlan() {
		Plan plan = CertifyPlanner.plan(REQUEST, new ActualDomain("api.example.com", ZONE, null, null, null, false, null));

		assertThat(plan.changes()).extracting(ResourceChange::describe).containsExactly(
				"request certificate api.example.com (DNS validation)",
				"write validation record CNAME of ref(certificateArn) (zone example.com)",
				"wait for issue of certificate ref(certificateArn) (up to 45 min)",
				"create API Gateway domain name api.example.com (regional, TLS 1.2)",
				"create API mapping api.example.com/v1 (API api123 stage $default)",
				"write alias record api.example.com A (zone example.com, -> ref(targetDomain))");
		CertifyChanges.DomainName domainName = (CertifyChanges.DomainName) plan.changes().get(3);
		assertThat(domainName.certificateArn()).isEqualTo(Value.ref(CertifyChanges.CERTIFICATE_ARN));
	}

	@Test
	void everythingInPlacePlansNothing() {
		Plan plan = CertifyPlanner.plan(REQUEST, new ActualDomain("api.example.com", ZONE, ISSUED, DOMAIN_NAME,
				new Mapping("m1", "api123", "$default"), true, "d-1.execute-api"));

		assertThat(plan.changes()).isEmpty();
		assertThat(plan.unchanged()).hasSize(4);
	}

	@Test
	void aPendingCertificateWithItsRecordWrittenIsOnlyWaitedFor() {
		Certificate pending = new Certificate("arn:cert", "PENDING_VALIDATION", null, "_v.api.example.com", "_x.acm");

		Plan plan = CertifyPlanner.plan(REQUEST, new ActualDomain("api.example.com", ZONE, pending, DOMAIN_NAME,
				new Mapping("m1", "api123", "$default"), true, "d-1.execute-api"));

		assertThat(plan.changes()).singleElement().isInstanceOfSatisfying(CertifyChanges.Issuance.class,
				issuance -> assertThat(issuance.certificateArn()).isEqualTo(Value.known("arn:cert")));
	}

	@Test
	void aMappingToAnotherApiAndAStaleAliasAreUpdated() {
		Plan plan = CertifyPlanner.plan(REQUEST, new ActualDomain("api.example.com", ZONE, ISSUED, DOMAIN_NAME,
				new Mapping("m1", "old456", "$default"), true, "d-old.execute-api"));

		assertThat(plan.changes()).extracting(ResourceChange::action).containsExactly(Action.UPDATE, Action.UPDATE);
		assertThat(plan.changes().get(0).describe()).isEqualTo("update API mapping api.example.com/v1 (api old456 -> api123)");
		assertThat(((CertifyChanges.AliasRecord) plan.changes().get(1)).target()).isEqualTo(Value.known("d-1.execute-api"));
	}

	@Test
	void withoutAZoneOnlyTheCertificateIsRequestedAndTheRecordsAreLeftToTheUser() {
		Plan plan = CertifyPlanner.plan(REQUEST, new ActualDomain("api.example.com", null, null, null, null, false, null));

		assertThat(plan.changes()).singleElement().isInstanceOf(CertifyChanges.Certificate.class);
		assertThat(plan.notes()).singleElement().asString().contains("no Route 53 hosted zone for api.example.com");
	}

	@Test
	void aFailedCertificateIsRefusedWithItsReason() {
		Certificate failed = new Certificate("arn:cert", "FAILED", "CAA_ERROR", null, null);

		assertThatThrownBy(() -> CertifyPlanner.plan(REQUEST,
				new ActualDomain("api.example.com", ZONE, failed, null, null, false, null)))
			.hasMessage("Certificate arn:cert is FAILED, not ISSUED: see it in the ACM console (CAA_ERROR).");
	}

	@Test
	void thePlanNamesTheStage() {
		Plan plan = CertifyPlanner.plan(REQUEST, new ActualDomain("api.example.com", ZONE, ISSUED, DOMAIN_NAME,
				new Mapping("m1", "api123", "$default"), true, "d-1.execute-api"));

		assertThat(List.of(plan.stage(), plan.function())).containsExactly("prod", "petstore-prod");
	}

}
