package io.serverlessspring.shell.execute;

import java.time.Duration;
import java.util.Locale;

import io.serverlessspring.shell.plan.CertifyChanges;
import io.serverlessspring.shell.state.DomainStateReader;
import software.amazon.awssdk.services.acm.model.Tag;
import software.amazon.awssdk.services.acm.model.ValidationMethod;
import software.amazon.awssdk.services.apigatewayv2.model.DomainNameConfiguration;
import software.amazon.awssdk.services.apigatewayv2.model.EndpointType;
import software.amazon.awssdk.services.apigatewayv2.model.SecurityPolicy;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/** {@code certify}'s changes: ACM certificate and its issuance, API Gateway domain name and mapping, Route 53 records. */
final class CertifyHandlers {

	private CertifyHandlers() {
	}

	static void register(Executor.Registry registry) {
		registry.on(CertifyChanges.Certificate.class, CertifyHandlers::certificate);
		registry.on(CertifyChanges.ValidationRecord.class, CertifyHandlers::validationRecord);
		registry.on(CertifyChanges.Issuance.class, CertifyHandlers::issuance);
		registry.on(CertifyChanges.DomainName.class, CertifyHandlers::domainName);
		registry.on(CertifyChanges.ApiMapping.class, CertifyHandlers::apiMapping);
		registry.on(CertifyChanges.AliasRecord.class, (change, ctx) -> upsert(ctx, change.zoneId(), change.domain(),
				RRType.A, null, ctx.resolve(change.target()), ctx.resolve(change.targetZoneId())));
	}

	private static void certificate(CertifyChanges.Certificate change, ExecutionContext ctx) {
		// The token makes a re-run after an interruption get the same certificate, not a second one.
		String arn = ctx.clients().acm().requestCertificate(b -> b.domainName(change.domain())
			.validationMethod(ValidationMethod.DNS)
			.idempotencyToken(Integer.toHexString(change.domain().hashCode()))
			.tags(change.tags().entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()))
			.certificateArn();
		ctx.progress("        requested certificate " + arn);
		ctx.output(CertifyChanges.CERTIFICATE_ARN, arn);
	}

	private static void validationRecord(CertifyChanges.ValidationRecord change, ExecutionContext ctx) {
		String arn = ctx.resolve(change.certificateArn());
		String name = change.name();
		String value = change.value();
		long deadline = System.nanoTime() + change.waits().timeout().toNanos();
		while (name == null) {
			DomainStateReader.Certificate certificate = DomainStateReader.certificate(ctx.clients(), arn);
			name = certificate.validationName();
			value = certificate.validationValue();
			if (name == null) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("ACM has not given a validation record for " + arn + " yet: run certify again.");
				}
				ctx.progress("        waiting for ACM's validation record...");
				sleep(change.waits().pollInterval());
			}
		}
		upsert(ctx, change.zoneId(), name, RRType.CNAME, value, null, null);
		ctx.progress("        wrote " + name + " CNAME " + value);
	}

	private static void issuance(CertifyChanges.Issuance change, ExecutionContext ctx) {
		String arn = ctx.resolve(change.certificateArn());
		long started = System.nanoTime();
		while (true) {
			DomainStateReader.Certificate certificate = DomainStateReader.certificate(ctx.clients(), arn);
			Duration waited = Duration.ofNanos(System.nanoTime() - started);
			if (!"PENDING_VALIDATION".equals(certificate.status())) {
				ctx.progress("        certificate " + certificate.status().toLowerCase(Locale.ROOT) + " after " + waited.toSeconds() + " s");
				if (!certificate.issued()) {
					throw new IllegalStateException("Certificate " + arn + " is " + certificate.status()
							+ ", not ISSUED: see it in the ACM console (" + certificate.failureReason() + ").");
				}
				return;
			}
			if (waited.compareTo(change.waits().timeout()) > 0) {
				throw new IllegalStateException("ACM has not issued " + arn + " after " + waited.toSeconds()
						+ " s (DNS validation can take up to 30 minutes): run certify again later; it picks up where it stopped.");
			}
			ctx.progress("        waiting for ACM to issue the certificate (" + waited.toSeconds() + " s)");
			sleep(change.waits().pollInterval());
		}
	}

	private static void domainName(CertifyChanges.DomainName change, ExecutionContext ctx) {
		String certificateArn = ctx.resolve(change.certificateArn());
		DomainNameConfiguration configuration = ctx.clients().apiGatewayV2()
			.createDomainName(b -> b.domainName(change.domain())
				.domainNameConfigurations(c -> c.certificateArn(certificateArn)
					.endpointType(EndpointType.REGIONAL)
					.securityPolicy(SecurityPolicy.TLS_1_2))
				.tags(change.tags()))
			.domainNameConfigurations()
			.get(0);
		ctx.output(CertifyChanges.TARGET_DOMAIN, configuration.apiGatewayDomainName());
		ctx.output(CertifyChanges.TARGET_ZONE_ID, configuration.hostedZoneId());
	}

	private static void apiMapping(CertifyChanges.ApiMapping change, ExecutionContext ctx) {
		String key = change.basePath().isEmpty() ? null : change.basePath();
		if (change.mappingId() == null) {
			ctx.clients().apiGatewayV2().createApiMapping(b -> b.domainName(change.domain()).apiId(change.apiId())
				.stage(change.apiStage()).apiMappingKey(key));
		}
		else {
			ctx.clients().apiGatewayV2().updateApiMapping(b -> b.domainName(change.domain()).apiMappingId(change.mappingId())
				.apiId(change.apiId()).stage(change.apiStage()).apiMappingKey(key));
		}
	}

	/** UPSERTs a record unless it is already as wanted (a re-run after an interruption writes nothing twice). */
	private static void upsert(ExecutionContext ctx, String zoneId, String name, RRType type, String value,
			String aliasTarget, String aliasZone) {
		DomainStateReader.Zone zone = new DomainStateReader.Zone(zoneId, null);
		boolean present = DomainStateReader.record(ctx.clients(), zone, name, type).filter(set -> matches(set, value, aliasTarget))
			.isPresent();
		if (present) {
			return;
		}
		String fqdn = DomainStateReader.normalize(name) + ".";
		ctx.clients().route53().changeResourceRecordSets(b -> b.hostedZoneId(zoneId)
			.changeBatch(batch -> batch.comment("serverless-spring certify")
				.changes(change -> change.action(ChangeAction.UPSERT).resourceRecordSet(set -> {
					set.name(fqdn).type(type);
					if (aliasTarget != null) {
						set.aliasTarget(alias -> alias.dnsName(aliasTarget).hostedZoneId(aliasZone).evaluateTargetHealth(false));
					}
					else {
						set.ttl(300L).resourceRecords(r -> r.value(value));
					}
				}))));
	}

	private static boolean matches(ResourceRecordSet set, String value, String aliasTarget) {
		if (aliasTarget != null) {
			return set.aliasTarget() != null
					&& DomainStateReader.normalize(set.aliasTarget().dnsName()).equals(DomainStateReader.normalize(aliasTarget));
		}
		return set.resourceRecords().stream()
			.anyMatch(r -> DomainStateReader.normalize(r.value()).equals(DomainStateReader.normalize(value)));
	}

	private static void sleep(Duration interval) {
		try {
			Thread.sleep(interval.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for ACM: run certify again; it picks up where it stopped.", ex);
		}
	}

}
