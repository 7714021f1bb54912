package io.serverlessspring.local.s3;

import java.lang.System.Logger.Level;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.w3c.dom.Element;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.server.AwsException;
import io.serverlessspring.local.server.Json;
import io.serverlessspring.local.server.LocalContext;
import io.serverlessspring.local.server.Xml;
import io.serverlessspring.local.s3.S3Model.Bucket;
import io.serverlessspring.local.s3.S3Model.StoredObject;

/**
 * Sends S3 event notifications ({@code Records[].s3}) to the Lambda functions, SQS queues and SNS
 * topics of a bucket's notification configuration, filtered by event name and key prefix/suffix.
 */
final class S3Notifications {

	private static final System.Logger log = System.getLogger(S3Notifications.class.getName());

	private final LocalContext context;

	private long sequencer;

	S3Notifications(LocalContext context) {
		this.context = context;
	}

	/** Rejects configurations S3 rejects: unknown destination kinds, events that are not s3:…. */
	void validate(Element configuration) {
		for (Destination destination : destinations(configuration)) {
			if (destination.arn() == null || !destination.arn().startsWith("arn:")) {
				throw AwsException.badRequest("InvalidArgument", "Unable to validate the following destination configurations")
					.detail("ArgumentName", destination.arn());
			}
			for (String event : destination.events()) {
				if (!event.startsWith("s3:")) {
					throw AwsException.badRequest("InvalidArgument", "The event is not supported for notifications")
						.detail("ArgumentName", event);
				}
			}
		}
	}

	void objectCreated(Bucket bucket, StoredObject object, String how) {
		send(bucket, object, "ObjectCreated:" + how);
	}

	void objectRemoved(Bucket bucket, StoredObject object) {
		send(bucket, object, "ObjectRemoved:Delete");
	}

	private void send(Bucket bucket, StoredObject object, String eventName) {
		if (bucket.notificationXml == null) {
			return;
		}
		for (Destination destination : destinations(Xml.parse(bucket.notificationXml.getBytes(StandardCharsets.UTF_8)))) {
			if (destination.matches(eventName, object.key)) {
				String event = Json.text(event(bucket, object, eventName, destination.id()));
				// delivered off the caller's thread: S3 holds its lock here, and Lambda may be asking S3 for code
				this.context.timers().execute(() -> {
					try {
						this.context.deliver(destination.arn(), event);
					}
					catch (RuntimeException ex) {
						log.log(Level.WARNING, "S3 notification to " + destination.arn() + " failed: " + ex.getMessage());
					}
				});
			}
		}
	}

	private ObjectNode event(Bucket bucket, StoredObject object, String eventName, String configurationId) {
		ObjectNode root = Json.object();
		ObjectNode record = root.putArray("Records").addObject();
		record.put("eventVersion", "2.1");
		record.put("eventSource", "aws:s3");
		record.put("awsRegion", bucket.region);
		record.put("eventTime", Instant.now().toString());
		record.put("eventName", eventName);
		record.putObject("userIdentity").put("principalId", "AWS:" + this.context.accountId());
		record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
		ObjectNode response = record.putObject("responseElements");
		response.put("x-amz-request-id", Long.toHexString(System.nanoTime()).toUpperCase(Locale.ROOT));
		response.put("x-amz-id-2", "local");
		ObjectNode s3 = record.putObject("s3");
		s3.put("s3SchemaVersion", "1.0");
		s3.put("configurationId", configurationId);
		ObjectNode bucketNode = s3.putObject("bucket");
		bucketNode.put("name", bucket.name);
		bucketNode.putObject("ownerIdentity").put("principalId", this.context.accountId());
		bucketNode.put("arn", "arn:aws:s3:::" + bucket.name);
		ObjectNode objectNode = s3.putObject("object");
		objectNode.put("key", URLEncoder.encode(object.key, StandardCharsets.UTF_8));
		if (eventName.startsWith("ObjectCreated")) {
			objectNode.put("size", object.data.length);
			objectNode.put("eTag", object.etag.replace("\"", ""));
		}
		objectNode.put("sequencer", String.format("%016X", ++this.sequencer));
		return root;
	}

	private static List<Destination> destinations(Element configuration) {
		List<Destination> destinations = new ArrayList<>();
		for (String[] kind : new String[][] { { "LambdaFunctionConfiguration", "CloudFunction" },
				{ "CloudFunctionConfiguration", "CloudFunction" }, { "QueueConfiguration", "Queue" },
				{ "TopicConfiguration", "Topic" } }) {
			for (Element element : Xml.children(configuration, kind[0])) {
				List<String> events = new ArrayList<>();
				Xml.children(element, "Event").forEach((e) -> events.add(e.getTextContent().trim()));
				String prefix = "";
				String suffix = "";
				Element filter = Xml.child(element, "Filter");
				Element key = (filter != null) ? Xml.child(filter, "S3Key") : null;
				if (key != null) {
					for (Element rule : Xml.children(key, "FilterRule")) {
						String name = Xml.childText(rule, "Name").toLowerCase(Locale.ROOT);
						if (name.equals("prefix")) {
							prefix = Xml.childText(rule, "Value");
						}
						else if (name.equals("suffix")) {
							suffix = Xml.childText(rule, "Value");
						}
					}
				}
				String id = Xml.childText(element, "Id");
				destinations.add(new Destination((id != null) ? id : "notification", Xml.childText(element, kind[1]),
						events, prefix, suffix));
			}
		}
		return destinations;
	}

	private record Destination(String id, String arn, List<String> events, String prefix, String suffix) {

		boolean matches(String eventName, String key) {
			if (!key.startsWith(this.prefix) || !key.endsWith(this.suffix)) {
				return false;
			}
			String full = "s3:" + eventName;
			for (String event : this.events) {
				if (event.equals(full) || (event.endsWith(":*") && full.startsWith(event.substring(0, event.length() - 1)))) {
					return true;
				}
			}
			return false;
		}

	}

}
