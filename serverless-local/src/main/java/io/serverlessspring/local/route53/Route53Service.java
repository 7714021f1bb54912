package io.serverlessspring.local.route53;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.w3c.dom.Element;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.server.AwsException;
import io.serverlessspring.local.server.AwsRequest;
import io.serverlessspring.local.server.AwsResponse;
import io.serverlessspring.local.server.AwsService;
import io.serverlessspring.local.server.Json;
import io.serverlessspring.local.server.LocalContext;
import io.serverlessspring.local.server.Persistent;
import io.serverlessspring.local.server.Protocol;
import io.serverlessspring.local.server.RestRouter;
import io.serverlessspring.local.server.Xml;

/**
 * Route 53 (rest-xml): hosted zones (with their SOA and NS records), ChangeResourceRecordSets
 * (CREATE / UPSERT / DELETE, plain and alias records, all-or-nothing per batch), ListResourceRecordSets,
 * GetChange (a change is PENDING when submitted and INSYNC when asked about). Nothing resolves these
 * names: ACM looks up its validation records here ({@link #hasRecord}).
 */
public final class Route53Service implements AwsService, Persistent {

	private static final String NAMESPACE = "https://route53.amazonaws.com/doc/2013-04-01/";

	private static final Set<String> TYPES = Set.of("SOA", "A", "TXT", "NS", "CNAME", "MX", "NAPTR", "PTR", "SRV", "SPF",
			"AAAA", "CAA", "DS", "TLSA", "SSHFP", "SVCB", "HTTPS");

	/** The model: a hosted zone and its record sets (each a {@code ResourceRecordSet} in JSON form). */
	public static final class Zone {

		public String id;

		public String name;

		public String callerReference;

		public String comment;

		public boolean privateZone;

		public List<ObjectNode> records = new ArrayList<>();

	}

	private final Map<String, Zone> zones = new LinkedHashMap<>();

	private final RestRouter router = new RestRouter("InvalidInput");

	private LocalContext context;

	public Route53Service() {
		String zone = "/2013-04-01/hostedzone/{Id}";
		this.router.add("POST", "/2013-04-01/hostedzone", (r, p) -> createZone(r))
			.add("GET", "/2013-04-01/hostedzone", (r, p) -> listZones(r))
			.add("GET", "/2013-04-01/hostedzonesbyname", (r, p) -> listZonesByName(r))
			.add("GET", zone, (r, p) -> getZone(p.get("Id")))
			.add("DELETE", zone, (r, p) -> deleteZone(p.get("Id")))
			.add("POST", zone + "/rrset/", (r, p) -> changeRecords(r, p.get("Id")))
			.add("POST", zone + "/rrset", (r, p) -> changeRecords(r, p.get("Id")))
			.add("GET", zone + "/rrset", (r, p) -> listRecords(r, p.get("Id")))
			.add("GET", zone + "/rrset/", (r, p) -> listRecords(r, p.get("Id")))
			.add("GET", "/2013-04-01/change/{Id}", (r, p) -> getChange(p.get("Id")));
	}

	@Override
	public String signingName() {
		return "route53";
	}

	@Override
	public Protocol protocol() {
		return Protocol.REST_XML;
	}

	@Override
	public void start(LocalContext context) {
		this.context = context;
	}

	@Override
	public synchronized AwsResponse handle(AwsRequest request) {
		try {
			return this.router.route(request);
		}
		catch (AwsException ex) {
			// Route 53 wraps its errors like the query services: <ErrorResponse><Error><Code>…
			return Protocol.QUERY.error(ex, request.requestId());
		}
	}

	/** Whether a record of that name and type exists in any hosted zone (names compared as Route 53 does). */
	public synchronized boolean hasRecord(String name, String type, String value) {
		String wanted = normalize(name);
		for (Zone zone : this.zones.values()) {
			for (ObjectNode record : zone.records) {
				if (wanted.equals(record.path("Name").asString()) && type.equals(record.path("Type").asString())) {
					for (JsonNode rr : record.path("ResourceRecords")) {
						if (value == null || normalize(rr.asString()).equals(normalize(value))) {
							return true;
						}
					}
				}
			}
		}
		return false;
	}

	// ---- zones ------------------------------------------------------------------------------------------

	private AwsResponse createZone(AwsRequest request) {
		Element body = Xml.parse(request.body());
		String name = Xml.childText(body, "Name");
		String reference = Xml.childText(body, "CallerReference");
		if (name == null || name.isEmpty() || reference == null || reference.isEmpty()) {
			throw invalidInput("Invalid XML ; cvc-complex-type.2.4.b: The content of element 'CreateHostedZoneRequest' is not complete. One of '{Name, CallerReference}' is expected.");
		}
		String normalized = normalize(name);
		if (!normalized.matches("([a-z0-9_*]([a-z0-9_-]{0,61}[a-z0-9_])?\\.)+")) {
			throw AwsException.badRequest("InvalidDomainName", name + " is reserved by AWS or is not a valid domain name.");
		}
		for (Zone existing : this.zones.values()) {
			if (existing.callerReference.equals(reference)) {
				throw AwsException.conflict("HostedZoneAlreadyExists",
						"A hosted zone has already been created with the specified caller reference.");
			}
		}
		Zone zone = new Zone();
		zone.id = "Z" + randomId(20);
		zone.name = normalized;
		zone.callerReference = reference;
		Element config = Xml.child(body, "HostedZoneConfig");
		if (config != null) {
			zone.comment = Xml.childText(config, "Comment");
			zone.privateZone = "true".equals(Xml.childText(config, "PrivateZone"));
		}
		ObjectNode soa = record(normalized, "SOA", 900);
		soa.putArray("ResourceRecords").add("ns-1.awsdns-local.org. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400");
		ObjectNode ns = record(normalized, "NS", 172800);
		nameServers().forEach((server) -> ns.withArray("ResourceRecords").add(server + "."));
		zone.records.add(ns);
		zone.records.add(soa);
		this.zones.put(zone.id, zone);

		Xml.Writer xml = Xml.writer("CreateHostedZoneResponse", NAMESPACE);
		writeZone(xml, zone);
		writeChange(xml, "PENDING", null);
		writeDelegationSet(xml);
		return AwsResponse.xml(201, xml.toString())
			.header("Location", this.context.endpoint() + "/2013-04-01/hostedzone/" + zone.id);
	}

	private AwsResponse getZone(String id) {
		Zone zone = zone(id);
		Xml.Writer xml = Xml.writer("GetHostedZoneResponse", NAMESPACE);
		writeZone(xml, zone);
		writeDelegationSet(xml);
		return AwsResponse.xml(200, xml.toString());
	}

	private AwsResponse listZones(AwsRequest request) {
		Xml.Writer xml = Xml.writer("ListHostedZonesResponse", NAMESPACE);
		xml.start("HostedZones");
		this.zones.values().forEach((zone) -> writeZone(xml, zone));
		xml.end().element("IsTruncated", false).element("MaxItems", maxItems(request));
		return AwsResponse.xml(200, xml.toString());
	}

	private AwsResponse listZonesByName(AwsRequest request) {
		String dnsName = request.query("dnsname");
		List<Zone> sorted = new ArrayList<>(this.zones.values());
		// sorted by the reversed labels, as Route 53 orders them (com.example.)
		sorted.sort((a, b) -> reversed(a.name).compareTo(reversed(b.name)));
		if (dnsName != null) {
			String start = reversed(normalize(dnsName));
			sorted.removeIf((zone) -> reversed(zone.name).compareTo(start) < 0);
		}
		Xml.Writer xml = Xml.writer("ListHostedZonesByNameResponse", NAMESPACE);
		xml.start("HostedZones");
		sorted.forEach((zone) -> writeZone(xml, zone));
		xml.end();
		if (dnsName != null) {
			xml.element("DNSName", dnsName);
		}
		xml.element("IsTruncated", false).element("MaxItems", maxItems(request));
		return AwsResponse.xml(200, xml.toString());
	}

	private AwsResponse deleteZone(String id) {
		Zone zone = zone(id);
		if (zone.records.stream().anyMatch((r) -> !Set.of("SOA", "NS").contains(r.path("Type").asString())
				|| !r.path("Name").asString().equals(zone.name))) {
			throw AwsException.badRequest("HostedZoneNotEmpty",
					"The specified hosted zone contains non-required resource record sets and so cannot be deleted.");
		}
		this.zones.remove(zone.id);
		Xml.Writer xml = Xml.writer("DeleteHostedZoneResponse", NAMESPACE);
		writeChange(xml, "PENDING", null);
		return AwsResponse.xml(200, xml.toString());
	}

	private Zone zone(String id) {
		String bare = id.substring(id.lastIndexOf('/') + 1);
		Zone zone = this.zones.get(bare);
		if (zone == null) {
			throw AwsException.notFound("NoSuchHostedZone", "No hosted zone found with ID: " + bare);
		}
		return zone;
	}

	// ---- record sets -------------------------------------------------------------------------------------

	private AwsResponse changeRecords(AwsRequest request, String id) {
		Zone zone = zone(id);
		Element body = Xml.parse(request.body());
		Element batch = Xml.child(body, "ChangeBatch");
		Element changes = (batch != null) ? Xml.child(batch, "Changes") : null;
		if (changes == null || Xml.children(changes, "Change").isEmpty()) {
			throw invalidInput("Invalid request: Expected exactly one of [ChangeBatch.Changes], but found none");
		}
		List<ObjectNode> working = new ArrayList<>();
		zone.records.forEach((r) -> working.add(r.deepCopy()));
		List<String> problems = new ArrayList<>();
		for (Element change : Xml.children(changes, "Change")) {
			String action = Xml.childText(change, "Action");
			Element set = Xml.child(change, "ResourceRecordSet");
			if (action == null || set == null || !Set.of("CREATE", "DELETE", "UPSERT").contains(action)) {
				throw invalidInput("Invalid request: Change must have an Action (CREATE, DELETE or UPSERT) and a ResourceRecordSet");
			}
			ObjectNode record = parseRecord(set, zone, problems);
			if (record == null) {
				continue;
			}
			int existing = find(working, record);
			String label = "[name='" + record.path("Name").asString() + "', type='" + record.path("Type").asString()
					+ (record.has("SetIdentifier") ? "', set-identifier='" + record.path("SetIdentifier").asString() : "") + "']";
			switch (action) {
				case "CREATE" -> {
					if (existing >= 0) {
						problems.add("Tried to create resource record set " + label + " but it already exists");
					}
					else {
						working.add(record);
					}
				}
				case "DELETE" -> {
					if (existing < 0 || !sameData(working.get(existing), record)) {
						problems.add("Tried to delete resource record set " + label + " but it was not found");
					}
					else {
						working.remove(existing);
					}
				}
				default -> {
					if (existing >= 0) {
						working.set(existing, record);
					}
					else {
						working.add(record);
					}
				}
			}
		}
		if (!problems.isEmpty()) {
			throw AwsException.badRequest("InvalidChangeBatch", "[" + String.join(", ", problems) + "]");
		}
		zone.records = working;
		Xml.Writer xml = Xml.writer("ChangeResourceRecordSetsResponse", NAMESPACE);
		writeChange(xml, "PENDING", Xml.childText(batch, "Comment"));
		return AwsResponse.xml(200, xml.toString());
	}

	private ObjectNode parseRecord(Element set, Zone zone, List<String> problems) {
		String name = Xml.childText(set, "Name");
		String type = Xml.childText(set, "Type");
		if (name == null || type == null || !TYPES.contains(type)) {
			throw invalidInput("Invalid request: ResourceRecordSet must have a Name and a valid Type, got type " + type);
		}
		String normalized = normalize(name);
		if (!normalized.equals(zone.name) && !normalized.endsWith("." + zone.name)) {
			problems.add("RRSet with DNS name " + normalized + " is not permitted in zone " + zone.name);
			return null;
		}
		if ("CNAME".equals(type) && normalized.equals(zone.name)) {
			problems.add("RRSet of type CNAME with DNS name " + normalized + " is not permitted at apex in zone " + zone.name);
			return null;
		}
		ObjectNode record = Json.object();
		record.put("Name", normalized);
		record.put("Type", type);
		for (String field : List.of("SetIdentifier", "Weight", "Region", "Failover", "HealthCheckId", "MultiValueAnswer")) {
			String value = Xml.childText(set, field);
			if (value != null) {
				record.put(field, value);
			}
		}
		Element alias = Xml.child(set, "AliasTarget");
		Element values = Xml.child(set, "ResourceRecords");
		String ttl = Xml.childText(set, "TTL");
		if (alias != null) {
			if (values != null || ttl != null) {
				problems.add("Alias record " + normalized + " must not have TTL or ResourceRecords");
				return null;
			}
			ObjectNode target = record.putObject("AliasTarget");
			target.put("HostedZoneId", Xml.childText(alias, "HostedZoneId"));
			target.put("DNSName", normalize(String.valueOf(Xml.childText(alias, "DNSName"))));
			target.put("EvaluateTargetHealth", "true".equals(Xml.childText(alias, "EvaluateTargetHealth")));
			return record;
		}
		if (values == null || Xml.children(values, "ResourceRecord").isEmpty() || ttl == null) {
			problems.add("Invalid Resource Record: record " + normalized + " needs TTL and ResourceRecords (or an AliasTarget)");
			return null;
		}
		try {
			record.put("TTL", Long.parseLong(ttl));
		}
		catch (NumberFormatException ex) {
			throw invalidInput("Invalid request: TTL must be a number, got " + ttl);
		}
		var list = record.putArray("ResourceRecords");
		for (Element value : Xml.children(values, "ResourceRecord")) {
			String text = Xml.childText(value, "Value");
			if (text == null || text.isEmpty()) {
				throw invalidInput("Invalid request: ResourceRecord of " + normalized + " must have a Value");
			}
			list.add(text);
		}
		return record;
	}

	private static int find(List<ObjectNode> records, ObjectNode record) {
		for (int i = 0; i < records.size(); i++) {
			ObjectNode candidate = records.get(i);
			if (candidate.path("Name").asString().equals(record.path("Name").asString())
					&& candidate.path("Type").asString().equals(record.path("Type").asString())
					&& candidate.path("SetIdentifier").asString("").equals(record.path("SetIdentifier").asString(""))) {
				return i;
			}
		}
		return -1;
	}

	/** A DELETE must name the record set exactly as it is (values, TTL, alias target). */
	private static boolean sameData(ObjectNode existing, ObjectNode requested) {
		return existing.path("TTL").equals(requested.path("TTL"))
				&& existing.path("ResourceRecords").equals(requested.path("ResourceRecords"))
				&& existing.path("AliasTarget").path("DNSName").equals(requested.path("AliasTarget").path("DNSName"));
	}

	private AwsResponse listRecords(AwsRequest request, String id) {
		Zone zone = zone(id);
		List<ObjectNode> sorted = new ArrayList<>(zone.records);
		sorted.sort((a, b) -> {
			int byName = reversed(a.path("Name").asString()).compareTo(reversed(b.path("Name").asString()));
			return (byName != 0) ? byName : a.path("Type").asString().compareTo(b.path("Type").asString());
		});
		String startName = request.query("name");
		String startType = request.query("type");
		if (startName != null) {
			String start = reversed(normalize(startName));
			sorted.removeIf((r) -> {
				int order = reversed(r.path("Name").asString()).compareTo(start);
				return order < 0 || (order == 0 && startType != null && r.path("Type").asString().compareTo(startType) < 0);
			});
		}
		int max = Integer.parseInt(maxItems(request));
		Xml.Writer xml = Xml.writer("ListResourceRecordSetsResponse", NAMESPACE);
		xml.start("ResourceRecordSets");
		sorted.stream().limit(max).forEach((record) -> writeRecord(xml, record));
		xml.end();
		xml.element("IsTruncated", sorted.size() > max);
		if (sorted.size() > max) {
			xml.element("NextRecordName", sorted.get(max).path("Name").asString());
			xml.element("NextRecordType", sorted.get(max).path("Type").asString());
		}
		xml.element("MaxItems", max);
		return AwsResponse.xml(200, xml.toString());
	}

	private AwsResponse getChange(String id) {
		Xml.Writer xml = Xml.writer("GetChangeResponse", NAMESPACE);
		xml.start("ChangeInfo").element("Id", "/change/" + id.substring(id.lastIndexOf('/') + 1)).element("Status", "INSYNC")
			.element("SubmittedAt", now()).end();
		return AwsResponse.xml(200, xml.toString());
	}

	// ---- writing ------------------------------------------------------------------------------------------

	private static void writeZone(Xml.Writer xml, Zone zone) {
		xml.start("HostedZone").element("Id", "/hostedzone/" + zone.id).element("Name", zone.name)
			.element("CallerReference", zone.callerReference).start("Config");
		xml.element("Comment", zone.comment).element("PrivateZone", zone.privateZone).end();
		xml.element("ResourceRecordSetCount", zone.records.size()).end();
	}

	private static void writeRecord(Xml.Writer xml, ObjectNode record) {
		xml.start("ResourceRecordSet").element("Name", record.path("Name").asString())
			.element("Type", record.path("Type").asString());
		for (String field : List.of("SetIdentifier", "Weight", "Region", "Failover", "MultiValueAnswer", "HealthCheckId")) {
			if (record.has(field)) {
				xml.element(field, record.get(field).asString());
			}
		}
		if (record.has("AliasTarget")) {
			JsonNode alias = record.get("AliasTarget");
			xml.start("AliasTarget").element("HostedZoneId", alias.path("HostedZoneId").asString())
				.element("DNSName", alias.path("DNSName").asString())
				.element("EvaluateTargetHealth", alias.path("EvaluateTargetHealth").asBoolean()).end();
		}
		else {
			xml.element("TTL", record.path("TTL").asLong());
			xml.start("ResourceRecords");
			record.path("ResourceRecords").forEach((v) -> xml.start("ResourceRecord").element("Value", v.asString()).end());
			xml.end();
		}
		xml.end();
	}

	private void writeChange(Xml.Writer xml, String status, String comment) {
		xml.start("ChangeInfo").element("Id", "/change/C" + randomId(20)).element("Status", status)
			.element("SubmittedAt", now()).element("Comment", comment).end();
	}

	private static void writeDelegationSet(Xml.Writer xml) {
		xml.start("DelegationSet").start("NameServers");
		nameServers().forEach((server) -> xml.element("NameServer", server));
		xml.end().end();
	}

	private static List<String> nameServers() {
		return List.of("ns-1.awsdns-local.org", "ns-2.awsdns-local.net", "ns-3.awsdns-local.com", "ns-4.awsdns-local.co.uk");
	}

	private static ObjectNode record(String name, String type, long ttl) {
		ObjectNode record = Json.object();
		record.put("Name", name);
		record.put("Type", type);
		record.put("TTL", ttl);
		return record;
	}

	/** Lower case with a final dot, as Route 53 returns names. */
	static String normalize(String name) {
		String lower = name.trim().toLowerCase(Locale.ROOT);
		return lower.endsWith(".") ? lower : lower + ".";
	}

	private static String reversed(String name) {
		List<String> labels = new ArrayList<>(List.of(name.split("\\.")));
		java.util.Collections.reverse(labels);
		return String.join(".", labels);
	}

	private String now() {
		return Instant.ofEpochMilli(this.context.clock().millis()).truncatedTo(ChronoUnit.MILLIS).toString();
	}

	private static String maxItems(AwsRequest request) {
		String max = request.query("maxitems");
		try {
			return (max != null) ? Integer.toString(Math.max(1, Math.min(300, Integer.parseInt(max)))) : "100";
		}
		catch (NumberFormatException ex) {
			throw invalidInput("1 validation error detected: Value '" + max + "' at 'maxItems' failed to satisfy constraint: Member must be a number");
		}
	}

	private static String randomId(int length) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
		StringBuilder id = new StringBuilder();
		for (int i = 0; i < length; i++) {
			id.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
		}
		return id.toString();
	}

	private static AwsException invalidInput(String message) {
		return AwsException.badRequest("InvalidInput", message);
	}

	// ---- persistence -----------------------------------------------------------------------------------

	@Override
	public synchronized JsonNode saveState() {
		return Json.tree(List.copyOf(this.zones.values()));
	}

	@Override
	public synchronized void loadState(JsonNode state) {
		this.zones.clear();
		for (JsonNode node : state) {
			Zone zone = Json.mapper().treeToValue(node, Zone.class);
			this.zones.put(zone.id, zone);
		}
	}

}
