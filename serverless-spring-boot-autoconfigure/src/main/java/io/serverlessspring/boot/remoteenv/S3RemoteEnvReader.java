package io.serverlessspring.boot.remoteenv;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Reads the remote env object with the SDK's S3 client on the URL-connection HTTP client, region,
 * credentials and endpoint from the SDK's own resolution (inside Lambda: {@code AWS_REGION}, the
 * runtime's credentials; {@code AWS_ENDPOINT_URL} for a local cloud). Only loaded when the setting
 * is present.
 */
class S3RemoteEnvReader {

	byte[] read(S3ObjectLocation object) {
		String where = RemoteEnvPostProcessor.PROPERTY + " = " + object;
		try (S3Client s3 = S3Client.builder()
			.httpClientBuilder(UrlConnectionHttpClient.builder())
			// A local cloud answers on one host: bucket in the path, not in the host name.
			.forcePathStyle(endpointOverridden())
			// The bucket may live in another region than the function.
			.crossRegionAccessEnabled(true)
			.build()) {
			return s3.getObjectAsBytes(GetObjectRequest.builder().bucket(object.bucket()).key(object.key()).build())
				.asByteArray();
		}
		catch (NoSuchKeyException | NoSuchBucketException ex) {
			throw new RemoteEnvException(where + ": no such object (" + ex.awsErrorDetails().errorCode() + ")", ex);
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 403) {
				throw new RemoteEnvException(where + ": access denied; the function's role needs s3:GetObject on "
						+ object.arn(), ex);
			}
			if (ex.statusCode() == 404) {
				throw new RemoteEnvException(where + ": no such object", ex);
			}
			throw new RemoteEnvException(where + " could not be read: " + ex.getMessage(), ex);
		}
		catch (SdkException ex) {
			throw new RemoteEnvException(where + " could not be read: " + ex.getMessage(), ex);
		}
	}

	private static boolean endpointOverridden() {
		// The SDK's own settings for an endpoint override (system property, then environment).
		for (String[] setting : new String[][] { { "aws.endpointUrlS3", "AWS_ENDPOINT_URL_S3" },
				{ "aws.endpointUrl", "AWS_ENDPOINT_URL" } }) {
			if (System.getProperty(setting[0]) != null || System.getenv(setting[1]) != null) {
				return true;
			}
		}
		return false;
	}

}
