package io.serverlessspring.shell.invariants;

import io.serverlessspring.shell.ServerlessConsoleApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * A REST API with everything deploy applies to one (CORS, a Cognito authorizer, access log, private
 * endpoint, resource policy, throttling, API keys): an identical re-deploy plans nothing and makes no
 * write call, and undeploy leaves nothing.
 */
@SpringBootTest(classes = { ServerlessConsoleApplication.class, InvariantHooks.class },
		properties = "spring.shell.interactive.enabled=false")
class RestApiInvariantsAgainstLocalCloudTest extends AgainstLocalCloud {

	static final String GUARDED_REST_SETTINGS = SETTINGS + """
			  http:
			    type: rest-api
			    cors:
			      allowed-origins: [https://app.example.com]
			      allowed-headers: [Authorization]
			    auth:
			      type: cognito
			      cognito:
			        user-pool-arn: arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_Inv
			    access-log:
			      enabled: true
			    throttling:
			      rate-limit: 10
			      burst-limit: 20
			    rest:
			      endpoint-type: private
			      vpc-endpoint-ids: [vpce-0inv]
			      resource-policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*"}]}'
			      api-keys:
			        names: [inv-key]
			""";

	@Test
	void anIdenticalRedeployOfAGuardedRestApiPlansNothingAndMakesNoWriteCall() {
		identicalRedeployPlansNothingAndWritesNothing("rest", GUARDED_REST_SETTINGS);
	}

}
