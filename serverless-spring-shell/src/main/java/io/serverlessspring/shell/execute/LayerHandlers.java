package io.serverlessspring.shell.execute;

import java.util.List;

import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.shell.plan.Action;
import io.serverlessspring.shell.plan.LayerChanges;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LayerVersionsListItem;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/** The dependency layer's versions. */
final class LayerHandlers {

	private LayerHandlers() {
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
			for (String key : change.keys()) {
				try {
					ctx.clients().s3().deleteObject(b -> b.bucket(change.bucket()).key(key));
				}
				catch (NoSuchBucketException ex) {
					// the bucket went first: nothing left to delete
				}
			}
			return;
		}
		// A publish that an interrupted deploy (or another stage meanwhile) made is used, not repeated.
		for (LayerVersionsListItem item : lambda.listLayerVersionsPaginator(b -> b.layerName(change.layer())).layerVersions()) {
			if (change.description().equals(item.description())) {
				ctx.output(LayerChanges.LAYER_VERSION_ARN, item.layerVersionArn());
				return;
			}
		}
		// Through S3: a layer may exceed the 50 MB of a direct upload. The object stays (named by the
		// hash, it is the version's source) until the version is deleted.
		ctx.clients().s3().putObject(b -> b.bucket(change.bucket()).key(change.key()), ctx.upload(change.zip()));
		String arn = lambda.publishLayerVersion(b -> b.layerName(change.layer())
			.description(change.description())
			.content(c -> c.s3Bucket(change.bucket()).s3Key(change.key()))).layerVersionArn();
		ctx.output(LayerChanges.LAYER_VERSION_ARN, arn);
		ctx.progress("    published " + arn + " (" + ResourceNames.dependencyLayerHash(change.description()).substring(0, 12)
				+ ")");
	}

}
