package io.serverlessspring.boot.http;

import com.amazonaws.serverless.proxy.model.HttpApiV2AuthorizerMap;
import com.amazonaws.serverless.proxy.model.HttpApiV2HttpContext;
import com.amazonaws.serverless.proxy.model.HttpApiV2ProxyRequest;
import com.amazonaws.serverless.proxy.model.HttpApiV2ProxyRequestContext;
import tools.jackson.databind.JsonNode;

import static io.serverlessspring.boot.http.EventTreeFields.albContext;
import static io.serverlessspring.boot.http.EventTreeFields.bound;
import static io.serverlessspring.boot.http.EventTreeFields.flag;
import static io.serverlessspring.boot.http.EventTreeFields.number;
import static io.serverlessspring.boot.http.EventTreeFields.object;
import static io.serverlessspring.boot.http.EventTreeFields.stringList;
import static io.serverlessspring.boot.http.EventTreeFields.stringMap;
import static io.serverlessspring.boot.http.EventTreeFields.text;

/**
 * Sets upstream's {@link HttpApiV2ProxyRequest} (HTTP API payload 2.0, function URLs) from the
 * router's JSON tree field by field, with what Jackson's binding would have made (same values, same
 * map types, unknown fields ignored). The authorizer, which has its own deserializer, still goes
 * through Jackson.
 */
final class HttpApiV2RequestMapper {

	private static final String CONTEXT = "requestContext";

	private static final String HTTP = "requestContext.http";

	private HttpApiV2RequestMapper() {
	}

	/**
	 * The request the event describes.
	 * @throws HttpEventShape.WrongTypeException naming the first field Jackson could not have bound
	 */
	static HttpApiV2ProxyRequest map(JsonNode event) {
		HttpApiV2ProxyRequest request = new HttpApiV2ProxyRequest();
		request.setVersion(text(event, "version", null));
		request.setRouteKey(text(event, "routeKey", null));
		request.setRawPath(text(event, "rawPath", null));
		request.setRawQueryString(text(event, "rawQueryString", null));
		request.setCookies(stringList(event, "cookies"));
		request.setHeaders(stringMap(event, "headers"));
		request.setQueryStringParameters(stringMap(event, "queryStringParameters"));
		request.setPathParameters(stringMap(event, "pathParameters"));
		request.setStageVariables(stringMap(event, "stageVariables"));
		request.setBody(text(event, "body", null));
		request.setBase64Encoded(flag(event, "isBase64Encoded"));
		JsonNode context = object(event, CONTEXT, null);
		if (context != null) {
			request.setRequestContext(requestContext(context));
		}
		return request;
	}

	private static HttpApiV2ProxyRequestContext requestContext(JsonNode node) {
		HttpApiV2ProxyRequestContext context = new HttpApiV2ProxyRequestContext();
		context.setAccountId(text(node, "accountId", CONTEXT));
		context.setApiId(text(node, "apiId", CONTEXT));
		context.setDomainName(text(node, "domainName", CONTEXT));
		context.setDomainPrefix(text(node, "domainPrefix", CONTEXT));
		context.setRequestId(text(node, "requestId", CONTEXT));
		context.setRouteKey(text(node, "routeKey", CONTEXT));
		context.setStage(text(node, "stage", CONTEXT));
		context.setTime(text(node, "time", CONTEXT));
		context.setTimeEpoch(number(node, "timeEpoch", CONTEXT));
		JsonNode http = object(node, "http", CONTEXT);
		if (http != null) {
			HttpApiV2HttpContext httpContext = new HttpApiV2HttpContext();
			httpContext.setMethod(text(http, "method", HTTP));
			httpContext.setPath(text(http, "path", HTTP));
			httpContext.setProtocol(text(http, "protocol", HTTP));
			httpContext.setSourceIp(text(http, "sourceIp", HTTP));
			httpContext.setUserAgent(text(http, "userAgent", HTTP));
			context.setHttp(httpContext);
		}
		context.setAuthorizer(bound(node, "authorizer", CONTEXT, HttpApiV2AuthorizerMap.class));
		context.setElb(albContext(node, CONTEXT));
		return context;
	}

}
