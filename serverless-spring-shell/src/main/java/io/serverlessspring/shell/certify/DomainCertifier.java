package io.serverlessspring.shell.certify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import io.serverlessspring.shell.aws.AwsClients;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.acm.model.CertificateStatus;
import software.amazon.awssdk.services.acm.model.CertificateSummary;
import software.amazon.awssdk.services.acm.model.DomainValidation;
import software.amazon.awssdk.services.acm.model.ResourceRecord;
import software.amazon.awssdk.services.acm.model.ValidationMethod;
import software.amazon.awssdk.services.apigatewayv2.model.ApiMapping;
import software.amazon.awssdk.services.apigatewayv2.model.DomainNameConfiguration;
import software.amazon.awssdk.services.apigatewayv2.model.EndpointType;
import software.amazon.awssdk.services.apigatewayv2.model.GetDomainNameResponse;
import software.amazon.awssdk.services.apigatewayv2.model.NotFoundException;
import software.amazon.awssdk.services.apigatewayv2.model.SecurityPolicy;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.RRType;

/**
 * Puts a stage's API behind a custom domain, converging like deploy: a certificate (found, or
 * requested and DNS-validated through Route 53), the API Gateway domain name, the API mapping at
 * the base path, and the Route 53 alias record. Each part already in place is left alone.
 */
public class DomainCertifier {

	/** How long to wait for ACM to issue a certificate. */
	private final Duration issueTimeout;

	private final Duration pollInterval;

	public DomainCertifier(Duration issueTimeout, Duration pollInterval) {
		this.issueTimeout = issueTimeout;
		this.pollInterval = pollInterval;
	}

	/**
	 * The request.
	 *
	 * @param domain the domain, e.g. {@code api.example.com}
	 * @param basePath the mapping key ({@code ""} for the whole domain)
	 * @param apiId the API to map
	 * @param apiStage the API's stage ({@code $default} for an HTTP API)
	 * @param certificateArn a certificate to use, or {@code null} to find or request one
	 * @param hostedZoneId the zone to write to, or {@code null} to find it by name
	 * @param tags tags for what is created
	 */
	public record Request(String domain, String basePath, String apiId, String apiStage, String certificateArn,
			String hostedZoneId, java.util.Map<String, String> tags) {
	}

	/**
	 * What certify did or found.
	 *
	 * @param certificateArn the certificate
	 * @param hostedZoneId the zone written to, or {@code null} when there is none (records printed instead)
	 * @param targetDomain the API Gateway domain the alias points at
	 * @param url the URL of the API on the domain
	 * @param changes what was changed, in words (empty when all was in place)
	 * @param manualRecords DNS records the user must create (no zone here)
	 */
	public record Result(String certificateArn, String hostedZoneId, String targetDomain, String url,
			List<String> changes, List<String> manualRecords) {
	}

	public Result certify(AwsClients clients, Request request, Consumer<String> progress) throws InterruptedException {
		String domain = normalize(request.domain());
		List<String> changes = new ArrayList<>();
		List<String> manual = new ArrayList<>();
		HostedZone zone = zone(clients, domain, request.hostedZoneId());
		if (zone == null) {
			progress.accept("No Route 53 hosted zone for " + domain + ": DNS records will be printed for you to create.");
		}
		else {
			progress.accept("Hosted zone " + zone.name() + " (" + shortId(zone.id()) + ")");
		}

		String certificateArn = certificate(clients, domain, request, changes, progress);
		CertificateDetail certificate = describe(clients, certificateArn);
		if (certificate.status() != CertificateStatus.ISSUED) {
			ResourceRecord record = validationRecord(clients, certificateArn, progress);
			if (zone != null) {
				if (upsert(clients, zone, record.name(), RRType.CNAME, record.value(), null, null)) {
					changes.add("wrote validation record " + record.name() + " CNAME " + record.value());
				}
				certificate = awaitIssued(clients, certificateArn, progress);
			}
			else {
				manual.add(record.name() + " CNAME " + record.value());
				return new Result(certificateArn, null, null, null, changes, manual);
			}
		}
		if (certificate.status() != CertificateStatus.ISSUED) {
			throw new IllegalStateException("Certificate " + certificateArn + " is " + certificate.status()
					+ ", not ISSUED: see it in the ACM console (" + certificate.failureReasonAsString() + ").");
		}

		DomainNameConfiguration configuration = domainName(clients, domain, certificateArn, request, changes, progress);
		mapping(clients, domain, request, changes, progress);
		String target = configuration.apiGatewayDomainName();
		if (zone != null) {
			if (upsert(clients, zone, domain, RRType.A, null, target, configuration.hostedZoneId())) {
				changes.add("wrote alias record " + domain + " A -> " + target);
			}
		}
		else {
			manual.add(domain + " CNAME " + target);
		}
		String path = request.basePath().isEmpty() ? "/" : "/" + request.basePath() + "/";
		return new Result(certificateArn, zone != null ? shortId(zone.id()) : null, target, "https://" + domain + path,
				changes, manual);
	}

	// ---- certificate

	private String certificate(AwsClients clients, String domain, Request request, List<String> changes,
			Consumer<String> progress) {
		if (request.certificateArn() != null) {
			progress.accept("Certificate " + request.certificateArn() + " (given)");
			return request.certificateArn();
		}
		Optional<CertificateSummary> existing = clients.acm()
			.listCertificatesPaginator(b -> b.certificateStatusesWithStrings("ISSUED", "PENDING_VALIDATION"))
			.certificateSummaryList()
			.stream()
			.filter(c -> domain.equalsIgnoreCase(normalize(c.domainName())))
			.max(Comparator.comparing(c -> "ISSUED".equals(c.statusAsString())));
		if (existing.isPresent()) {
			progress.accept("Certificate " + existing.get().certificateArn() + " (" + existing.get().statusAsString() + ")");
			return existing.get().certificateArn();
		}
		String arn = clients.acm()
			.requestCertificate(b -> b.domainName(domain)
				.validationMethod(ValidationMethod.DNS)
				.idempotencyToken(Integer.toHexString(domain.hashCode()).replace("-", ""))
				.tags(request.tags()
					.entrySet()
					.stream()
					.map(e -> software.amazon.awssdk.services.acm.model.Tag.builder().key(e.getKey()).value(e.getValue()).build())
					.toList()))
			.certificateArn();
		changes.add("requested certificate " + arn + " (DNS validation)");
		progress.accept("Requested certificate " + arn);
		return arn;
	}

	private static CertificateDetail describe(AwsClients clients, String arn) {
		return clients.acm().describeCertificate(b -> b.certificateArn(arn)).certificate();
	}

	private ResourceRecord validationRecord(AwsClients clients, String arn, Consumer<String> progress)
			throws InterruptedException {
		long deadline = System.nanoTime() + this.issueTimeout.toNanos();
		while (true) {
			for (DomainValidation validation : describe(clients, arn).domainValidationOptions()) {
				if (validation.resourceRecord() != null) {
					return validation.resourceRecord();
				}
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("ACM has not given a validation record for " + arn + " yet: run certify again.");
			}
			progress.accept("  waiting for ACM's validation record...");
			Thread.sleep(this.pollInterval.toMillis());
		}
	}

	private CertificateDetail awaitIssued(AwsClients clients, String arn, Consumer<String> progress)
			throws InterruptedException {
		long started = System.nanoTime();
		while (true) {
			CertificateDetail detail = describe(clients, arn);
			if (detail.status() != CertificateStatus.PENDING_VALIDATION) {
				progress.accept("Certificate " + detail.statusAsString().toLowerCase(Locale.ROOT) + " after "
						+ Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
				return detail;
			}
			Duration waited = Duration.ofNanos(System.nanoTime() - started);
			if (waited.compareTo(this.issueTimeout) > 0) {
				throw new IllegalStateException("ACM has not issued " + arn + " after " + waited.toSeconds()
						+ " s (DNS validation can take up to 30 minutes): run certify again later; it picks up where it stopped.");
			}
			progress.accept("  waiting for ACM to issue the certificate (" + waited.toSeconds() + " s)");
			Thread.sleep(this.pollInterval.toMillis());
		}
	}

	// ---- API Gateway domain name and mapping

	private static DomainNameConfiguration domainName(AwsClients clients, String domain, String certificateArn,
			Request request, List<String> changes, Consumer<String> progress) {
		try {
			GetDomainNameResponse existing = clients.apiGatewayV2().getDomainName(b -> b.domainName(domain));
			progress.accept("Domain name " + domain + " (exists)");
			return existing.domainNameConfigurations().get(0);
		}
		catch (NotFoundException ex) {
			DomainNameConfiguration configuration = clients.apiGatewayV2()
				.createDomainName(b -> b.domainName(domain)
					.domainNameConfigurations(c -> c.certificateArn(certificateArn)
						.endpointType(EndpointType.REGIONAL)
						.securityPolicy(SecurityPolicy.TLS_1_2))
					.tags(request.tags()))
				.domainNameConfigurations()
				.get(0);
			changes.add("created API Gateway domain name " + domain);
			return configuration;
		}
	}

	private static void mapping(AwsClients clients, String domain, Request request, List<String> changes,
			Consumer<String> progress) {
		String key = request.basePath();
		ApiMapping existing = null;
		for (ApiMapping mapping : clients.apiGatewayV2().getApiMappings(b -> b.domainName(domain)).items()) {
			String mappingKey = (mapping.apiMappingKey() == null) ? "" : mapping.apiMappingKey();
			if (mappingKey.equals(key)) {
				existing = mapping;
			}
		}
		if (existing == null) {
			clients.apiGatewayV2()
				.createApiMapping(b -> b.domainName(domain).apiId(request.apiId()).stage(request.apiStage())
					.apiMappingKey(key.isEmpty() ? null : key));
			changes.add("mapped /" + key + " to API " + request.apiId() + " stage " + request.apiStage());
		}
		else if (!request.apiId().equals(existing.apiId()) || !request.apiStage().equals(existing.stage())) {
			String id = existing.apiMappingId();
			clients.apiGatewayV2()
				.updateApiMapping(b -> b.domainName(domain).apiMappingId(id).apiId(request.apiId()).stage(request.apiStage())
					.apiMappingKey(key.isEmpty() ? null : key));
			changes.add("re-mapped /" + key + " to API " + request.apiId() + " stage " + request.apiStage());
		}
		else {
			progress.accept("Mapping /" + key + " -> " + request.apiId() + " (exists)");
		}
	}

	// ---- Route 53

	private static HostedZone zone(AwsClients clients, String domain, String zoneId) {
		if (zoneId != null && !zoneId.isBlank()) {
			return clients.route53().getHostedZone(b -> b.id(zoneId)).hostedZone();
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
		return best;
	}

	/** Writes a record unless it is already as wanted; returns whether it wrote. */
	private static boolean upsert(AwsClients clients, HostedZone zone, String name, RRType type, String value,
			String aliasTarget, String aliasZone) {
		String fqdn = normalize(name) + ".";
		boolean present = clients.route53()
			.listResourceRecordSets(b -> b.hostedZoneId(zone.id()).startRecordName(fqdn).startRecordType(type).maxItems("1"))
			.resourceRecordSets()
			.stream()
			.anyMatch(set -> fqdn.equalsIgnoreCase(set.name()) && set.type() == type
					&& (aliasTarget != null
							? set.aliasTarget() != null && normalize(set.aliasTarget().dnsName()).equals(normalize(aliasTarget))
							: set.resourceRecords().stream().anyMatch(r -> normalize(r.value()).equals(normalize(value)))));
		if (present) {
			return false;
		}
		clients.route53()
			.changeResourceRecordSets(b -> b.hostedZoneId(zone.id())
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
		return true;
	}

	static String normalize(String name) {
		String value = (name == null) ? "" : name.trim().toLowerCase(Locale.ROOT);
		return value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
	}

	private static String shortId(String zoneId) {
		return zoneId.startsWith("/hostedzone/") ? zoneId.substring("/hostedzone/".length()) : zoneId;
	}

}
