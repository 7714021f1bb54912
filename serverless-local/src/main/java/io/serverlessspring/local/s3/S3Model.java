package io.serverlessspring.local.s3;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** S3's in-memory model: buckets with their objects, notification configuration and uploads. */
final class S3Model {

	/** A bucket; objects sorted by key, as listings return them. */
	public static final class Bucket {

		public String name;

		public String created;

		public String region;

		public TreeMap<String, StoredObject> objects = new TreeMap<>();

		/** The last PutBucketNotificationConfiguration body, returned as is by the getter. */
		public String notificationXml;

		public Map<String, String> tags = new LinkedHashMap<>();

	}

	/** An object: bytes and the metadata a GET returns. */
	public static final class StoredObject {

		public String key;

		/** Saved apart from the model, as {@code <state-dir>/s3-objects/<blob>}. */
		@JsonIgnore
		public byte[] data;

		/** The SHA-256 of {@link #data}, naming its file in the state directory. */
		public String blob;

		public String etag;

		public String lastModified;

		public String contentType;

		public Map<String, String> metadata = new LinkedHashMap<>();

	}

	/** A multipart upload in progress. */
	public static final class Upload {

		public String id;

		public String bucket;

		public String key;

		public String contentType;

		public Map<String, String> metadata = new LinkedHashMap<>();

		public TreeMap<Integer, byte[]> parts = new TreeMap<>();

		public TreeMap<Integer, String> partEtags = new TreeMap<>();

	}

	public TreeMap<String, Bucket> buckets = new TreeMap<>();

	public Map<String, Upload> uploads = new LinkedHashMap<>();

}
