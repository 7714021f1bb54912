package io.serverlessspring.shell.apply;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CreateBucketConfiguration;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;

/** The package bucket and the package in it. */
public final class CodeActions {

	private CodeActions() {
	}

	public static void createBucket(ApplyContext ctx) {
		String region = ctx.clients().region();
		CreateBucketRequest.Builder request = CreateBucketRequest.builder().bucket(ctx.desired().bucket());
		if (!"us-east-1".equals(region)) {
			request.createBucketConfiguration(CreateBucketConfiguration.builder().locationConstraint(region).build());
		}
		try {
			ctx.clients().s3().createBucket(request.build());
		}
		catch (BucketAlreadyOwnedByYouException ex) {
			// created by an earlier, interrupted deploy
		}
	}

	public static void upload(ApplyContext ctx) {
		ctx.clients()
			.s3()
			.putObject(b -> b.bucket(ctx.desired().bucket()).key(ctx.desired().code().key()),
					RequestBody.fromFile(ctx.desired().code().zip()));
	}

}
