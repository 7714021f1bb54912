package io.serverlessspring.shell.execute;

import java.util.List;

import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.shell.plan.Action;
import io.serverlessspring.shell.plan.LayerChanges;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LayerVersionsListItem;

/** The dependency layer's versions. */
final class LayerHandlers {

	/** What Lambda accepts as a zip in the request itself. */
	private static final long DIRECT_UPLOAD_LIMIT = 50L * 1024 * 1024;

	private LayerHandlers() {
	}

	private static byte[] read(java.nio.file.Path zip) {
		try {
			return java.nio.file.Files.readAllBytes(zip);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException("Cannot read the dependency layer " + zip, ex);
		}
	}

	static void register(Executor.Registry registry) {
		registry.on(LayerChanges.LayerVersion.class, LayerHandlers::layerVersion);
	}

	/** A function's layers with the version this plan published in place of {@link LayerChanges#PUBLISHED}. */
	static List<String> resolve(ExecutionContext ctx, List<String> layers) {
		String published = LayerChanges.PUBLISHED.toString();
		return layers.stream().map(arn -> published.equals(arn) ? ctx.resolve(LayerChanges.PUBLISHED) : arn).toList();
	}

	private static void layerVersion(LayerChanges.LayerVersion change, ExecutionContext ctx) {
		LambdaClient lambda = ctx.clients().lambda();
		if (change.action() == Action.DELETE) {
			// Succeeds when the version is gone already; functions using it keep its content.
			change.versions().forEach(v -> lambda.deleteLayerVersion(b -> b.layerName(change.layer()).versionNumber(v)));
			return;
		}
		// A publish that an interrupted deploy (or another stage meanwhile) made is used, not repeated.
		for (LayerVersionsListItem item : lambda.listLayerVersionsPaginator(b -> b.layerName(change.layer())).layerVersions()) {
			if (change.description().equals(item.description())) {
				ctx.output(LayerChanges.LAYER_VERSION_ARN, item.layerVersionArn());
				return;
			}
		}
		String arn;
		long size = change.zip().toFile().length();
		if (size <= DIRECT_UPLOAD_LIMIT) {
			// In the request, as Lambda takes up to 50 MB: no object left behind if the run stops here.
			arn = lambda.publishLayerVersion(b -> b.layerName(change.layer())
				.description(change.description())
				.content(c -> c.zipFile(SdkBytes.fromByteArray(read(change.zip()))))).layerVersionArn();
		}
		else {
			// Larger: through S3, where the object is only needed while publishing.
			ctx.clients().s3().putObject(b -> b.bucket(change.bucket()).key(change.key()), RequestBody.fromFile(change.zip()));
			arn = lambda.publishLayerVersion(b -> b.layerName(change.layer())
				.description(change.description())
				.content(c -> c.s3Bucket(change.bucket()).s3Key(change.key()))).layerVersionArn();
			ctx.clients().s3().deleteObject(b -> b.bucket(change.bucket()).key(change.key()));
		}
		ctx.output(LayerChanges.LAYER_VERSION_ARN, arn);
		ctx.progress("    published " + arn + " (" + ResourceNames.dependencyLayerHash(change.description()).substring(0, 12)
				+ ")");
	}

}
