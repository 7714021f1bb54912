package io.serverlessspring.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests no SDK would send (wrong JSON types, bad base64, broken XML or CBOR) are the caller's
 * fault: a 4xx with the service's error code, never a 500.
 */
class DataServicesMalformedRequestsTest {

	private static final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void resources() throws Exception {
		send("dynamodb", "DynamoDB_20120810.CreateTable", "/", "{\"TableName\":\"malformed\",\"BillingMode\":\"PAY_PER_REQUEST\","
				+ "\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
				+ "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}]}");
		send("sqs", "AmazonSQS.CreateQueue", "/", "{\"QueueName\":\"malformed\"}");
	}

	@ParameterizedTest(name = "{0} {1}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			dynamodb | DynamoDB_20120810.PutItem   | {"TableName":"malformed","Item":{"id":{"S":1}}}                     | 400 | SerializationException
			dynamodb | DynamoDB_20120810.PutItem   | {"TableName":"malformed","Item":{"id":{"S":"a"},"l":{"L":"x"}}}     | 400 | SerializationException
			dynamodb | DynamoDB_20120810.PutItem   | {"TableName":"malformed","Item":{"id":{"N":"abc"}}}                 | 400 | ValidationException
			dynamodb | DynamoDB_20120810.Query     | {"TableName":"malformed","KeyConditionExpression":"id BETWEEN :x","ExpressionAttributeValues":{":x":{"S":"a"}}} | 400 | ValidationException
			dynamodb | DynamoDB_20120810.PutItem   | not json                                                            | 400 | SerializationException
			sqs      | AmazonSQS.SendMessage       | {"QueueUrl":"/000000000000/malformed","MessageBody":"x","MessageAttributes":{"a":{"DataType":"Binary","BinaryValue":"!!!"}}} | 400 | InvalidParameterValue
			sqs      | AmazonSQS.SendMessage       | {"QueueUrl":"/000000000000/malformed","MessageBody":"x","MessageAttributes":{"a":{"DataType":"Number","StringValue":"ten"}}} | 400 | InvalidParameterValue
			sqs      | AmazonSQS.CreateQueue       | {"QueueName":"malformed-2","Attributes":{"RedrivePolicy":"{\\"maxReceiveCount\\":\\"x\\"}"}} | 400 | InvalidAttributeValue
			acm      | CertificateManager.DescribeCertificate | {"CertificateArn":"bogus"}                                 | 400 | InvalidArnException
			monitoring | GraniteServiceVersion20100801.GetMetricData | {"StartTime":"x","EndTime":1,"MetricDataQueries":[]} | 400 | InvalidParameterValue
			ssm      | AmazonSSM.PutParameter      | {"Name":{"a":1},"Value":"v","Type":"String"}                        | 400 | SerializationException
			ssm      | AmazonSSM.PutParameter      | {"Name":"/malformed/a","Value":["v"],"Type":"String"}               | 400 | SerializationException
			ssm      | AmazonSSM.PutParameter      | {"Name":"/malformed/a","Value":"v","Type":"String","Tags":[{"Key":["k"]}]} | 400 | SerializationException
			ssm      | AmazonSSM.GetParameters     | {"Names":"/malformed/a"}                                            | 400 | SerializationException
			ssm      | AmazonSSM.GetParametersByPath | {"Path":"/malformed","MaxResults":"ten"}                          | 400 | ValidationException
			ssm      | AmazonSSM.GetParametersByPath | {"Path":"/malformed","NextToken":"garbage!"}                      | 400 | InvalidNextToken
			ssm      | AmazonSSM.DescribeParameters | {"ParameterFilters":[{"Key":"Name","Values":[{"a":1}]}]}           | 400 | SerializationException
			ssm      | AmazonSSM.PutParameter      | not json                                                            | 400 | SerializationException
			secretsmanager | secretsmanager.CreateSecret | {"Name":"malformed","SecretString":{"a":1}}                   | 400 | SerializationException
			secretsmanager | secretsmanager.GetSecretValue | {"SecretId":["malformed"]}                                  | 400 | SerializationException
			secretsmanager | secretsmanager.ListSecrets | {"Filters":[{"Key":"name","Values":"x"}]}                      | 400 | SerializationException
			secretsmanager | secretsmanager.ListSecrets | {"NextToken":"garbage!"}                                       | 400 | InvalidNextTokenException
			secretsmanager | secretsmanager.DeleteSecret | {"SecretId":"malformed","RecoveryWindowInDays":"seven"}       | 400 | ValidationException
			""")
	void jsonServicesAnswerTheCallersFault(String service, String target, String body, int status, String code) throws Exception {
		HttpResponse<String> response = send(service, target, "/", body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.body()).contains("\"" + code + "\"");
	}

	@ParameterizedTest(name = "{0} {1} {2}")
	@CsvSource(delimiter = '|', textBlock = """
			route53    | POST | /2013-04-01/hostedzone | <not xml                                     | 400 | MalformedXML
			route53    | GET  | /2013-04-01/hostedzone/ZNOPE/rrset?maxitems=abc | -                   | 404 | NoSuchHostedZone
			apigateway | POST | /restapis             | not json                                      | 400 | SerializationException
			monitoring | POST | /service/GraniteServiceVersion20100801/operation/GetMetricData | garbage | 400 | SerializationException
			sns        | POST | /                      | Action=Publish&TopicArn=arn:aws:sns:us-east-1:000000000000:t | 404 | NotFound
			""")
	void otherProtocolsAnswerTheCallersFault(String service, String method, String path, String body, int status, String code)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SharedCloud.endpoint() + path))
			.header("Authorization", authorization(service));
		if ("-".equals(body)) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.ofString(body));
			request.header("Content-Type", "sns".equals(service) ? "application/x-www-form-urlencoded"
					: "monitoring".equals(service) ? "application/cbor" : "application/json");
		}
		HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(status);
		// rest-json names the code in x-amzn-ErrorType, the others in the body
		assertThat(response.headers().firstValue("x-amzn-ErrorType").orElse("")
				+ new String(response.body(), java.nio.charset.StandardCharsets.ISO_8859_1)).contains(code);
	}

	private static HttpResponse<String> send(String service, String target, String path, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(SharedCloud.endpoint() + path))
			.header("Authorization", authorization(service)).header("X-Amz-Target", target)
			.header("Content-Type", "application/x-amz-json-1.0")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String authorization(String service) {
		return "AWS4-HMAC-SHA256 Credential=test/20261125/us-east-1/" + service
				+ "/aws4_request, SignedHeaders=host, Signature=0";
	}

}
