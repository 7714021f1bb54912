package io.serverlessspring.local.acm;

import org.junit.jupiter.api.Test;

import io.serverlessspring.local.SharedCloud;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.acm.model.CertificateStatus;
import software.amazon.awssdk.services.acm.model.ResourceNotFoundException;
import software.amazon.awssdk.services.acm.model.ResourceRecord;
import software.amazon.awssdk.services.acm.model.ValidationMethod;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ACM over HTTP with the SDK v2 client, validated through Route 53 the way {@code certify} does it. */
class AcmServiceTest {

	private final AcmClient acm = SharedCloud.client(AcmClient.builder());

	private final Route53Client route53 = SharedCloud.client(Route53Client.builder());

	@Test
	void dnsValidatedCertificateIsIssuedOnceTheValidationRecordExists() {
		String arn = this.acm.requestCertificate((r) -> r.domainName("api.cert.example")
			.subjectAlternativeNames("*.api.cert.example").validationMethod(ValidationMethod.DNS)).certificateArn();
		CertificateDetail pending = this.acm.describeCertificate((d) -> d.certificateArn(arn)).certificate();
		assertThat(pending.status()).isEqualTo(CertificateStatus.PENDING_VALIDATION);
		assertThat(pending.domainValidationOptions()).hasSize(2);
		ResourceRecord record = pending.domainValidationOptions().get(0).resourceRecord();
		assertThat(record.name()).startsWith("_").endsWith(".api.cert.example.");
		assertThat(record.value()).endsWith(".acm-validations.aws.");
		assertThat(pending.domainValidationOptions().get(1).resourceRecord()).as("a wildcard shares its base domain's record")
			.isEqualTo(record);
		assertThat(this.acm.listCertificates((l) -> l.certificateStatuses(CertificateStatus.ISSUED)).certificateSummaryList())
			.noneMatch((c) -> c.certificateArn().equals(arn));

		String zoneId = this.route53.createHostedZone((c) -> c.name("cert.example").callerReference("acm-test")).hostedZone().id();
		this.route53.changeResourceRecordSets((c) -> c.hostedZoneId(zoneId).changeBatch((b) -> b.changes((ch) -> ch
			.action(ChangeAction.UPSERT).resourceRecordSet((r) -> r.name(record.name()).type(RRType.CNAME).ttl(300L)
				.resourceRecords((v) -> v.value(record.value()))))));

		this.acm.waiter().waitUntilCertificateValidated((d) -> d.certificateArn(arn));
		CertificateDetail issued = this.acm.describeCertificate((d) -> d.certificateArn(arn)).certificate();
		assertThat(issued.status()).isEqualTo(CertificateStatus.ISSUED);
		assertThat(issued.notAfter()).isAfter(issued.notBefore());
		assertThat(this.acm.listCertificates((l) -> l.certificateStatuses(CertificateStatus.ISSUED)).certificateSummaryList())
			.anySatisfy((c) -> assertThat(c.certificateArn()).isEqualTo(arn));

		this.acm.addTagsToCertificate((t) -> t.certificateArn(arn).tags((tag) -> tag.key("stage").value("dev")));
		assertThat(this.acm.listTagsForCertificate((t) -> t.certificateArn(arn)).tags())
			.singleElement().satisfies((tag) -> assertThat(tag.value()).isEqualTo("dev"));

		this.acm.deleteCertificate((d) -> d.certificateArn(arn));
		assertThatThrownBy(() -> this.acm.describeCertificate((d) -> d.certificateArn(arn)))
			.isInstanceOfSatisfying(ResourceNotFoundException.class, (ex) -> {
				assertThat(ex.statusCode()).isEqualTo(400);
				assertThat(ex.getMessage()).contains(arn);
			});
	}

	@Test
	void badDomainIsAValidationError() {
		assertThatThrownBy(() -> this.acm.requestCertificate((r) -> r.domainName("not a domain")))
			.isInstanceOfSatisfying(software.amazon.awssdk.services.acm.model.AcmException.class, (ex) -> {
				assertThat(ex.statusCode()).isEqualTo(400);
				assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
			});
	}

}
