package io.serverlessspring.local.s3;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.serverlessspring.local.SharedCloud;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class S3ServiceTest {

	private final S3Client s3 = SharedCloud.client(S3Client.builder().forcePathStyle(true));

	@Test
	void storesListsReadsAndDeletesObjects() {
		this.s3.createBucket((b) -> b.bucket("s3-objects"));
		this.s3.putObject((p) -> p.bucket("s3-objects").key("app/one.txt").contentType("text/plain")
			.metadata(java.util.Map.of("owner", "me")), RequestBody.fromString("one"));
		this.s3.putObject((p) -> p.bucket("s3-objects").key("app/sub/two.txt"), RequestBody.fromString("two"));
		this.s3.putObject((p) -> p.bucket("s3-objects").key("top.txt"), RequestBody.fromString("top"));

		var listing = this.s3.listObjectsV2((l) -> l.bucket("s3-objects").prefix("app/").delimiter("/"));
		assertThat(listing.contents()).extracting(S3Object::key).containsExactly("app/one.txt");
		assertThat(listing.commonPrefixes()).singleElement().satisfies((p) -> assertThat(p.prefix()).isEqualTo("app/sub/"));

		var object = this.s3.getObjectAsBytes((g) -> g.bucket("s3-objects").key("app/one.txt"));
		assertThat(object.asUtf8String()).isEqualTo("one");
		assertThat(object.response().contentType()).isEqualTo("text/plain");
		assertThat(object.response().metadata()).containsEntry("owner", "me");
		assertThat(this.s3.headObject((h) -> h.bucket("s3-objects").key("top.txt")).contentLength()).isEqualTo(3);

		this.s3.copyObject((c) -> c.sourceBucket("s3-objects").sourceKey("top.txt").destinationBucket("s3-objects")
			.destinationKey("copy.txt"));
		assertThat(this.s3.getObjectAsBytes((g) -> g.bucket("s3-objects").key("copy.txt")).asUtf8String()).isEqualTo("top");

		assertThatThrownBy(() -> this.s3.deleteBucket((d) -> d.bucket("s3-objects")))
			.isInstanceOfSatisfying(S3Exception.class, (ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty"));
		for (String key : List.of("app/one.txt", "app/sub/two.txt", "top.txt", "copy.txt")) {
			this.s3.deleteObject((d) -> d.bucket("s3-objects").key(key));
		}
		assertThatThrownBy(() -> this.s3.getObjectAsBytes((g) -> g.bucket("s3-objects").key("top.txt")))
			.isInstanceOf(NoSuchKeyException.class);
		this.s3.deleteBucket((d) -> d.bucket("s3-objects"));
		assertThatThrownBy(() -> this.s3.listObjectsV2((l) -> l.bucket("s3-objects")))
			.isInstanceOf(NoSuchBucketException.class);
	}

	@Test
	void assemblesAMultipartUpload() {
		this.s3.createBucket((b) -> b.bucket("s3-multipart"));
		String uploadId = this.s3.createMultipartUpload((c) -> c.bucket("s3-multipart").key("big.bin")).uploadId();
		byte[] first = new byte[5 * 1024 * 1024];
		java.util.Arrays.fill(first, (byte) 'a');
		List<CompletedPart> parts = new ArrayList<>();
		String etag1 = this.s3.uploadPart((u) -> u.bucket("s3-multipart").key("big.bin").uploadId(uploadId).partNumber(1),
				RequestBody.fromBytes(first)).eTag();
		String etag2 = this.s3.uploadPart((u) -> u.bucket("s3-multipart").key("big.bin").uploadId(uploadId).partNumber(2),
				RequestBody.fromString("tail")).eTag();
		parts.add(CompletedPart.builder().partNumber(1).eTag(etag1).build());
		parts.add(CompletedPart.builder().partNumber(2).eTag(etag2).build());
		var completed = this.s3.completeMultipartUpload((c) -> c.bucket("s3-multipart").key("big.bin").uploadId(uploadId)
			.multipartUpload((m) -> m.parts(parts)));
		assertThat(completed.eTag()).endsWith("-2\"");

		byte[] stored = this.s3.getObjectAsBytes((g) -> g.bucket("s3-multipart").key("big.bin")).asByteArray();
		assertThat(stored).hasSize(first.length + 4);
		assertThat(new String(stored, stored.length - 4, 4, StandardCharsets.UTF_8)).isEqualTo("tail");
	}

	@Test
	void refusesABucketItAlreadyOwns() {
		this.s3.createBucket((b) -> b.bucket("s3-twice"));
		assertThatThrownBy(() -> this.s3.createBucket((b) -> b.bucket("s3-twice")))
			.isInstanceOf(BucketAlreadyOwnedByYouException.class);
	}

	@Test
	void rejectsAnInvalidBucketNameNamingIt() throws Exception {
		// the SDK refuses such names itself, so send the request by hand, signed as the CLI would (the signature unchecked)
		var response = java.net.http.HttpClient.newHttpClient().send(
				java.net.http.HttpRequest.newBuilder(SharedCloud.endpoint().resolve("/Bad_Name"))
					.header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/s3/aws4_request, "
							+ "SignedHeaders=host, Signature=0")
					.PUT(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
				java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("<Code>InvalidBucketName</Code>").contains("<BucketName>Bad_Name</BucketName>");
	}

}
