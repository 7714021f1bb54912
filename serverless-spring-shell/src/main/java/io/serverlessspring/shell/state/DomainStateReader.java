package io.serverlessspring.shell.state;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

import io.serverlessspring.shell.aws.AwsClients;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.acm.model.CertificateSummary;
import software.amazon.awssdk.services.acm.model.DomainValidation;
import software.amazon.awssdk.services.apigatewayv2.model.ApiMapping;
import software.amazon.awssdk.services.apigatewayv2.model.DomainNameConfiguration;
import software.amazon.awssdk.services.apigatewayv2.model.NotFoundException;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * What exists of a custom domain for {@code certify}: the hosted zone, the certificate with its
 * validation record, the API Gateway domain name, the API mapping at the base path and the Route 53
 * validation and alias records. Reads only.
 */
public final class DomainStateReader {

	private DomainStateReader() {
	}

	/**
	 * What exists of a custom domain.
	 *
	 * @param domain the domain, normalised (lower case, no trailing dot)
	 * @param zone the public hosted zone for it, or {@code null}
	 * @param certificate the certificate (given, or found for the domain), or {@code null}
	 * @param domainName the API Gateway domain name, or {@code null}
	 * @param mapping the API mapping at the base path, or {@code null}
	 * @param validationRecordPresent whether the zone holds the certificate's validation CNAME
	 * @param aliasTarget where the zone's alias A record for the domain points (no trailing dot), or {@code null}
	 */
	public record ActualDomain(String domain, Zone zone, Certificate certificate, DomainName domainName,
			Mapping mapping, boolean validationRecordPresent, String aliasTarget) {
	}

	/** A hosted zone: its id without {@code /hostedzone/}. */
	public record Zone(String id, String name) {
	}

	/** A certificate; {@code validationName}/{@code validationValue} {@code null} until ACM gives them. */
	public record Certificate(String arn, String status, String failureReason, String validationName,
			String validationValue) {

		public boolean issued() {
			return "ISSUED".equals(this.status);
		}

	}

	/** An API Gateway domain name and the target its DNS record must point at. */
	public record DomainName(String name, String certificateArn, String targetDomain, String targetZoneId) {
	}

	/** An API mapping. */
	public record Mapping(String id, String apiId, String stage) {
	}

	/**
	 * @param certificateArn a given certificate, or {@code null} to find one for the domain (issued first)
	 * @param hostedZoneId a given zone, or {@code null} to find the longest public zone the domain is in
	 */
	public static ActualDomain read(AwsClients clients, String domain, String basePath, String certificateArn,
			String hostedZoneId) {
		String name = normalize(domain);
		Zone zone = zone(clients, name, hostedZoneId);
		Certificate certificate = (certificateArn != null) ? certificate(clients, certificateArn)
				: findCertificate(clients, name).map(arn -> certificate(clients, arn)).orElse(null);
		DomainName domainName = domainName(clients, name);
		Mapping mapping = (domainName != null) ? mapping(clients, name, basePath) : null;
		boolean validationPresent = zone != null && certificate != null && certificate.validationName() != null
				&& record(clients, zone, certificate.validationName(), RRType.CNAME)
					.map(set -> set.resourceRecords().stream().anyMatch(r -> normalize(r.value()).equals(normalize(certificate.validationValue()))))
					.orElse(false);
		String alias = (zone != null) ? record(clients, zone, name, RRType.A)
			.filter(set -> set.aliasTarget() != null)
			.map(set -> normalize(set.aliasTarget().dnsName()))
			.orElse(null) : null;
		return new ActualDomain(name, zone, certificate, domainName, mapping, validationPresent, alias);
	}

	/** The certificate as ACM describes it now. */
	public static Certificate certificate(AwsClients clients, String arn) {
		CertificateDetail detail = clients.acm().describeCertificate(b -> b.certificateArn(arn)).certificate();
		String recordName = null;
		String recordValue = null;
		for (DomainValidation validation : detail.domainValidationOptions()) {
			if (validation.resourceRecord() != null) {
				recordName = normalize(validation.resourceRecord().name());
				recordValue = validation.resourceRecord().value();
				break;
			}
		}
		return new Certificate(arn, detail.statusAsString(), detail.failureReasonAsString(), recordName, recordValue);
	}

	private static Optional<String> findCertificate(AwsClients clients, String domain) {
		return clients.acm()
			.listCertificatesPaginator(b -> b.certificateStatusesWithStrings("ISSUED", "PENDING_VALIDATION"))
			.certificateSummaryList()
			.stream()
			.filter(c -> domain.equals(normalize(c.domainName())))
			.max(Comparator.comparing(c -> "ISSUED".equals(c.statusAsString())))
			.map(CertificateSummary::certificateArn);
	}

	private static DomainName domainName(AwsClients clients, String domain) {
		try {
			DomainNameConfiguration configuration = clients.apiGatewayV2()
				.getDomainName(b -> b.domainName(domain))
				.domainNameConfigurations()
				.get(0);
			return new DomainName(domain, configuration.certificateArn(), configuration.apiGatewayDomainName(),
					configuration.hostedZoneId());
		}
		catch (NotFoundException ex) {
			return null;
		}
	}

	private static Mapping mapping(AwsClients clients, String domain, String basePath) {
		for (ApiMapping mapping : clients.apiGatewayV2().getApiMappings(b -> b.domainName(domain)).items()) {
			String key = (mapping.apiMappingKey() == null) ? "" : mapping.apiMappingKey();
			if (key.equals(basePath)) {
				return new Mapping(mapping.apiMappingId(), mapping.apiId(), mapping.stage());
			}
		}
		return null;
	}

	private static Zone zone(AwsClients clients, String domain, String zoneId) {
		if (zoneId != null && !zoneId.isBlank()) {
			HostedZone zone = clients.route53().getHostedZone(b -> b.id(zoneId)).hostedZone();
			return new Zone(shortId(zone.id()), normalize(zone.name()));
		}
		HostedZone best = null;
		for (HostedZone zone : clients.route53().listHostedZonesPaginator().hostedZones()) {
			String name = normalize(zone.name());
			boolean matches = domain.equals(name) || domain.endsWith("." + name);
			boolean isPrivate = zone.config() != null && Boolean.TRUE.equals(zone.config().privateZone());
			if (matches && !isPrivate && (best == null || name.length() > normalize(best.name()).length())) {
				best = zone;
			}
		}
		return (best != null) ? new Zone(shortId(best.id()), normalize(best.name())) : null;
	}

	/** The zone's record set {@code name}/{@code type}, if there is one. */
	public static Optional<ResourceRecordSet> record(AwsClients clients, Zone zone, String name, RRType type) {
		String fqdn = normalize(name) + ".";
		return clients.route53()
			.listResourceRecordSets(b -> b.hostedZoneId(zone.id()).startRecordName(fqdn).startRecordType(type).maxItems("1"))
			.resourceRecordSets()
			.stream()
			.filter(set -> fqdn.equalsIgnoreCase(set.name()) && set.type() == type)
			.findFirst();
	}

	/** Lower case, no trailing dot: how domains are compared. */
	public static String normalize(String name) {
		String value = (name == null) ? "" : name.trim().toLowerCase(Locale.ROOT);
		return value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
	}

	private static String shortId(String zoneId) {
		return zoneId.startsWith("/hostedzone/") ? zoneId.substring("/hostedzone/".length()) : zoneId;
	}

}
