package io.serverlessspring.local.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

import io.serverlessspring.local.server.AwsException;
import io.serverlessspring.local.server.AwsRequest;
import io.serverlessspring.local.server.AwsResponse;
import io.serverlessspring.local.server.AwsService;
import io.serverlessspring.local.server.Json;
import io.serverlessspring.local.server.LocalContext;
import io.serverlessspring.local.server.OwnerOnlyFiles;
import io.serverlessspring.local.server.Persistent;
import io.serverlessspring.local.server.Protocol;
import io.serverlessspring.local.server.RestRouter;
import io.serverlessspring.local.server.Xml;
import io.serverlessspring.local.s3.S3Model.Bucket;
import io.serverlessspring.local.s3.S3Model.StoredObject;
import io.serverlessspring.local.s3.S3Model.Upload;

/**
 * S3 (rest-xml), path-style ({@code /bucket/key}) and virtual-host style ({@code Host:
 * bucket.s3.localhost}): buckets, objects (with ranges, copy, batch delete), multipart uploads and
 * event notifications, which are delivered to Lambda, SQS or SNS as S3 sends them.
 *
 * <p>Written here rather than embedding s3proxy: objects must feed Lambda code and notifications in
 * process, and s3proxy's jclouds stack would weigh more than the whole local cloud.
 */
public final class S3Service implements AwsService, Persistent {

	static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

	private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

	private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

	private S3Model model = new S3Model();

	private final RestRouter router = new RestRouter("MethodNotAllowed");

	private LocalContext context;

	private S3Notifications notifications;

	/** The object files the last saved state refers to. */
	private Set<String> savedBlobs = Set.of();

	private boolean loadedFromState;

	public S3Service() {
		this.router
			.add("GET", "/", (r, p) -> listBuckets(r))
			.add("PUT", "/{Bucket}", (r) -> r.hasQuery("notification"), (r, p) -> putNotification(r, p.get("Bucket")))
			.add("GET", "/{Bucket}", (r) -> r.hasQuery("notification"), (r, p) -> getNotification(p.get("Bucket")))
			.add("PUT", "/{Bucket}", (r) -> r.hasQuery("tagging"), (r, p) -> putBucketTagging(r, p.get("Bucket")))
			.add("GET", "/{Bucket}", (r) -> r.hasQuery("tagging"), (r, p) -> getBucketTagging(p.get("Bucket")))
			.add("GET", "/{Bucket}", (r) -> r.hasQuery("location"), (r, p) -> getLocation(p.get("Bucket")))
			.add("GET", "/{Bucket}", (r) -> r.hasQuery("uploads"), (r, p) -> listUploads(p.get("Bucket")))
			.add("POST", "/{Bucket}", (r) -> r.hasQuery("delete"), (r, p) -> deleteObjects(r, p.get("Bucket")))
			.add("PUT", "/{Bucket}", (r, p) -> createBucket(r, p.get("Bucket")))
			.add("HEAD", "/{Bucket}", (r, p) -> headBucket(p.get("Bucket")))
			.add("DELETE", "/{Bucket}", (r, p) -> deleteBucket(p.get("Bucket")))
			.add("GET", "/{Bucket}", (r, p) -> listObjects(r, p.get("Bucket")))
			.add("POST", "/{Bucket}/{Key+}", (r) -> r.hasQuery("uploads"), (r, p) -> createUpload(r, p))
			.add("POST", "/{Bucket}/{Key+}", (r) -> r.hasQuery("uploadId"), (r, p) -> completeUpload(r, p))
			.add("PUT", "/{Bucket}/{Key+}", (r) -> r.hasQuery("uploadId"), (r, p) -> uploadPart(r, p))
			.add("DELETE", "/{Bucket}/{Key+}", (r) -> r.hasQuery("uploadId"), (r, p) -> abortUpload(r, p))
			.add("GET", "/{Bucket}/{Key+}", (r) -> r.hasQuery("uploadId"), (r, p) -> listParts(r, p))
			.add("PUT", "/{Bucket}/{Key+}", (r, p) -> putObject(r, p.get("Bucket"), p.get("Key")))
			.add("GET", "/{Bucket}/{Key+}", (r, p) -> getObject(r, p.get("Bucket"), p.get("Key"), false))
			.add("HEAD", "/{Bucket}/{Key+}", (r, p) -> getObject(r, p.get("Bucket"), p.get("Key"), true))
			.add("DELETE", "/{Bucket}/{Key+}", (r, p) -> deleteObject(p.get("Bucket"), p.get("Key")));
	}

	@Override
	public String signingName() {
		return "s3";
	}

	@Override
	public Protocol protocol() {
		return Protocol.REST_XML;
	}

	@Override
	public void start(LocalContext context) {
		this.context = context;
		this.notifications = new S3Notifications(context);
		if (this.loadedFromState) {
			readBlobs();
		}
	}

	@Override
	public AwsResponse handle(AwsRequest request) {
		AwsRequest pathStyle = VirtualHosts.toPathStyle(request);
		synchronized (this) {
			return this.router.route(pathStyle);
		}
	}

	/** The bytes of an object, for Lambda's {@code Code.S3Bucket/S3Key}; a missing one is an error. */
	public synchronized byte[] objectBytes(String bucketName, String key) {
		StoredObject object = bucket(bucketName).objects.get(key);
		if (object == null) {
			throw noSuchKey(key);
		}
		return object.data;
	}

	private AwsResponse listBuckets(AwsRequest request) {
		Xml.Writer xml = Xml.writer("ListAllMyBucketsResult", NAMESPACE);
		xml.start("Owner").element("ID", this.context.accountId()).element("DisplayName", "local").end();
		xml.start("Buckets");
		this.model.buckets.values().forEach((b) -> xml.start("Bucket").element("Name", b.name)
			.element("CreationDate", b.created).element("BucketRegion", b.region).end());
		xml.end();
		return AwsResponse.xml(200, xml.toString());
	}

	private AwsResponse createBucket(AwsRequest request, String name) {
		if (!BUCKET_NAME.matcher(name).matches() || name.contains("..")) {
			throw AwsException.badRequest("InvalidBucketName", "The specified bucket is not valid.")
				.detail("BucketName", name);
		}
		if (this.model.buckets.containsKey(name)) {
			throw AwsException.conflict("BucketAlreadyOwnedByYou",
					"Your previous request to create the named bucket succeeded and you already own it.")
				.detail("BucketName", name);
		}
		String region = this.context.region();
		if (request.body().length > 0) {
			String constraint = Xml.childText(Xml.parse(request.body()), "LocationConstraint");
			if (constraint != null && !constraint.isEmpty()) {
				region = constraint;
			}
		}
		Bucket bucket = new Bucket();
		bucket.name = name;
		bucket.created = Instant.now().toString();
		bucket.region = region;
		this.model.buckets.put(name, bucket);
		return AwsResponse.empty(200).header("Location", "/" + name);
	}

	private AwsResponse headBucket(String name) {
		Bucket bucket = bucket(name);
		return AwsResponse.empty(200).header("x-amz-bucket-region", bucket.region);
	}

	private AwsResponse deleteBucket(String name) {
		Bucket bucket = bucket(name);
		if (!bucket.objects.isEmpty()) {
			throw AwsException.conflict("BucketNotEmpty", "The bucket you tried to delete is not empty")
				.detail("BucketName", name);
		}
		this.model.buckets.remove(name);
		return AwsResponse.empty(204);
	}

	private AwsResponse getLocation(String name) {
		Bucket bucket = bucket(name);
		Xml.Writer xml = Xml.writer("LocationConstraint", NAMESPACE);
		if (!"us-east-1".equals(bucket.region)) {
			xml.raw(Xml.escape(bucket.region));
		}
		return AwsResponse.xml(200, xml.toString());
	}

	private AwsResponse listObjects(AwsRequest request, String name) {
		Bucket bucket = bucket(name);
		boolean v2 = "2".equals(request.query("list-type"));
		String prefix = nonNull(request.query("prefix"));
		String delimiter = request.query("delimiter");
		int maxKeys = parseInt(request.query("max-keys"), 1000, "max-keys");
		boolean urlEncoding = "url".equals(request.query("encoding-type"));
		String after = v2 ? firstNonNull(request.query("continuation-token"), request.query("start-after"))
				: request.query("marker");
		List<StoredObject> contents = new ArrayList<>();
		TreeSet<String> commonPrefixes = new TreeSet<>();
		boolean truncated = false;
		String last = null;
		for (StoredObject object : (after != null ? bucket.objects.tailMap(after, false) : bucket.objects).values()) {
			if (!object.key.startsWith(prefix)) {
				continue;
			}
			if (contents.size() + commonPrefixes.size() >= maxKeys) {
				truncated = true;
				break;
			}
			if (delimiter != null && !delimiter.isEmpty()) {
				int at = object.key.indexOf(delimiter, prefix.length());
				if (at >= 0) {
					commonPrefixes.add(object.key.substring(0, at + delimiter.length()));
					last = object.key;
					continue;
				}
			}
			contents.add(object);
			last = object.key;
		}
		Xml.Writer xml = Xml.writer("ListBucketResult", NAMESPACE);
		xml.element("Name", name).element("Prefix", encode(prefix, urlEncoding));
		if (v2) {
			xml.element("KeyCount", contents.size() + commonPrefixes.size());
			if (request.query("continuation-token") != null) {
				xml.element("ContinuationToken", request.query("continuation-token"));
			}
			if (truncated) {
				xml.element("NextContinuationToken", last);
			}
		}
		else {
			xml.element("Marker", nonNull(request.query("marker")));
			if (truncated) {
				xml.element("NextMarker", last);
			}
		}
		xml.element("MaxKeys", maxKeys).element("Delimiter", delimiter).element("IsTruncated", truncated);
		if (urlEncoding) {
			xml.element("EncodingType", "url");
		}
		for (StoredObject object : contents) {
			xml.start("Contents").element("Key", encode(object.key, urlEncoding))
				.element("LastModified", object.lastModified)
				.element("ETag", object.etag)
				.element("Size", object.data.length)
				.element("StorageClass", "STANDARD")
				.end();
		}
		commonPrefixes.forEach((p) -> xml.start("CommonPrefixes").element("Prefix", encode(p, urlEncoding)).end());
		return AwsResponse.xml(200, xml.toString());
	}

	private AwsResponse putObject(AwsRequest request, String bucketName, String key) {
		Bucket bucket = bucket(bucketName);
		String copySource = request.header("x-amz-copy-source");
		StoredObject object;
		if (copySource != null) {
			object = copy(request, copySource, key);
		}
		else {
			object = newObject(key, request.body(), request);
		}
		bucket.objects.put(key, object);
		this.notifications.objectCreated(bucket, object, (copySource != null) ? "Copy" : "Put");
		if (copySource != null) {
			Xml.Writer xml = Xml.writer("CopyObjectResult", NAMESPACE);
			xml.element("LastModified", object.lastModified).element("ETag", object.etag);
			return AwsResponse.xml(200, xml.toString());
		}
		return Checksums.echo(request, object.data, AwsResponse.empty(200).header("ETag", object.etag));
	}

	private StoredObject copy(AwsRequest request, String copySource, String key) {
		String source = java.net.URLDecoder.decode(copySource.startsWith("/") ? copySource.substring(1) : copySource,
				StandardCharsets.UTF_8);
		int query = source.indexOf('?');
		if (query >= 0) {
			source = source.substring(0, query);
		}
		int slash = source.indexOf('/');
		if (slash <= 0) {
			throw AwsException.badRequest("InvalidArgument", "Copy Source must mention the source bucket and key: sourcebucket/sourcekey");
		}
		StoredObject original = bucket(source.substring(0, slash)).objects.get(source.substring(slash + 1));
		if (original == null) {
			throw noSuchKey(source.substring(slash + 1));
		}
		StoredObject copy = newObject(key, original.data, request);
		if (!"REPLACE".equals(request.header("x-amz-metadata-directive"))) {
			copy.contentType = original.contentType;
			copy.metadata = new LinkedHashMap<>(original.metadata);
		}
		return copy;
	}

	private StoredObject newObject(String key, byte[] data, AwsRequest request) {
		StoredObject object = new StoredObject();
		object.key = key;
		object.data = data;
		object.etag = '"' + HexFormat.of().formatHex(md5(data)) + '"';
		object.lastModified = Instant.now().toString();
		object.contentType = firstNonNull(request.header("Content-Type"), "binary/octet-stream");
		object.metadata = userMetadata(request);
		return object;
	}

	private AwsResponse getObject(AwsRequest request, String bucketName, String key, boolean head) {
		StoredObject object = bucket(bucketName).objects.get(key);
		if (object == null) {
			if (head) {
				throw new AwsException(404, "NotFound", "Not Found");
			}
			throw noSuchKey(key);
		}
		byte[] data = object.data;
		int status = 200;
		String range = request.header("Range");
		String contentRange = null;
		if (range != null && range.startsWith("bytes=") && data.length > 0) {
			long[] bounds = parseRange(range.substring(6), data.length);
			contentRange = "bytes " + bounds[0] + "-" + bounds[1] + "/" + data.length;
			data = java.util.Arrays.copyOfRange(data, (int) bounds[0], (int) bounds[1] + 1);
			status = 206;
		}
		AwsResponse response = head ? AwsResponse.empty(200).headContentLength(data.length)
				: AwsResponse.bytes(status, data, null);
		response.header("Content-Type", object.contentType)
			.header("ETag", object.etag)
			.header("Last-Modified", HTTP_DATE.format(Instant.parse(object.lastModified)))
			.header("Accept-Ranges", "bytes")
			.header("Content-Range", contentRange);
		object.metadata.forEach((name, value) -> response.header("x-amz-meta-" + name, value));
		return response;
	}

	private static long[] parseRange(String spec, long length) {
		try {
			int dash = spec.indexOf('-');
			long start;
			long end;
			if (dash == 0) {
				start = Math.max(0, length - Long.parseLong(spec.substring(1)));
				end = length - 1;
			}
			else {
				start = Long.parseLong(spec.substring(0, dash));
				end = (dash == spec.length() - 1) ? length - 1 : Math.min(length - 1, Long.parseLong(spec.substring(dash + 1)));
			}
			if (start > end || start >= length) {
				throw new NumberFormatException();
			}
			return new long[] { start, end };
		}
		catch (RuntimeException ex) {
			throw new AwsException(416, "InvalidRange", "The requested range is not satisfiable");
		}
	}

	private AwsResponse deleteObject(String bucketName, String key) {
		Bucket bucket = bucket(bucketName);
		StoredObject removed = bucket.objects.remove(key);
		if (removed != null) {
			this.notifications.objectRemoved(bucket, removed);
		}
		return AwsResponse.empty(204);
	}

	private AwsResponse deleteObjects(AwsRequest request, String bucketName) {
		Bucket bucket = bucket(bucketName);
		Element delete = Xml.parse(request.body());
		boolean quiet = "true".equals(Xml.childText(delete, "Quiet"));
		Xml.Writer xml = Xml.writer("DeleteResult", NAMESPACE);
		for (Element object : Xml.children(delete, "Object")) {
			String key = Xml.childText(object, "Key");
			StoredObject removed = bucket.objects.remove(key);
			if (removed != null) {
				this.notifications.objectRemoved(bucket, removed);
			}
			if (!quiet) {
				xml.start("Deleted").element("Key", key).end();
			}
		}
		return AwsResponse.xml(200, xml.toString());
	}

	private AwsResponse createUpload(AwsRequest request, Map<String, String> path) {
		bucket(path.get("Bucket"));
		Upload upload = new Upload();
		upload.id = UUID.randomUUID().toString().replace("-", "");
		upload.bucket = path.get("Bucket");
		upload.key = path.get("Key");
		upload.contentType = firstNonNull(request.header("Content-Type"), "binary/octet-stream");
		upload.metadata = userMetadata(request);
		this.model.uploads.put(upload.id, upload);
		Xml.Writer xml = Xml.writer("InitiateMultipartUploadResult", NAMESPACE);
		xml.element("Bucket", upload.bucket).element("Key", upload.key).element("UploadId", upload.id);
		return AwsResponse.xml(200, xml.toString());
	}

	private AwsResponse uploadPart(AwsRequest request, Map<String, String> path) {
		Upload upload = upload(request, path);
		int partNumber = parseInt(request.query("partNumber"), -1, "partNumber");
		if (partNumber < 1 || partNumber > 10000) {
			throw AwsException.badRequest("InvalidArgument", "Part number must be an integer between 1 and 10000, inclusive");
		}
		String etag = '"' + HexFormat.of().formatHex(md5(request.body())) + '"';
		upload.parts.put(partNumber, request.body());
		upload.partEtags.put(partNumber, etag);
		return Checksums.echo(request, request.body(), AwsResponse.empty(200).header("ETag", etag));
	}

	private AwsResponse listParts(AwsRequest request, Map<String, String> path) {
		Upload upload = upload(request, path);
		Xml.Writer xml = Xml.writer("ListPartsResult", NAMESPACE);
		xml.element("Bucket", upload.bucket).element("Key", upload.key).element("UploadId", upload.id)
			.element("IsTruncated", false);
		upload.parts.forEach((number, data) -> xml.start("Part").element("PartNumber", number)
			.element("ETag", upload.partEtags.get(number)).element("Size", data.length).end());
		return AwsResponse.xml(200, xml.toString());
	}

	private AwsResponse completeUpload(AwsRequest request, Map<String, String> path) {
		Upload upload = upload(request, path);
		Element complete = Xml.parse(request.body());
		ByteArrayOutputStream data = new ByteArrayOutputStream();
		ByteArrayOutputStream digests = new ByteArrayOutputStream();
		List<Element> parts = Xml.children(complete, "Part");
		if (parts.isEmpty()) {
			throw AwsException.badRequest("MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema");
		}
		int previous = 0;
		for (Element part : parts) {
			int number = parseInt(Xml.childText(part, "PartNumber"), -1, "PartNumber");
			if (number <= previous) {
				throw AwsException.badRequest("InvalidPartOrder", "The list of parts was not in ascending order. Parts must be ordered by part number.");
			}
			previous = number;
			byte[] bytes = upload.parts.get(number);
			String etag = Xml.childText(part, "ETag");
			if (bytes == null || (etag != null && !stripQuotes(etag).equals(stripQuotes(upload.partEtags.get(number))))) {
				throw AwsException.badRequest("InvalidPart", "One or more of the specified parts could not be found. The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.");
			}
			data.writeBytes(bytes);
			digests.writeBytes(md5(bytes));
		}
		Bucket bucket = bucket(upload.bucket);
		StoredObject object = new StoredObject();
		object.key = upload.key;
		object.data = data.toByteArray();
		object.etag = '"' + HexFormat.of().formatHex(md5(digests.toByteArray())) + "-" + parts.size() + '"';
		object.lastModified = Instant.now().toString();
		object.contentType = upload.contentType;
		object.metadata = upload.metadata;
		bucket.objects.put(object.key, object);
		this.model.uploads.remove(upload.id);
		this.notifications.objectCreated(bucket, object, "CompleteMultipartUpload");
		Xml.Writer xml = Xml.writer("CompleteMultipartUploadResult", NAMESPACE);
		xml.element("Location", this.context.endpoint() + "/" + upload.bucket + "/" + upload.key)
			.element("Bucket", upload.bucket).element("Key", upload.key).element("ETag", object.etag);
		return AwsResponse.xml(200, xml.toString());
	}

	private AwsResponse abortUpload(AwsRequest request, Map<String, String> path) {
		Upload upload = upload(request, path);
		this.model.uploads.remove(upload.id);
		return AwsResponse.empty(204);
	}

	private AwsResponse listUploads(String bucketName) {
		bucket(bucketName);
		Xml.Writer xml = Xml.writer("ListMultipartUploadsResult", NAMESPACE);
		xml.element("Bucket", bucketName).element("IsTruncated", false);
		this.model.uploads.values().stream().filter((u) -> u.bucket.equals(bucketName))
			.forEach((u) -> xml.start("Upload").element("Key", u.key).element("UploadId", u.id).end());
		return AwsResponse.xml(200, xml.toString());
	}

	private Upload upload(AwsRequest request, Map<String, String> path) {
		bucket(path.get("Bucket"));
		Upload upload = this.model.uploads.get(request.query("uploadId"));
		if (upload == null || !upload.key.equals(path.get("Key"))) {
			throw AwsException.notFound("NoSuchUpload",
					"The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.")
				.detail("UploadId", request.query("uploadId"));
		}
		return upload;
	}

	private AwsResponse putNotification(AwsRequest request, String bucketName) {
		Bucket bucket = bucket(bucketName);
		String body = request.bodyText();
		this.notifications.validate(Xml.parse(request.body()));
		bucket.notificationXml = body;
		return AwsResponse.empty(200);
	}

	private AwsResponse getNotification(String bucketName) {
		Bucket bucket = bucket(bucketName);
		if (bucket.notificationXml == null) {
			return AwsResponse.xml(200, Xml.writer("NotificationConfiguration", NAMESPACE).toString());
		}
		return AwsResponse.xml(200, bucket.notificationXml);
	}

	private AwsResponse putBucketTagging(AwsRequest request, String bucketName) {
		Bucket bucket = bucket(bucketName);
		Element tagging = Xml.parse(request.body());
		Map<String, String> tags = new LinkedHashMap<>();
		Element tagSet = Xml.child(tagging, "TagSet");
		if (tagSet != null) {
			Xml.children(tagSet, "Tag").forEach((tag) -> tags.put(Xml.childText(tag, "Key"), Xml.childText(tag, "Value")));
		}
		bucket.tags = tags;
		return AwsResponse.empty(204);
	}

	private AwsResponse getBucketTagging(String bucketName) {
		Bucket bucket = bucket(bucketName);
		if (bucket.tags.isEmpty()) {
			throw AwsException.notFound("NoSuchTagSet", "The TagSet does not exist").detail("BucketName", bucketName);
		}
		Xml.Writer xml = Xml.writer("Tagging", NAMESPACE).start("TagSet");
		bucket.tags.forEach((k, v) -> xml.start("Tag").element("Key", k).element("Value", v).end());
		return AwsResponse.xml(200, xml.toString());
	}

	Bucket bucket(String name) {
		Bucket bucket = this.model.buckets.get(name);
		if (bucket == null) {
			throw AwsException.notFound("NoSuchBucket", "The specified bucket does not exist").detail("BucketName", name);
		}
		return bucket;
	}

	private static AwsException noSuchKey(String key) {
		return AwsException.notFound("NoSuchKey", "The specified key does not exist.").detail("Key", key);
	}

	private static Map<String, String> userMetadata(AwsRequest request) {
		Map<String, String> metadata = new LinkedHashMap<>();
		request.headers().forEach((name, values) -> {
			if (name.toLowerCase(Locale.ROOT).startsWith("x-amz-meta-") && !values.isEmpty()) {
				metadata.put(name.substring("x-amz-meta-".length()).toLowerCase(Locale.ROOT), values.get(0));
			}
		});
		return metadata;
	}

	private static byte[] md5(byte[] data) {
		try {
			return MessageDigest.getInstance("MD5").digest(data);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int parseInt(String text, int defaultValue, String name) {
		if (text == null) {
			return defaultValue;
		}
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			throw AwsException.badRequest("InvalidArgument", "Provided " + name + " not an integer or within integer range")
				.detail("ArgumentName", name).detail("ArgumentValue", text);
		}
	}

	private static String encode(String text, boolean url) {
		return url ? URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20") : text;
	}

	private static String stripQuotes(String etag) {
		return (etag == null) ? "" : etag.replace("\"", "");
	}

	private static String nonNull(String text) {
		return (text != null) ? text : "";
	}

	private static String firstNonNull(String first, String second) {
		return (first != null) ? first : second;
	}

	@Override
	public synchronized JsonNode saveState() {
		Path blobs = blobDirectory();
		Set<String> referenced = new HashSet<>();
		for (Bucket bucket : this.model.buckets.values()) {
			for (StoredObject object : bucket.objects.values()) {
				object.blob = HexFormat.of().formatHex(sha256(object.data));
				referenced.add(object.blob);
				Path file = blobs.resolve(object.blob);
				if (!Files.exists(file)) {
					try {
						OwnerOnlyFiles.write(file, object.data);
					}
					catch (IOException ex) {
						throw new UncheckedIOException("Cannot save S3 object " + object.key, ex);
					}
				}
			}
		}
		this.savedBlobs = referenced;
		return Json.tree(this.model);
	}

	/** Object files the saved state no longer refers to (deleted objects, buckets) are deleted. */
	@Override
	public void stateSaved() {
		Set<String> keep;
		synchronized (this) {
			keep = this.savedBlobs;
		}
		try (var files = Files.list(blobDirectory())) {
			for (Path file : files.toList()) {
				if (!keep.contains(file.getFileName().toString())) {
					Files.deleteIfExists(file);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot clean up the S3 object files", ex);
		}
	}

	@Override
	public synchronized void loadState(JsonNode state) {
		this.model = Json.mapper().treeToValue(state, S3Model.class);
		this.loadedFromState = true;
	}

	/** Objects of a loaded model get their bytes back from the blob files. */
	private void readBlobs() {
		Path blobs = blobDirectory();
		for (Bucket bucket : this.model.buckets.values()) {
			for (StoredObject object : bucket.objects.values()) {
				try {
					object.data = Files.readAllBytes(blobs.resolve(object.blob));
				}
				catch (IOException ex) {
					throw new UncheckedIOException("The saved S3 object " + bucket.name + "/" + object.key + " is missing", ex);
				}
			}
		}
	}

	private Path blobDirectory() {
		Path directory = this.context.stateDirectory().orElseThrow().resolve("s3-objects");
		try {
			OwnerOnlyFiles.directory(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return directory;
	}

	private static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
