package io.serverlessspring.boot.http;

import com.amazonaws.serverless.proxy.model.ApiGatewayAuthorizerContext;
import com.amazonaws.serverless.proxy.model.ApiGatewayRequestIdentity;
import com.amazonaws.serverless.proxy.model.AwsProxyRequest;
import com.amazonaws.serverless.proxy.model.AwsProxyRequestContext;
import com.amazonaws.serverless.proxy.model.Headers;
import com.amazonaws.serverless.proxy.model.MultiValuedTreeMap;
import com.amazonaws.serverless.proxy.model.SingleValueHeaders;
import tools.jackson.databind.JsonNode;

import static io.serverlessspring.boot.http.EventTreeFields.albContext;
import static io.serverlessspring.boot.http.EventTreeFields.bound;
import static io.serverlessspring.boot.http.EventTreeFields.flag;
import static io.serverlessspring.boot.http.EventTreeFields.number;
import static io.serverlessspring.boot.http.EventTreeFields.object;
import static io.serverlessspring.boot.http.EventTreeFields.stringListMap;
import static io.serverlessspring.boot.http.EventTreeFields.stringMap;
import static io.serverlessspring.boot.http.EventTreeFields.text;

/**
 * Sets upstream's {@link AwsProxyRequest} (API Gateway REST API payload 1.0, ALB) from the
 * router's JSON tree field by field, with what Jackson's binding would have made: the same values
 * in the same map types (case-insensitive {@link Headers} and {@link SingleValueHeaders}), unknown
 * fields ignored. The authorizer context, which has its own any-setter and claims type, still goes
 * through Jackson.
 */
final class AwsProxyRequestMapper {

	private static final String CONTEXT = "requestContext";

	private static final String IDENTITY = "requestContext.identity";

	private AwsProxyRequestMapper() {
	}

	/**
	 * The request the event describes.
	 * @throws HttpEventShape.WrongTypeException naming the first field Jackson could not have bound
	 */
	static AwsProxyRequest map(JsonNode event) {
		AwsProxyRequest request = new AwsProxyRequest();
		request.setVersion(text(event, "version", null));
		request.setResource(text(event, "resource", null));
		request.setHttpMethod(text(event, "httpMethod", null));
		request.setPath(text(event, "path", null));
		request.setHeaders(stringMap(event, "headers", SingleValueHeaders::new));
		request.setQueryStringParameters(stringMap(event, "queryStringParameters"));
		// The model starts these four with empty maps: an absent field keeps them, as Jackson does.
		if (event.has("multiValueHeaders")) {
			request.setMultiValueHeaders(stringListMap(event, "multiValueHeaders", Headers::new));
		}
		if (event.has("multiValueQueryStringParameters")) {
			request.setMultiValueQueryStringParameters(
					stringListMap(event, "multiValueQueryStringParameters", MultiValuedTreeMap<String, String>::new));
		}
		if (event.has("pathParameters")) {
			request.setPathParameters(stringMap(event, "pathParameters"));
		}
		if (event.has("stageVariables")) {
			request.setStageVariables(stringMap(event, "stageVariables"));
		}
		request.setBody(text(event, "body", null));
		request.setIsBase64Encoded(flag(event, "isBase64Encoded"));
		JsonNode context = object(event, CONTEXT, null);
		if (context != null) {
			request.setRequestContext(requestContext(context));
		}
		return request;
	}

	private static AwsProxyRequestContext requestContext(JsonNode node) {
		AwsProxyRequestContext context = new AwsProxyRequestContext();
		context.setResourceId(text(node, "resourceId", CONTEXT));
		context.setApiId(text(node, "apiId", CONTEXT));
		context.setResourcePath(text(node, "resourcePath", CONTEXT));
		context.setHttpMethod(text(node, "httpMethod", CONTEXT));
		context.setRequestId(text(node, "requestId", CONTEXT));
		context.setExtendedRequestId(text(node, "extendedRequestId", CONTEXT));
		context.setAccountId(text(node, "accountId", CONTEXT));
		context.setStage(text(node, "stage", CONTEXT));
		context.setPath(text(node, "path", CONTEXT));
		context.setProtocol(text(node, "protocol", CONTEXT));
		context.setRequestTime(text(node, "requestTime", CONTEXT));
		context.setRequestTimeEpoch(number(node, "requestTimeEpoch", CONTEXT));
		JsonNode identity = object(node, "identity", CONTEXT);
		if (identity != null) {
			context.setIdentity(identity(identity));
		}
		context.setAuthorizer(bound(node, "authorizer", CONTEXT, ApiGatewayAuthorizerContext.class));
		context.setElb(albContext(node, CONTEXT));
		return context;
	}

	private static ApiGatewayRequestIdentity identity(JsonNode node) {
		ApiGatewayRequestIdentity identity = new ApiGatewayRequestIdentity();
		identity.setApiKey(text(node, "apiKey", IDENTITY));
		identity.setApiKeyId(text(node, "apiKeyId", IDENTITY));
		identity.setUserArn(text(node, "userArn", IDENTITY));
		identity.setCognitoAuthenticationType(text(node, "cognitoAuthenticationType", IDENTITY));
		identity.setCaller(text(node, "caller", IDENTITY));
		identity.setUserAgent(text(node, "userAgent", IDENTITY));
		identity.setUser(text(node, "user", IDENTITY));
		identity.setCognitoIdentityPoolId(text(node, "cognitoIdentityPoolId", IDENTITY));
		identity.setCognitoIdentityId(text(node, "cognitoIdentityId", IDENTITY));
		identity.setCognitoAuthenticationProvider(text(node, "cognitoAuthenticationProvider", IDENTITY));
		identity.setSourceIp(text(node, "sourceIp", IDENTITY));
		identity.setAccountId(text(node, "accountId", IDENTITY));
		identity.setAccessKey(text(node, "accessKey", IDENTITY));
		return identity;
	}

}
