package io.serverlessspring.local.sts;

import io.serverlessspring.local.server.AwsException;
import io.serverlessspring.local.server.AwsRequest;
import io.serverlessspring.local.server.AwsResponse;
import io.serverlessspring.local.server.AwsService;
import io.serverlessspring.local.server.LocalContext;
import io.serverlessspring.local.server.Protocol;
import io.serverlessspring.local.server.Xml;

/** STS (awsQuery): who the caller is. Every caller is the account's root user. */
public final class StsService implements AwsService {

	private static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

	private LocalContext context;

	@Override
	public String signingName() {
		return "sts";
	}

	@Override
	public Protocol protocol() {
		return Protocol.QUERY;
	}

	@Override
	public void start(LocalContext context) {
		this.context = context;
	}

	@Override
	public AwsResponse handle(AwsRequest request) {
		String action = request.action();
		if ("GetCallerIdentity".equals(action)) {
			Xml.Writer xml = Xml.queryResponse(action, NAMESPACE, request.requestId());
			xml.element("Arn", "arn:aws:iam::" + this.context.accountId() + ":root")
				.element("UserId", this.context.accountId())
				.element("Account", this.context.accountId());
			return AwsResponse.xml(200, xml.toString());
		}
		throw AwsException.badRequest("InvalidAction", "Could not find operation " + action + " for version 2011-06-15");
	}

}
