package io.serverlessspring.shell.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.serverlessspring.shell.state.DomainStateReader;
import io.serverlessspring.shell.state.DomainStateReader.ActualDomain;

/**
 * Plans {@code certify}: from what exists of a custom domain ({@link DomainStateReader}) to the
 * changes that are missing or different, in order: certificate, validation record, issuance, domain
 * name, API mapping, alias record. Pure: it reads nothing and changes nothing.
 */
public final class CertifyPlanner {

	private CertifyPlanner() {
	}

	/**
	 * What certify is asked to do.
	 *
	 * @param stage the stage
	 * @param function the stage's function
	 * @param basePath the mapping key ({@code ""} for the whole domain)
	 * @param apiId the API to map
	 * @param apiStage the API's stage ({@code $default} for an HTTP API)
	 * @param tags tags for what is created
	 * @param waits how long handlers wait for ACM
	 */
	public record Request(String stage, String function, String basePath, String apiId, String apiStage,
			Map<String, String> tags, CertifyChanges.Waits waits) {
	}

	public static Plan plan(Request request, ActualDomain actual) {
		String domain = actual.domain();
		List<ResourceChange> changes = new ArrayList<>();
		List<String> unchanged = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		DomainStateReader.Certificate certificate = actual.certificate();
		DomainStateReader.Zone zone = actual.zone();
		Value certificateArn;
		if (certificate == null) {
			changes.add(new CertifyChanges.Certificate(Action.CREATE, domain, request.tags(), "DNS validation",
					List.of(FieldChange.of("domain", null, domain), FieldChange.of("validation", null, "DNS"))));
			certificateArn = Value.ref(CertifyChanges.CERTIFICATE_ARN);
		}
		else {
			if (!certificate.issued() && !"PENDING_VALIDATION".equals(certificate.status())) {
				throw new IllegalStateException("Certificate " + certificate.arn() + " is " + certificate.status()
						+ ", not ISSUED: see it in the ACM console (" + certificate.failureReason() + ").");
			}
			certificateArn = Value.known(certificate.arn());
			unchanged.add("certificate " + certificate.arn() + " (" + certificate.status() + ")");
		}
		if (zone == null) {
			notes.add("no Route 53 hosted zone for " + domain + ": the DNS records to create are printed instead");
		}
		if (certificate == null || !certificate.issued()) {
			if (zone == null) {
				// The certificate cannot be issued before the user writes its validation record.
				return new Plan(request.stage(), request.function(), changes, unchanged, notes);
			}
			if (certificate == null || !actual.validationRecordPresent()) {
				String name = (certificate != null) ? certificate.validationName() : null;
				String value = (certificate != null) ? certificate.validationValue() : null;
				changes.add(new CertifyChanges.ValidationRecord(Action.CREATE, zone.id(), certificateArn, name, value,
						request.waits(), "zone " + zone.name(),
						List.of(FieldChange.of("value", null, (value != null) ? value : "from ACM"))));
			}
			else {
				unchanged.add("validation record " + certificate.validationName());
			}
			changes.add(new CertifyChanges.Issuance(Action.UPDATE, certificateArn, request.waits(),
					"up to " + request.waits().timeout().toMinutes() + " min", List.of()));
		}

		Value target;
		Value targetZone;
		DomainStateReader.DomainName domainName = actual.domainName();
		if (domainName == null) {
			changes.add(new CertifyChanges.DomainName(Action.CREATE, domain, certificateArn, request.tags(), "regional, TLS 1.2",
					List.of(FieldChange.of("certificate", null, certificateArn.toString()))));
			target = Value.ref(CertifyChanges.TARGET_DOMAIN);
			targetZone = Value.ref(CertifyChanges.TARGET_ZONE_ID);
		}
		else {
			target = Value.known(domainName.targetDomain());
			targetZone = Value.known(domainName.targetZoneId());
			unchanged.add("domain name " + domain);
			if (certificate != null && !certificate.arn().equals(domainName.certificateArn())) {
				notes.add("domain name " + domain + " uses certificate " + domainName.certificateArn() + ", not "
						+ certificate.arn() + ": left as it is");
			}
		}

		DomainStateReader.Mapping mapping = actual.mapping();
		String path = request.basePath();
		if (mapping == null) {
			changes.add(new CertifyChanges.ApiMapping(Action.CREATE, domain, path, request.apiId(), request.apiStage(), null,
					"API " + request.apiId() + " stage " + request.apiStage(),
					List.of(FieldChange.of("api", null, request.apiId()), FieldChange.of("stage", null, request.apiStage()))));
		}
		else if (!request.apiId().equals(mapping.apiId()) || !request.apiStage().equals(mapping.stage())) {
			List<FieldChange> fields = List.of(FieldChange.of("api", mapping.apiId(), request.apiId()),
					FieldChange.of("stage", mapping.stage(), request.apiStage()));
			changes.add(new CertifyChanges.ApiMapping(Action.UPDATE, domain, path, request.apiId(), request.apiStage(),
					mapping.id(), ResourceChange.describe(fields.stream().filter(FieldChange::changed).toList()), fields));
		}
		else {
			unchanged.add("API mapping /" + path);
		}

		if (zone != null) {
			String wanted = (domainName != null) ? DomainStateReader.normalize(domainName.targetDomain()) : null;
			if (actual.aliasTarget() == null || !actual.aliasTarget().equals(wanted)) {
				Action action = (actual.aliasTarget() == null) ? Action.CREATE : Action.UPDATE;
				changes.add(new CertifyChanges.AliasRecord(action, zone.id(), domain, target, targetZone,
						"zone " + zone.name() + ", -> " + target,
						List.of(FieldChange.of("target", actual.aliasTarget(), target.toString()))));
			}
			else {
				unchanged.add("alias record " + domain);
			}
		}
		return new Plan(request.stage(), request.function(), changes, unchanged, notes);
	}

}
