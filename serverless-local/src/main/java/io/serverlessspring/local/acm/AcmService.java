package io.serverlessspring.local.acm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.route53.Route53Service;
import io.serverlessspring.local.server.AwsException;
import io.serverlessspring.local.server.AwsRequest;
import io.serverlessspring.local.server.AwsResponse;
import io.serverlessspring.local.server.AwsService;
import io.serverlessspring.local.server.Json;
import io.serverlessspring.local.server.LocalContext;
import io.serverlessspring.local.server.Persistent;
import io.serverlessspring.local.server.Protocol;

/**
 * ACM (awsJson1.1, {@code CertificateManager.*}): RequestCertificate with DNS validation records,
 * DescribeCertificate, ListCertificates, DeleteCertificate and tags. A DNS-validated certificate is
 * PENDING_VALIDATION until every validation CNAME it asks for exists in a Route 53 hosted zone of
 * this cloud (checked whenever it is read), then ISSUED, as with AWS. EMAIL validation has no
 * mailbox here: such certificates are ISSUED at once.
 */
public final class AcmService implements AwsService, Persistent {

	private static final long VALIDITY_SECONDS = 395L * 24 * 3600;

	/** The model: a certificate, kept as the {@code CertificateDetail} it is described with. */
	private final Map<String, ObjectNode> certificates = new LinkedHashMap<>();

	private final Map<String, Map<String, String>> tags = new LinkedHashMap<>();

	private LocalContext context;

	@Override
	public String signingName() {
		return "acm";
	}

	@Override
	public Protocol protocol() {
		return Protocol.JSON;
	}

	@Override
	public Set<String> targetPrefixes() {
		return Set.of("CertificateManager");
	}

	@Override
	public void start(LocalContext context) {
		this.context = context;
	}

	@Override
	public synchronized AwsResponse handle(AwsRequest request) {
		ObjectNode input = request.json();
		ObjectNode output = switch (String.valueOf(request.targetOperation())) {
			case "RequestCertificate" -> requestCertificate(input);
			case "DescribeCertificate" -> {
				ObjectNode result = Json.object();
				ObjectNode detail = refreshed(certificate(input)).deepCopy();
				detail.remove("_idempotencyToken");
				result.set("Certificate", detail);
				yield result;
			}
			case "ListCertificates" -> listCertificates(input);
			case "DeleteCertificate" -> {
				ObjectNode certificate = certificate(input);
				if (!certificate.path("InUseBy").isEmpty()) {
					throw AwsException.badRequest("ResourceInUseException",
							"Certificate " + certificate.path("CertificateArn").asString() + " is in use.");
				}
				this.certificates.remove(certificate.path("CertificateArn").asString());
				this.tags.remove(certificate.path("CertificateArn").asString());
				yield Json.object();
			}
			case "AddTagsToCertificate" -> {
				ObjectNode certificate = certificate(input);
				Map<String, String> values = this.tags.computeIfAbsent(certificate.path("CertificateArn").asString(),
						(k) -> new LinkedHashMap<>());
				readTags(input).forEach(values::put);
				yield Json.object();
			}
			case "RemoveTagsFromCertificate" -> {
				ObjectNode certificate = certificate(input);
				Map<String, String> values = this.tags.getOrDefault(certificate.path("CertificateArn").asString(), Map.of());
				readTags(input).keySet().forEach(values::remove);
				yield Json.object();
			}
			case "ListTagsForCertificate" -> {
				ObjectNode certificate = certificate(input);
				ObjectNode result = Json.object();
				ArrayNode list = result.putArray("Tags");
				this.tags.getOrDefault(certificate.path("CertificateArn").asString(), Map.of())
					.forEach((k, v) -> list.addObject().put("Key", k).put("Value", v));
				yield result;
			}
			default -> throw AwsException.badRequest("UnknownOperationException",
					"Unknown operation: " + request.targetOperation());
		};
		return AwsResponse.amzJson(output);
	}

	private ObjectNode requestCertificate(JsonNode input) {
		String domain = Json.required(input, "DomainName");
		if (!domain.matches("(\\*\\.)?([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}\\.?")) {
			throw AwsException.validation("1 validation error detected: Value '" + domain
					+ "' at 'domainName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(\\*\\.)?(((?!-)[A-Za-z0-9-]{0,62}[A-Za-z0-9])\\.)+((?!-)[A-Za-z0-9-]{1,62}[A-Za-z0-9])$");
		}
		String method = input.path("ValidationMethod").asString("DNS");
		if (!Set.of("DNS", "EMAIL").contains(method)) {
			throw AwsException.validation("1 validation error detected: Value '" + method
					+ "' at 'validationMethod' failed to satisfy constraint: Member must satisfy enum value set: [EMAIL, DNS]");
		}
		String token = Json.string(input, "IdempotencyToken");
		if (token != null) {
			for (ObjectNode existing : this.certificates.values()) {
				if (token.equals(existing.path("_idempotencyToken").asString(null))
						&& domain.equals(existing.path("DomainName").asString())) {
					return Json.object().put("CertificateArn", existing.path("CertificateArn").asString());
				}
			}
		}
		Set<String> names = new LinkedHashSet<>();
		names.add(domain);
		names.addAll(Json.stringList(input, "SubjectAlternativeNames"));
		String arn = this.context.arn("acm", "certificate/" + UUID.randomUUID());
		long now = this.context.clock().millis();
		ObjectNode certificate = Json.object();
		certificate.put("CertificateArn", arn);
		certificate.put("DomainName", domain);
		ArrayNode alternatives = certificate.putArray("SubjectAlternativeNames");
		names.forEach(alternatives::add);
		ArrayNode validations = certificate.putArray("DomainValidationOptions");
		for (String name : names) {
			ObjectNode option = validations.addObject();
			option.put("DomainName", name);
			option.put("ValidationDomain", name);
			option.put("ValidationStatus", "PENDING_VALIDATION");
			option.put("ValidationMethod", method);
			if ("DNS".equals(method)) {
				// the record AWS asks for: one per base domain (a wildcard shares its base domain's)
				String base = name.startsWith("*.") ? name.substring(2) : name;
				String label = digest(arn + "/" + base + "/name").substring(0, 32);
				String value = digest(arn + "/" + base + "/value").substring(0, 32);
				ObjectNode record = option.putObject("ResourceRecord");
				record.put("Name", "_" + label + "." + base.toLowerCase() + (base.endsWith(".") ? "" : "."));
				record.put("Type", "CNAME");
				record.put("Value", "_" + value + "." + digest(value).substring(0, 10) + ".acm-validations.aws.");
			}
			else {
				option.putArray("ValidationEmails").add("admin@" + (name.startsWith("*.") ? name.substring(2) : name));
			}
		}
		certificate.put("Subject", "CN=" + domain);
		certificate.put("Issuer", "Amazon");
		certificate.set("CreatedAt", Json.epochSeconds(now));
		certificate.put("Status", "PENDING_VALIDATION");
		certificate.put("KeyAlgorithm", input.path("KeyAlgorithm").asString("RSA_2048"));
		certificate.put("SignatureAlgorithm", "SHA256WITHRSA");
		certificate.putArray("InUseBy");
		certificate.put("Type", "AMAZON_ISSUED");
		certificate.putArray("KeyUsages");
		certificate.putArray("ExtendedKeyUsages");
		certificate.put("RenewalEligibility", "INELIGIBLE");
		certificate.putObject("Options").put("CertificateTransparencyLoggingPreference", "ENABLED");
		if (token != null) {
			certificate.put("_idempotencyToken", token);
		}
		this.certificates.put(arn, certificate);
		this.tags.put(arn, readTags(input));
		if ("EMAIL".equals(method)) {
			issue(certificate);
		}
		return Json.object().put("CertificateArn", arn);
	}

	/** Issues a DNS-validated certificate once all of its validation records exist in Route 53. */
	private ObjectNode refreshed(ObjectNode certificate) {
		if (!"PENDING_VALIDATION".equals(certificate.path("Status").asString())) {
			return certificate;
		}
		Route53Service route53 = this.context.service(Route53Service.class);
		boolean all = true;
		for (JsonNode option : certificate.path("DomainValidationOptions")) {
			JsonNode record = option.path("ResourceRecord");
			boolean found = record.isObject()
					&& route53.hasRecord(record.path("Name").asString(), "CNAME", record.path("Value").asString());
			if (found) {
				((ObjectNode) option).put("ValidationStatus", "SUCCESS");
			}
			all &= found;
		}
		if (all) {
			issue(certificate);
		}
		return certificate;
	}

	private void issue(ObjectNode certificate) {
		long now = this.context.clock().millis();
		certificate.put("Status", "ISSUED");
		certificate.set("IssuedAt", Json.epochSeconds(now));
		certificate.set("NotBefore", Json.epochSeconds(now));
		certificate.set("NotAfter", Json.epochSeconds(now + VALIDITY_SECONDS * 1000L));
		certificate.put("Serial", digest(certificate.path("CertificateArn").asString()).substring(0, 32).replaceAll("(..)(?!$)", "$1:"));
		for (JsonNode option : certificate.path("DomainValidationOptions")) {
			((ObjectNode) option).put("ValidationStatus", "SUCCESS");
		}
		certificate.put("RenewalEligibility", "ELIGIBLE");
		certificate.putArray("KeyUsages").addObject().put("Name", "DIGITAL_SIGNATURE");
		certificate.withArray("KeyUsages").addObject().put("Name", "KEY_ENCIPHERMENT");
		certificate.putArray("ExtendedKeyUsages").addObject().put("Name", "TLS_WEB_SERVER_AUTHENTICATION")
			.put("OID", "1.3.6.1.5.5.7.3.1");
	}

	private ObjectNode listCertificates(JsonNode input) {
		List<String> statuses = Json.stringList(input, "CertificateStatuses");
		ObjectNode output = Json.object();
		ArrayNode list = output.putArray("CertificateSummaryList");
		for (ObjectNode certificate : new ArrayList<>(this.certificates.values())) {
			refreshed(certificate);
			if (!statuses.isEmpty() && !statuses.contains(certificate.path("Status").asString())) {
				continue;
			}
			ObjectNode summary = list.addObject();
			summary.put("CertificateArn", certificate.path("CertificateArn").asString());
			summary.put("DomainName", certificate.path("DomainName").asString());
			summary.set("SubjectAlternativeNameSummaries", certificate.path("SubjectAlternativeNames").deepCopy());
			summary.put("HasAdditionalSubjectAlternativeNames", false);
			summary.put("Status", certificate.path("Status").asString());
			summary.put("Type", "AMAZON_ISSUED");
			summary.put("KeyAlgorithm", certificate.path("KeyAlgorithm").asString());
			summary.put("InUse", !certificate.path("InUseBy").isEmpty());
			summary.put("RenewalEligibility", certificate.path("RenewalEligibility").asString());
			summary.put("CreatedAt", certificate.path("CreatedAt").asDouble());
			if (certificate.has("IssuedAt")) {
				summary.put("IssuedAt", certificate.path("IssuedAt").asDouble());
				summary.put("NotBefore", certificate.path("NotBefore").asDouble());
				summary.put("NotAfter", certificate.path("NotAfter").asDouble());
			}
		}
		return output;
	}

	private ObjectNode certificate(JsonNode input) {
		String arn = Json.required(input, "CertificateArn");
		if (!arn.startsWith("arn:aws:acm:")) {
			throw AwsException.badRequest("InvalidArnException", "String '" + arn + "' is not a valid ARN.");
		}
		ObjectNode certificate = this.certificates.get(arn);
		if (certificate == null) {
			throw AwsException.badRequest("ResourceNotFoundException",
					"Could not find certificate " + arn + ".");
		}
		return certificate;
	}

	private static Map<String, String> readTags(JsonNode input) {
		Map<String, String> values = new LinkedHashMap<>();
		for (JsonNode tag : input.path("Tags")) {
			values.put(Json.required(tag, "Key"), tag.path("Value").asString(""));
		}
		return values;
	}

	private static String digest(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// ---- persistence ----------------------------------------------------------------------------------

	@Override
	public synchronized JsonNode saveState() {
		ObjectNode state = Json.object();
		state.set("certificates", Json.tree(List.copyOf(this.certificates.values())));
		state.set("tags", Json.tree(this.tags));
		return state;
	}

	@Override
	public synchronized void loadState(JsonNode state) {
		this.certificates.clear();
		this.tags.clear();
		for (JsonNode certificate : state.path("certificates")) {
			this.certificates.put(certificate.path("CertificateArn").asString(), (ObjectNode) certificate);
		}
		for (Map.Entry<String, JsonNode> entry : state.path("tags").properties()) {
			this.tags.put(entry.getKey(), Json.stringMap(state.path("tags"), entry.getKey()));
		}
	}

}
