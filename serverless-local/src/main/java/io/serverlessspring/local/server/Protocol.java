package io.serverlessspring.local.server;

import java.nio.charset.StandardCharsets;

import tools.jackson.databind.node.ObjectNode;

/**
 * The AWS wire protocols, each with its error shape (what the AWS SDKs parse to find the error code).
 */
public enum Protocol {

	/** awsJson1.0 / 1.1 (X-Amz-Target): DynamoDB, Logs, EventBridge, ACM, SQS. */
	JSON {
		@Override
		public AwsResponse error(AwsException error, String requestId) {
			ObjectNode body = Json.object();
			body.put("__type", error.code());
			body.put("message", error.getMessage());
			return AwsResponse.json(error.status(), body)
				.header("x-amzn-ErrorType", error.code())
				.header("x-amzn-RequestId", requestId);
		}
	},

	/** restJson1: Lambda, API Gateway, Scheduler. */
	REST_JSON {
		@Override
		public AwsResponse error(AwsException error, String requestId) {
			ObjectNode body = Json.object();
			body.put("Type", error.isSenderFault() ? "User" : "Service");
			body.put("message", error.getMessage());
			return AwsResponse.json(error.status(), body)
				.header("x-amzn-ErrorType", error.code())
				.header("x-amzn-RequestId", requestId);
		}
	},

	/** awsQuery (form-encoded Action=…, XML answers): IAM, STS, SNS, CloudWatch (older SDKs). */
	QUERY {
		@Override
		public AwsResponse error(AwsException error, String requestId) {
			Xml.Writer xml = Xml.writer("ErrorResponse", null);
			xml.start("Error")
				.element("Type", error.isSenderFault() ? "Sender" : "Receiver")
				.element("Code", error.code())
				.element("Message", error.getMessage())
				.end();
			xml.element("RequestId", requestId);
			return AwsResponse.xml(error.status(), xml.toString()).header("x-amzn-RequestId", requestId);
		}
	},

	/** ec2 (form-encoded like awsQuery, errors in {@code <Response><Errors>}): EC2. */
	EC2 {
		@Override
		public AwsResponse error(AwsException error, String requestId) {
			Xml.Writer xml = Xml.writer("Response", null);
			xml.start("Errors").start("Error").element("Code", error.code()).element("Message", error.getMessage()).end()
				.end();
			xml.element("RequestID", requestId);
			return AwsResponse.xml(error.status(), xml.toString()).header("x-amzn-RequestId", requestId);
		}
	},

	/** restXml: S3, Route 53. */
	REST_XML {
		@Override
		public AwsResponse error(AwsException error, String requestId) {
			Xml.Writer xml = Xml.writer("Error", null);
			xml.element("Code", error.code()).element("Message", error.getMessage());
			error.details().forEach(xml::element);
			xml.element("RequestId", requestId);
			return AwsResponse.xml(error.status(), xml.toString())
				.header("x-amz-request-id", requestId)
				.header("x-amzn-RequestId", requestId);
		}
	};

	/** The AWS error response for {@code error}, in this protocol's shape. */
	public abstract AwsResponse error(AwsException error, String requestId);

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
