package io.serverlessspring.local.sns;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.lambda.LambdaService;
import io.serverlessspring.local.server.AwsException;
import io.serverlessspring.local.server.AwsRequest;
import io.serverlessspring.local.server.AwsResponse;
import io.serverlessspring.local.server.AwsService;
import io.serverlessspring.local.server.EventSink;
import io.serverlessspring.local.server.FrontDoor;
import io.serverlessspring.local.server.Json;
import io.serverlessspring.local.server.LocalContext;
import io.serverlessspring.local.server.Persistent;
import io.serverlessspring.local.server.Protocol;
import io.serverlessspring.local.server.QueryParameters;
import io.serverlessspring.local.server.Xml;
import io.serverlessspring.local.sqs.SqsService;

/**
 * SNS (awsQuery): topics, subscriptions and publishing. Subscriptions with protocol {@code sqs} and
 * {@code lambda} are confirmed at once and delivered to: SQS gets the JSON notification envelope
 * (or the bare message with {@code RawMessageDelivery}), Lambda gets the {@code aws:sns} event
 * (an async invoke through the Lambda data plane, when the function's resource policy allows
 * {@code sns.amazonaws.com}, as on AWS). Filter policies on message attributes (exact
 * values, {@code prefix}, {@code anything-but}, {@code exists}, {@code numeric}) are honoured.
 * http/https subscribers get SNS's SubscriptionConfirmation POST and, once confirmed (ConfirmSubscription
 * or a visit to its SubscribeURL), each notification. Other protocols (email, sms, …) stay
 * "PendingConfirmation" and receive nothing.
 */
public final class SnsService implements AwsService, EventSink, Persistent {

	private static final System.Logger log = System.getLogger(SnsService.class.getName());

	private static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";

	private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,256}(\\.fifo)?");

	private static final Set<String> PROTOCOLS = Set.of("sqs", "lambda", "http", "https", "email", "email-json", "sms",
			"application", "firehose");

	/** The model: a topic. */
	public static final class Topic {

		public String arn;

		public Map<String, String> attributes = new LinkedHashMap<>();

		public Map<String, String> tags = new LinkedHashMap<>();

	}

	/** The model: a subscription. */
	public static final class Subscription {

		public String arn;

		public String topicArn;

		public String protocol;

		public String endpoint;

		public boolean confirmed;

		/** For http/https subscribers: the token their SubscriptionConfirmation carried. */
		public String token;

		public Map<String, String> attributes = new LinkedHashMap<>();

	}

	private final Map<String, Topic> topics = new LinkedHashMap<>();

	private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();

	private LocalContext context;

	private final HttpDeliveries http = new HttpDeliveries();

	/** FIFO topics: messages published in the last five minutes by topic and deduplication id (not persisted). */
	private final Map<String, Map<String, Published>> recentlyPublished = new LinkedHashMap<>();

	private long nextSequenceNumber = 1;

	/** What a FIFO publish answered, to answer a duplicate the same. */
	private record Published(String messageId, String sequenceNumber, long at) {
	}

	/** A FIFO message's group and deduplication ids, passed on to FIFO queues. */
	private record Fifo(String groupId, String deduplicationId) {
	}

	@Override
	public String signingName() {
		return "sns";
	}

	@Override
	public Protocol protocol() {
		return Protocol.QUERY;
	}

	@Override
	public void start(LocalContext context) {
		this.context = context;
	}

	@Override
	public synchronized AwsResponse handle(AwsRequest request) {
		Map<String, String> form = request.form();
		String action = request.action();
		if (action == null) {
			throw AwsException.badRequest("MissingAction", "The request must contain the parameter Action");
		}
		Xml.Writer xml = Xml.queryResponse(action, NAMESPACE, request.requestId());
		switch (action) {
			case "CreateTopic" -> xml.element("TopicArn", createTopic(form).arn);
			case "DeleteTopic" -> {
				Topic topic = topic(form, "TopicArn");
				this.topics.remove(topic.arn);
				this.subscriptions.values().removeIf((s) -> s.topicArn.equals(topic.arn));
			}
			case "ListTopics" -> {
				xml.start("Topics");
				this.topics.keySet().forEach((arn) -> xml.start("member").element("TopicArn", arn).end());
				xml.end();
			}
			case "GetTopicAttributes" -> writeEntries(xml, topicAttributes(topic(form, "TopicArn")));
			case "SetTopicAttributes" -> {
				Topic topic = topic(form, "TopicArn");
				String name = QueryParameters.required(form, "AttributeName");
				topic.attributes.put(name, form.getOrDefault("AttributeValue", ""));
			}
			case "Subscribe" -> xml.element("SubscriptionArn", subscribe(form));
			case "ConfirmSubscription" -> xml.element("SubscriptionArn", confirm(form));
			case "Unsubscribe" -> {
				String arn = QueryParameters.required(form, "SubscriptionArn");
				if (this.subscriptions.remove(arn) == null) {
					throw notFound("Subscription does not exist");
				}
			}
			case "ListSubscriptions" -> writeSubscriptions(xml, this.subscriptions.values());
			case "ListSubscriptionsByTopic" -> {
				Topic topic = topic(form, "TopicArn");
				writeSubscriptions(xml, this.subscriptions.values().stream().filter((s) -> s.topicArn.equals(topic.arn)).toList());
			}
			case "GetSubscriptionAttributes" -> writeEntries(xml, subscriptionAttributes(subscription(form)));
			case "SetSubscriptionAttributes" -> {
				Subscription subscription = subscription(form);
				String name = QueryParameters.required(form, "AttributeName");
				String value = form.getOrDefault("AttributeValue", "");
				validateSubscriptionAttribute(name, value);
				subscription.attributes.put(name, value);
			}
			case "Publish" -> {
				String topicArn = form.containsKey("TopicArn") ? form.get("TopicArn") : form.get("TargetArn");
				if (topicArn == null) {
					throw invalid("Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter");
				}
				Published published = publish(topic(topicArn), form);
				xml.element("MessageId", published.messageId()).element("SequenceNumber", published.sequenceNumber());
			}
			case "TagResource" -> topic(form, "ResourceArn").tags
				.putAll(QueryParameters.keyValues(form, "Tags.member", "Key", "Value"));
			case "UntagResource" -> {
				Topic topic = topic(form, "ResourceArn");
				QueryParameters.list(form, "TagKeys.member").forEach(topic.tags::remove);
			}
			case "ListTagsForResource" -> {
				xml.start("Tags");
				topic(form, "ResourceArn").tags.forEach((k, v) -> xml.start("member").element("Key", k).element("Value", v).end());
				xml.end();
			}
			default -> throw AwsException.badRequest("InvalidAction", "Could not find operation " + action + " for version 2010-03-31");
		}
		return AwsResponse.xml(200, xml.toString());
	}

	// ---- topics -------------------------------------------------------------------------------------

	private Topic createTopic(Map<String, String> form) {
		String name = QueryParameters.required(form, "Name");
		if (!TOPIC_NAME.matcher(name).matches()) {
			throw invalid("Invalid parameter: Topic Name");
		}
		Map<String, String> attributes = QueryParameters.keyValues(form, "Attributes.entry", "key", "value");
		if (name.endsWith(".fifo") != "true".equals(attributes.get("FifoTopic"))) {
			throw invalid("Invalid parameter: Fifo Topic names must end with .fifo and must be made up of only uppercase and lowercase ASCII letters, numbers, underscores, and hyphens, and must be between 1 and 256 characters long.");
		}
		String arn = this.context.arn("sns", name);
		Topic existing = this.topics.get(arn);
		if (existing != null) {
			return existing;
		}
		Topic topic = new Topic();
		topic.arn = arn;
		topic.attributes.putAll(attributes);
		topic.tags.putAll(QueryParameters.keyValues(form, "Tags.member", "Key", "Value"));
		this.topics.put(arn, topic);
		return topic;
	}

	private Map<String, String> topicAttributes(Topic topic) {
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put("TopicArn", topic.arn);
		attributes.put("Owner", this.context.accountId());
		attributes.put("DisplayName", "");
		long confirmed = this.subscriptions.values().stream().filter((s) -> s.topicArn.equals(topic.arn) && s.confirmed).count();
		long pending = this.subscriptions.values().stream().filter((s) -> s.topicArn.equals(topic.arn) && !s.confirmed).count();
		attributes.put("SubscriptionsConfirmed", Long.toString(confirmed));
		attributes.put("SubscriptionsPending", Long.toString(pending));
		attributes.put("SubscriptionsDeleted", "0");
		attributes.put("EffectiveDeliveryPolicy", "{\"http\":{\"defaultHealthyRetryPolicy\":{\"minDelayTarget\":20,\"maxDelayTarget\":20,\"numRetries\":3,\"numMaxDelayRetries\":0,\"numNoDelayRetries\":0,\"numMinDelayRetries\":0,\"backoffFunction\":\"linear\"},\"disableSubscriptionOverrides\":false}}");
		attributes.putAll(topic.attributes);
		return attributes;
	}

	private Topic topic(Map<String, String> form, String parameter) {
		return topic(QueryParameters.required(form, parameter));
	}

	private Topic topic(String arn) {
		Topic topic = this.topics.get(arn);
		if (topic == null) {
			throw notFound("Topic does not exist");
		}
		return topic;
	}

	// ---- subscriptions --------------------------------------------------------------------------------

	private String subscribe(Map<String, String> form) {
		Topic topic = topic(form, "TopicArn");
		String protocol = QueryParameters.required(form, "Protocol");
		if (!PROTOCOLS.contains(protocol)) {
			throw invalid("Invalid parameter: Amazon SNS does not support this protocol string: " + protocol);
		}
		String endpoint = form.get("Endpoint");
		if (endpoint == null || endpoint.isEmpty()) {
			throw invalid("Invalid parameter: Endpoint");
		}
		if ("sqs".equals(protocol) && !endpoint.startsWith("arn:aws:sqs:")) {
			throw invalid("Invalid parameter: SQS endpoint ARN");
		}
		if ("lambda".equals(protocol) && !endpoint.startsWith("arn:aws:lambda:")) {
			throw invalid("Invalid parameter: Lambda endpoint ARN");
		}
		Map<String, String> attributes = QueryParameters.keyValues(form, "Attributes.entry", "key", "value");
		attributes.forEach(this::validateSubscriptionAttribute);
		for (Subscription existing : this.subscriptions.values()) {
			if (existing.topicArn.equals(topic.arn) && existing.protocol.equals(protocol) && existing.endpoint.equals(endpoint)) {
				return existing.arn;
			}
		}
		Subscription subscription = new Subscription();
		subscription.arn = topic.arn + ":" + UUID.randomUUID();
		subscription.topicArn = topic.arn;
		subscription.protocol = protocol;
		subscription.endpoint = endpoint;
		subscription.confirmed = "sqs".equals(protocol) || "lambda".equals(protocol);
		subscription.attributes.putAll(attributes);
		this.subscriptions.put(subscription.arn, subscription);
		if ("http".equals(protocol) || "https".equals(protocol)) {
			requestConfirmation(subscription);
		}
		boolean returnArn = "true".equalsIgnoreCase(form.get("ReturnSubscriptionArn"));
		return (subscription.confirmed || returnArn) ? subscription.arn : "pending confirmation";
	}

	/** Sends an http/https subscriber the SubscriptionConfirmation SNS sends, with a fresh token. */
	private void requestConfirmation(Subscription subscription) {
		subscription.token = java.util.HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
		String messageId = UUID.randomUUID().toString();
		String subscribeUrl = this.context.endpoint() + "/?Action=ConfirmSubscription&TopicArn=" + subscription.topicArn
				+ "&Token=" + subscription.token;
		ObjectNode body = Json.object();
		body.put("Type", "SubscriptionConfirmation");
		body.put("MessageId", messageId);
		body.put("Token", subscription.token);
		body.put("TopicArn", subscription.topicArn);
		body.put("Message", "You have chosen to subscribe to the topic " + subscription.topicArn
				+ ".\nTo confirm the subscription, visit the SubscribeURL included in this message.");
		body.put("SubscribeURL", subscribeUrl);
		body.put("Timestamp", Instant.ofEpochMilli(this.context.clock().millis()).truncatedTo(ChronoUnit.MILLIS).toString());
		body.put("SignatureVersion", "1");
		body.put("Signature", "EXAMPLE");
		body.put("SigningCertURL", this.context.endpoint() + "/_local/sns/SimpleNotificationService.pem");
		this.http.post(subscription.endpoint, "SubscriptionConfirmation", messageId, subscription.topicArn, null, Json.text(body));
	}

	/** ConfirmSubscription (an API call, or a visit to the SubscribeURL): the token confirms its subscription. */
	private String confirm(Map<String, String> form) {
		Topic topic = topic(form, "TopicArn");
		String token = QueryParameters.required(form, "Token");
		for (Subscription subscription : this.subscriptions.values()) {
			if (subscription.topicArn.equals(topic.arn) && token.equals(subscription.token)) {
				subscription.confirmed = true;
				return subscription.arn;
			}
		}
		throw invalid("Invalid token");
	}

	/** Visits to a SubscribeURL arrive unsigned, as a browser or curl sends them. */
	@Override
	public java.util.List<FrontDoor> frontDoors() {
		return java.util.List.of(new FrontDoor() {

			@Override
			public boolean accepts(AwsRequest request) {
				return "GET".equals(request.method()) && request.header("Authorization") == null
						&& HttpDeliveries.isConfirmationVisit(request.form());
			}

			@Override
			public AwsResponse serve(AwsRequest request) {
				Xml.Writer xml = Xml.queryResponse("ConfirmSubscription", NAMESPACE, request.requestId());
				try {
					synchronized (SnsService.this) {
						xml.element("SubscriptionArn", confirm(request.form()));
					}
				}
				catch (AwsException ex) {
					return Protocol.QUERY.error(ex, request.requestId());
				}
				return AwsResponse.xml(200, xml.toString());
			}

		});
	}

	@Override
	public void close() {
		this.http.close();
	}

	private void validateSubscriptionAttribute(String name, String value) {
		switch (name) {
			case "RawMessageDelivery" -> {
				if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
					throw invalid("Invalid parameter: Attributes Reason: RawMessageDelivery: Invalid value [" + value + "]. Must be true or false.");
				}
			}
			case "FilterPolicy" -> {
				if (!value.isEmpty()) {
					JsonNode policy;
					try {
						policy = Json.parse(value);
					}
					catch (RuntimeException ex) {
						policy = null;
					}
					if (policy == null || !policy.isObject()) {
						throw invalid("Invalid parameter: FilterPolicy: failed to parse JSON.");
					}
				}
			}
			case "FilterPolicyScope", "DeliveryPolicy", "RedrivePolicy", "SubscriptionRoleArn" -> {
			}
			default -> throw invalid("Invalid parameter: AttributeName");
		}
	}

	private Subscription subscription(Map<String, String> form) {
		Subscription subscription = this.subscriptions.get(QueryParameters.required(form, "SubscriptionArn"));
		if (subscription == null) {
			throw notFound("Subscription does not exist");
		}
		return subscription;
	}

	private Map<String, String> subscriptionAttributes(Subscription subscription) {
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put("SubscriptionArn", subscription.arn);
		attributes.put("TopicArn", subscription.topicArn);
		attributes.put("Protocol", subscription.protocol);
		attributes.put("Endpoint", subscription.endpoint);
		attributes.put("Owner", this.context.accountId());
		attributes.put("ConfirmationWasAuthenticated", Boolean.toString(subscription.confirmed));
		attributes.put("PendingConfirmation", Boolean.toString(!subscription.confirmed));
		attributes.put("RawMessageDelivery", "false");
		attributes.putAll(subscription.attributes);
		return attributes;
	}

	private static void writeSubscriptions(Xml.Writer xml, java.util.Collection<Subscription> subscriptions) {
		xml.start("Subscriptions");
		for (Subscription s : subscriptions) {
			xml.start("member").element("SubscriptionArn", s.confirmed ? s.arn : "PendingConfirmation")
				.element("Owner", s.arn.split(":")[4]).element("TopicArn", s.topicArn)
				.element("Protocol", s.protocol).element("Endpoint", s.endpoint).end();
		}
		xml.end();
	}

	private static void writeEntries(Xml.Writer xml, Map<String, String> attributes) {
		xml.start("Attributes");
		attributes.forEach((k, v) -> xml.start("entry").element("key", k).element("value", v).end());
		xml.end();
	}

	// ---- publishing -----------------------------------------------------------------------------------

	private Published publish(Topic topic, Map<String, String> form) {
		String message = form.get("Message");
		if (message == null || message.isEmpty()) {
			throw invalid("Invalid parameter: Message Reason: Empty message");
		}
		String subject = form.get("Subject");
		if (subject != null && (subject.isEmpty() || subject.length() > 100)) {
			throw invalid("Invalid parameter: Subject");
		}
		JsonNode perProtocol = null;
		if ("json".equals(form.get("MessageStructure"))) {
			try {
				perProtocol = Json.parse(message);
			}
			catch (RuntimeException ex) {
				perProtocol = null;
			}
			if (perProtocol == null || !perProtocol.has("default")) {
				throw invalid("Invalid parameter: Message Structure - No default entry in JSON message body");
			}
		}
		ObjectNode attributes = Json.object();
		for (Map<String, String> entry : QueryParameters.structures(form, "MessageAttributes.entry")) {
			String name = entry.get("Name");
			String type = entry.get("Value.DataType");
			if (name == null || type == null) {
				throw invalid("Invalid parameter: MessageAttributes: the message attribute must have a name and a data type");
			}
			ObjectNode value = attributes.putObject(name);
			value.put("DataType", type);
			if (entry.containsKey("Value.BinaryValue")) {
				value.put("BinaryValue", entry.get("Value.BinaryValue"));
			}
			else {
				value.put("StringValue", entry.getOrDefault("Value.StringValue", ""));
			}
		}
		String messageId = UUID.randomUUID().toString();
		long now = this.context.clock().millis();
		String timestamp = Instant.ofEpochMilli(now).truncatedTo(ChronoUnit.MILLIS).toString();
		Fifo fifo = null;
		Published published = new Published(messageId, null, now);
		if ("true".equals(topic.attributes.get("FifoTopic"))) {
			String groupId = form.get("MessageGroupId");
			if (groupId == null || groupId.isEmpty()) {
				throw invalid("Invalid parameter: The MessageGroupId parameter is required for FIFO topics");
			}
			String deduplicationId = form.get("MessageDeduplicationId");
			if (deduplicationId == null || deduplicationId.isEmpty()) {
				if (!"true".equals(topic.attributes.get("ContentBasedDeduplication"))) {
					throw invalid("Invalid parameter: The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
				}
				deduplicationId = sha256(message);
			}
			Map<String, Published> recent = this.recentlyPublished.computeIfAbsent(topic.arn, (k) -> new LinkedHashMap<>());
			recent.values().removeIf((p) -> p.at() + 5 * 60 * 1000 <= now);
			Published first = recent.get(deduplicationId);
			if (first != null) {
				return first; // a duplicate within five minutes: accepted, not delivered again
			}
			published = new Published(messageId, String.format("%020d", this.nextSequenceNumber++), now);
			recent.put(deduplicationId, published);
			fifo = new Fifo(groupId, deduplicationId);
		}
		for (Subscription subscription : List.copyOf(this.subscriptions.values())) {
			if (!subscription.topicArn.equals(topic.arn) || !subscription.confirmed) {
				continue;
			}
			if (!FilterPolicies.matches(subscription.attributes.get("FilterPolicy"), attributes)) {
				continue;
			}
			String text = message;
			if (perProtocol != null) {
				text = perProtocol.path(subscription.protocol).asString(perProtocol.path("default").asString());
			}
			Notification notification = new Notification(messageId, topic.arn, subject, text, timestamp, attributes,
					subscription.arn, this.context.endpoint().toString());
			try {
				deliver(subscription, notification, fifo);
			}
			catch (RuntimeException ex) {
				// as SNS: a failing endpoint does not fail the publish
				log.log(System.Logger.Level.INFO, "SNS delivery to " + subscription.endpoint + " failed: " + ex.getMessage());
			}
		}
		return published;
	}

	private static String sha256(String text) {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
				.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void deliver(Subscription subscription, Notification notification, Fifo fifo) {
		switch (subscription.protocol) {
			case "sqs" -> {
				// as on AWS, the queue's access policy must let SNS send for this topic
				String refusal = this.context.service(SqsService.class).sendRefusal(subscription.endpoint,
						"sns.amazonaws.com", subscription.topicArn);
				if (refusal != null) {
					log.log(System.Logger.Level.WARNING, "SNS topic " + subscription.topicArn + " may not send to "
							+ subscription.endpoint + ": " + refusal + "; the message is dropped");
					return;
				}
				boolean raw = "true".equalsIgnoreCase(subscription.attributes.get("RawMessageDelivery"));
				this.context.service(SqsService.class).deliver(subscription.endpoint,
						raw ? notification.message() : Json.text(notification.envelope()), raw ? notification.attributes() : null,
						(fifo != null) ? fifo.groupId() : null, (fifo != null) ? fifo.deduplicationId() : null);
			}
			case "lambda" -> {
				// as on AWS, the function's resource policy must let SNS invoke it
				if (!this.context.service(LambdaService.class).allowsInvocationBy(subscription.endpoint, "sns.amazonaws.com")) {
					log.log(System.Logger.Level.WARNING, "SNS topic " + subscription.topicArn + " may not invoke "
							+ subscription.endpoint + ": its resource policy has no statement for sns.amazonaws.com (lambda add-permission)");
					return;
				}
				this.context.deliver(subscription.endpoint, Json.text(notification.lambdaEvent()));
			}
			case "http", "https" -> this.http.post(subscription.endpoint, "Notification", notification.messageId(),
					subscription.topicArn, subscription.arn,
					"true".equalsIgnoreCase(subscription.attributes.get("RawMessageDelivery")) ? notification.message()
							: Json.text(notification.envelope()));
			default -> {
			}
		}
	}

	// ---- EventSink: schedules, rules and notifications may target a topic ------------------------------

	@Override
	public boolean acceptsArn(String arn) {
		return arn.startsWith("arn:aws:sns:");
	}

	@Override
	public synchronized void deliver(String arn, String event) {
		publish(topic(arn), Map.of("Message", event));
	}

	// ---- errors and state -------------------------------------------------------------------------------

	private static AwsException notFound(String message) {
		return AwsException.notFound("NotFound", message);
	}

	private static AwsException invalid(String message) {
		return AwsException.badRequest("InvalidParameter", message);
	}

	@Override
	public synchronized JsonNode saveState() {
		ObjectNode state = Json.object();
		state.set("topics", Json.tree(List.copyOf(this.topics.values())));
		state.set("subscriptions", Json.tree(List.copyOf(this.subscriptions.values())));
		return state;
	}

	@Override
	public synchronized void loadState(JsonNode state) {
		this.topics.clear();
		this.subscriptions.clear();
		for (JsonNode node : state.path("topics")) {
			Topic topic = Json.mapper().treeToValue(node, Topic.class);
			this.topics.put(topic.arn, topic);
		}
		for (JsonNode node : state.path("subscriptions")) {
			Subscription subscription = Json.mapper().treeToValue(node, Subscription.class);
			this.subscriptions.put(subscription.arn, subscription);
		}
	}

	/** One message as delivered to one subscription, in the shapes SNS sends. */
	record Notification(String messageId, String topicArn, String subject, String message, String timestamp,
			ObjectNode attributes, String subscriptionArn, String endpoint) {

		private static final String SIGNATURE = "EXAMPLEpH+DcEwjAPg8O9mY8dReBSwksfg2S7WKQcikcNKWLQjwu6A4VbeS0QHVCkhRS7fUQvi2egU3N858fiTDN6bkkOxYDVrY0Ad8L10Hs3zH81mtnPk5uvvolIC1CXGu43obcgFxeL3khZl8IKvO61GWB6jI9b5+gLPoBc1Q=";

		/** The JSON document an SQS subscriber receives as the message body. */
		ObjectNode envelope() {
			ObjectNode body = Json.object();
			body.put("Type", "Notification");
			body.put("MessageId", this.messageId);
			body.put("TopicArn", this.topicArn);
			if (this.subject != null) {
				body.put("Subject", this.subject);
			}
			body.put("Message", this.message);
			body.put("Timestamp", this.timestamp);
			body.put("SignatureVersion", "1");
			body.put("Signature", SIGNATURE);
			body.put("SigningCertURL", this.endpoint + "/_local/sns/SimpleNotificationService.pem");
			body.put("UnsubscribeURL", this.endpoint + "/?Action=Unsubscribe&SubscriptionArn=" + this.subscriptionArn);
			if (!this.attributes.isEmpty()) {
				body.set("MessageAttributes", typeValue());
			}
			return body;
		}

		/** The {@code aws:sns} event a Lambda subscriber is invoked with. */
		ObjectNode lambdaEvent() {
			ObjectNode event = Json.object();
			ArrayNode records = event.putArray("Records");
			ObjectNode record = records.addObject();
			record.put("EventSource", "aws:sns");
			record.put("EventVersion", "1.0");
			record.put("EventSubscriptionArn", this.subscriptionArn);
			ObjectNode sns = record.putObject("Sns");
			sns.put("Type", "Notification");
			sns.put("MessageId", this.messageId);
			sns.put("TopicArn", this.topicArn);
			if (this.subject != null) {
				sns.put("Subject", this.subject);
			}
			else {
				sns.putNull("Subject");
			}
			sns.put("Message", this.message);
			sns.put("Timestamp", this.timestamp);
			sns.put("SignatureVersion", "1");
			sns.put("Signature", SIGNATURE);
			sns.put("SigningCertUrl", this.endpoint + "/_local/sns/SimpleNotificationService.pem");
			sns.put("UnsubscribeUrl", this.endpoint + "/?Action=Unsubscribe&SubscriptionArn=" + this.subscriptionArn);
			sns.set("MessageAttributes", typeValue());
			return event;
		}

		/** Message attributes as SNS writes them in notifications: {@code {"Type":…,"Value":…}}. */
		private ObjectNode typeValue() {
			ObjectNode out = Json.object();
			for (Map.Entry<String, JsonNode> attribute : this.attributes.properties()) {
				ObjectNode value = out.putObject(attribute.getKey());
				value.put("Type", attribute.getValue().path("DataType").asString());
				value.put("Value", attribute.getValue().has("BinaryValue") ? attribute.getValue().get("BinaryValue").asString()
						: attribute.getValue().path("StringValue").asString());
			}
			return out;
		}

	}

}
