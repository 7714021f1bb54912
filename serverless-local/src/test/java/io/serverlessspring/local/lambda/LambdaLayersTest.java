package io.serverlessspring.local.lambda;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.serverlessspring.local.SharedCloud;
import io.serverlessspring.local.fixtures.TestFunctions;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LayerVersionsListItem;
import software.amazon.awssdk.services.lambda.model.PublishLayerVersionResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Layers: published, listed, deleted as in Lambda, and their java/lib jars on the function's classpath. */
class LambdaLayersTest {

	private static final LambdaClient lambda = SharedCloud.client(LambdaClient.builder()
		.overrideConfiguration((o) -> o.apiCallTimeout(Duration.ofSeconds(60))));

	/** A function zip without the handler: it is only in the layer. */
	private static final byte[] NO_HANDLER = TestFunctions.zip(Map.of("README.txt", "code lives in the layer".getBytes()));

	@Test
	void runsAHandlerWhoseClassIsOnlyInALayersJavaLib() {
		PublishLayerVersionResponse layer = lambda.publishLayerVersion((p) -> p.layerName("echo-deps")
			.description("sha256:test").compatibleRuntimes(Runtime.JAVA17)
			.content((c) -> c.zipFile(SdkBytes.fromByteArray(TestFunctions.echoLayerZip()))));
		assertThat(layer.layerVersionArn()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:layer:echo-deps:" + layer.version());
		assertThat(layer.content().codeSize()).isEqualTo(TestFunctions.echoLayerZip().length);
		String role = TestFunctions.role(SharedCloud.client(IamClient.builder()));
		try {
			lambda.createFunction((c) -> c.functionName("layered").runtime(Runtime.JAVA17).handler(TestFunctions.HANDLER)
				.role(role).timeout(30).memorySize(256).layers(layer.layerVersionArn())
				.code((code) -> code.zipFile(SdkBytes.fromByteArray(NO_HANDLER))));
			lambda.waiter().waitUntilFunctionActiveV2((g) -> g.functionName("layered"));
			assertThat(lambda.getFunctionConfiguration((g) -> g.functionName("layered")).layers())
				.singleElement()
				.satisfies((l) -> assertThat(l.arn()).isEqualTo(layer.layerVersionArn()))
				.satisfies((l) -> assertThat(l.codeSize()).isEqualTo((long) TestFunctions.echoLayerZip().length));

			InvokeResponse response = lambda.invoke((i) -> i.functionName("layered").payload(SdkBytes.fromUtf8String("{}")));
			assertThat(response.functionError()).isNull();
			assertThat(response.payload().asUtf8String()).contains("\"function\":\"layered\"");

			lambda.updateFunctionConfiguration((u) -> u.functionName("layered").layers(java.util.List.of()));
			lambda.waiter().waitUntilFunctionUpdatedV2((g) -> g.functionName("layered"));
			InvokeResponse without = lambda.invoke((i) -> i.functionName("layered").payload(SdkBytes.fromUtf8String("{}")));
			assertThat(without.functionError()).as("without the layer the handler class is missing").isNotNull();
		}
		finally {
			lambda.deleteFunction((d) -> d.functionName("layered"));
			lambda.deleteLayerVersion((d) -> d.layerName("echo-deps").versionNumber(layer.version()));
		}
	}

	@Test
	void numbersVersionsListsNewestFirstAndNeverReusesANumberAfterADelete() {
		byte[] zip = TestFunctions.echoLayerZip();
		long first = lambda.publishLayerVersion((p) -> p.layerName("numbered").description("one")
			.content((c) -> c.zipFile(SdkBytes.fromByteArray(zip)))).version();
		long second = lambda.publishLayerVersion((p) -> p.layerName("numbered").description("two")
			.content((c) -> c.zipFile(SdkBytes.fromByteArray(zip)))).version();
		assertThat(second).isEqualTo(first + 1);
		assertThat(lambda.listLayerVersions((l) -> l.layerName("numbered")).layerVersions())
			.extracting(LayerVersionsListItem::description).containsExactly("two", "one");
		assertThat(lambda.getLayerVersion((g) -> g.layerName("numbered").versionNumber(first)).description()).isEqualTo("one");

		lambda.deleteLayerVersion((d) -> d.layerName("numbered").versionNumber(second));
		lambda.deleteLayerVersion((d) -> d.layerName("numbered").versionNumber(second));
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> lambda.getLayerVersion((g) -> g.layerName("numbered").versionNumber(second)));
		long third = lambda.publishLayerVersion((p) -> p.layerName("numbered").description("three")
			.content((c) -> c.zipFile(SdkBytes.fromByteArray(zip)))).version();
		assertThat(third).isEqualTo(second + 1);
		assertThat(lambda.listLayerVersions((l) -> l.layerName("numbered")).layerVersions())
			.extracting(LayerVersionsListItem::version).containsExactly(third, first);
		lambda.deleteLayerVersion((d) -> d.layerName("numbered").versionNumber(first));
		lambda.deleteLayerVersion((d) -> d.layerName("numbered").versionNumber(third));
		assertThat(lambda.listLayerVersions((l) -> l.layerName("numbered")).layerVersions()).isEmpty();
	}

	@Test
	void refusesAFunctionNamingALayerVersionThatDoesNotExist() {
		String role = TestFunctions.role(SharedCloud.client(IamClient.builder()));
		assertThatExceptionOfType(InvalidParameterValueException.class)
			.isThrownBy(() -> lambda.createFunction((c) -> c.functionName("missing-layer").runtime(Runtime.JAVA17)
				.handler(TestFunctions.HANDLER).role(role)
				.layers("arn:aws:lambda:us-east-1:000000000000:layer:nothing-here:7")
				.code((code) -> code.zipFile(SdkBytes.fromByteArray(NO_HANDLER)))))
			.withMessageContaining("arn:aws:lambda:us-east-1:000000000000:layer:nothing-here:7 does not exist");
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> lambda.getFunction((g) -> g.functionName("missing-layer")));
	}

	@Test
	void countsTheBytesEachServiceReceives() {
		long before = SharedCloud.cloud().dispatcher().bytesReceived("lambda");
		byte[] zip = TestFunctions.echoLayerZip();
		long version = lambda.publishLayerVersion((p) -> p.layerName("counted")
			.content((c) -> c.zipFile(SdkBytes.fromByteArray(zip)))).version();
		long received = SharedCloud.cloud().dispatcher().bytesReceived("lambda") - before;
		assertThat(received).as("the base64 zip in the request body").isGreaterThanOrEqualTo(zip.length * 4L / 3);
		lambda.deleteLayerVersion((d) -> d.layerName("counted").versionNumber(version));
	}

}
