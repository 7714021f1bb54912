package io.serverlessspring.local.route53;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.serverlessspring.local.SharedCloud;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeStatus;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.HostedZoneNotEmptyException;
import software.amazon.awssdk.services.route53.model.InvalidChangeBatchException;
import software.amazon.awssdk.services.route53.model.NoSuchHostedZoneException;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Route 53 over HTTP with the SDK v2 client (rest-xml). */
class Route53ServiceTest {

	private final Route53Client route53 = SharedCloud.client(Route53Client.builder());

	@Test
	void zoneWithPlainAndAliasRecords() {
		HostedZone zone = this.route53.createHostedZone((c) -> c.name("pets.example").callerReference("r53-test-1")).hostedZone();
		assertThat(zone.name()).isEqualTo("pets.example.");
		String zoneId = zone.id();
		assertThat(this.route53.listHostedZonesByName((l) -> l.dnsName("pets.example")).hostedZones())
			.extracting(HostedZone::name).first().isEqualTo("pets.example.");

		var change = this.route53.changeResourceRecordSets((c) -> c.hostedZoneId(zoneId).changeBatch((b) -> b.changes(
				(ch) -> ch.action(ChangeAction.CREATE).resourceRecordSet((r) -> r.name("www.pets.example").type(RRType.CNAME)
					.ttl(300L).resourceRecords((v) -> v.value("pets.example"))),
				(ch) -> ch.action(ChangeAction.UPSERT).resourceRecordSet((r) -> r.name("api.pets.example").type(RRType.A)
					.aliasTarget((a) -> a.hostedZoneId("Z2FDTNDATAQYW2").dnsName("d-abc.execute-api.us-east-1.amazonaws.com")
						.evaluateTargetHealth(false))))))
			.changeInfo();
		this.route53.waiter().waitUntilResourceRecordSetsChanged((g) -> g.id(change.id()));
		assertThat(this.route53.getChange((g) -> g.id(change.id())).changeInfo().status()).isEqualTo(ChangeStatus.INSYNC);

		List<ResourceRecordSet> records = this.route53.listResourceRecordSets((l) -> l.hostedZoneId(zoneId)).resourceRecordSets();
		assertThat(records).extracting(ResourceRecordSet::name, ResourceRecordSet::typeAsString).containsExactly(
				org.assertj.core.groups.Tuple.tuple("pets.example.", "NS"), org.assertj.core.groups.Tuple.tuple("pets.example.", "SOA"),
				org.assertj.core.groups.Tuple.tuple("api.pets.example.", "A"), org.assertj.core.groups.Tuple.tuple("www.pets.example.", "CNAME"));
		assertThat(records.get(2).aliasTarget().dnsName()).isEqualTo("d-abc.execute-api.us-east-1.amazonaws.com.");
		assertThat(records.get(3).resourceRecords()).singleElement().satisfies((v) -> assertThat(v.value()).isEqualTo("pets.example"));

		assertThatThrownBy(() -> this.route53.deleteHostedZone((d) -> d.id(zoneId))).isInstanceOf(HostedZoneNotEmptyException.class);
		assertThatThrownBy(() -> this.route53.changeResourceRecordSets((c) -> c.hostedZoneId(zoneId).changeBatch((b) -> b.changes(
				(ch) -> ch.action(ChangeAction.CREATE).resourceRecordSet((r) -> r.name("www.pets.example").type(RRType.CNAME)
					.ttl(60L).resourceRecords((v) -> v.value("other.example")))))))
			.isInstanceOfSatisfying(InvalidChangeBatchException.class,
					(ex) -> assertThat(ex.getMessage()).contains("Tried to create resource record set [name='www.pets.example.', type='CNAME'] but it already exists"));

		this.route53.changeResourceRecordSets((c) -> c.hostedZoneId(zoneId).changeBatch((b) -> b.changes(
				(ch) -> ch.action(ChangeAction.DELETE).resourceRecordSet((r) -> r.name("www.pets.example").type(RRType.CNAME)
					.ttl(300L).resourceRecords((v) -> v.value("pets.example"))),
				(ch) -> ch.action(ChangeAction.DELETE).resourceRecordSet((r) -> r.name("api.pets.example").type(RRType.A)
					.aliasTarget((a) -> a.hostedZoneId("Z2FDTNDATAQYW2").dnsName("d-abc.execute-api.us-east-1.amazonaws.com")
						.evaluateTargetHealth(false))))));
		this.route53.deleteHostedZone((d) -> d.id(zoneId));
		assertThatThrownBy(() -> this.route53.getHostedZone((g) -> g.id(zoneId)))
			.isInstanceOfSatisfying(NoSuchHostedZoneException.class, (ex) -> {
				assertThat(ex.statusCode()).isEqualTo(404);
				assertThat(ex.getMessage()).contains(zoneId);
			});
	}

	@Test
	void recordsOutsideTheZoneAreRefusedAndNothingChanges() {
		String zoneId = this.route53.createHostedZone((c) -> c.name("shop.example").callerReference("r53-test-2")).hostedZone().id();
		assertThatThrownBy(() -> this.route53.changeResourceRecordSets((c) -> c.hostedZoneId(zoneId).changeBatch((b) -> b.changes(
				(ch) -> ch.action(ChangeAction.CREATE).resourceRecordSet((r) -> r.name("ok.shop.example").type(RRType.TXT)
					.ttl(60L).resourceRecords((v) -> v.value("\"hello\""))),
				(ch) -> ch.action(ChangeAction.CREATE).resourceRecordSet((r) -> r.name("www.elsewhere.example").type(RRType.A)
					.ttl(60L).resourceRecords((v) -> v.value("127.0.0.1")))))))
			.isInstanceOfSatisfying(InvalidChangeBatchException.class,
					(ex) -> assertThat(ex.getMessage()).contains("not permitted in zone shop.example."));
		assertThat(this.route53.listResourceRecordSets((l) -> l.hostedZoneId(zoneId)).resourceRecordSets())
			.as("the batch is all or nothing").hasSize(2);
		this.route53.deleteHostedZone((d) -> d.id(zoneId));
	}

}
