package io.serverlessspring.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.serverlessspring.local.fixtures.TestFunctions;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The state directory is its owner's only (0700, files 0600) and keeps no package or object file that
 * nothing refers to any more.
 */
class StateDirectoryTest {

	@Test
	void isOwnerOnlyAndDeletesPackagesAndObjectsNothingRefersTo(@TempDir Path parent) throws Exception {
		Path state = parent.resolve("state");
		try (LocalCloud cloud = LocalCloud.start(0, state)) {
			assertThat(permissions(state)).isEqualTo("rwx------");
			LambdaClient lambda = SharedCloud.configure(LambdaClient.builder(), cloud.endpoint());
			S3Client s3 = SharedCloud.configure(S3Client.builder().forcePathStyle(true), cloud.endpoint());
			TestFunctions.deployEcho(lambda, SharedCloud.configure(IamClient.builder(), cloud.endpoint()), "gc-echo", 10);
			lambda.publishVersion((p) -> p.functionName("gc-echo"));
			lambda.invoke((i) -> i.functionName("gc-echo").payload(SdkBytes.fromUtf8String("{}")));
			s3.createBucket((b) -> b.bucket("gc-bucket"));
			s3.putObject((p) -> p.bucket("gc-bucket").key("one"), RequestBody.fromString("first object"));
			s3.putObject((p) -> p.bucket("gc-bucket").key("two"), RequestBody.fromString("second object"));

			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				assertThat(files(state.resolve("lambda/zips"))).as("the uploaded zip").isEqualTo(1);
				assertThat(files(state.resolve("lambda/packages"))).as("the unpacked package").isEqualTo(1);
				assertThat(files(state.resolve("s3-objects"))).as("the objects").isEqualTo(2);
			});
			try (Stream<Path> saved = Stream.of(state.resolve("LambdaService.json"), state.resolve("S3Service.json"))) {
				saved.forEach((file) -> assertThat(permissions(file)).as(file.toString()).isEqualTo("rw-------"));
			}
			try (Stream<Path> zips = Files.list(state.resolve("lambda/zips")); Stream<Path> objects = Files.list(state.resolve("s3-objects"))) {
				Stream.concat(zips, objects).forEach((file) -> assertThat(permissions(file)).as(file.toString()).isEqualTo("rw-------"));
			}

			lambda.deleteFunction((d) -> d.functionName("gc-echo"));
			s3.deleteObject((d) -> d.bucket("gc-bucket").key("one"));
			s3.deleteObject((d) -> d.bucket("gc-bucket").key("two"));
			s3.deleteBucket((d) -> d.bucket("gc-bucket"));
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				assertThat(files(state.resolve("lambda/zips"))).as("zips after the function is gone").isZero();
				assertThat(files(state.resolve("lambda/packages"))).as("packages after the function is gone").isZero();
				assertThat(files(state.resolve("s3-objects"))).as("object files after the objects are gone").isZero();
			});
		}
	}

	private static long files(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			return 0;
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.count();
		}
	}

	private static String permissions(Path path) {
		try {
			return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
