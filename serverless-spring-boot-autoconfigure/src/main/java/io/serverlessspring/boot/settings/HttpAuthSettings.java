package io.serverlessspring.boot.settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code serverless.http.auth.*}: who may call the HTTP front, checked by API Gateway before the
 * function runs.
 */
public class HttpAuthSettings {

	/**
	 * How requests are authorised: {@code none}, {@code aws-iam} (SigV4-signed requests), {@code jwt}
	 * (HTTP API JWT authorizer), {@code cognito} (a Cognito user pool: JWT on an HTTP API, a Cognito
	 * authorizer on a REST API) or {@code lambda} (a Lambda authorizer).
	 */
	private Type type = Type.NONE;

	/** The JWT authorizer ({@code type: jwt}). */
	private final Jwt jwt = new Jwt();

	/** The Cognito user pool ({@code type: cognito}). */
	private final Cognito cognito = new Cognito();

	/** The Lambda authorizer ({@code type: lambda}). */
	private final LambdaAuthorizer lambda = new LambdaAuthorizer();

	public Type getType() {
		return this.type;
	}

	public void setType(Type type) {
		this.type = type;
	}

	public Jwt getJwt() {
		return this.jwt;
	}

	public Cognito getCognito() {
		return this.cognito;
	}

	public LambdaAuthorizer getLambda() {
		return this.lambda;
	}

	/** Authorization types. */
	public enum Type {

		NONE, AWS_IAM, JWT, COGNITO, LAMBDA

	}

	/** A JWT authorizer: tokens from an OpenID Connect issuer. */
	public static class Jwt {

		/** The token issuer URL, e.g. {@code https://login.example.com/}. */
		private String issuer;

		/** Accepted audiences ({@code aud} or {@code client_id}). */
		private List<String> audiences = new ArrayList<>();

		/** Where the token is read. */
		private String identitySource = "$request.header.Authorization";

		/** Scopes a token must have (any of them); empty: none required. */
		private List<String> scopes = new ArrayList<>();

		public String getIssuer() {
			return this.issuer;
		}

		public void setIssuer(String issuer) {
			this.issuer = issuer;
		}

		public List<String> getAudiences() {
			return this.audiences;
		}

		public void setAudiences(List<String> audiences) {
			this.audiences = audiences;
		}

		public String getIdentitySource() {
			return this.identitySource;
		}

		public void setIdentitySource(String identitySource) {
			this.identitySource = identitySource;
		}

		public List<String> getScopes() {
			return this.scopes;
		}

		public void setScopes(List<String> scopes) {
			this.scopes = scopes;
		}

	}

	/** A Cognito user pool. */
	public static class Cognito {

		/** The user pool ARN, e.g. {@code arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbCdEf}. */
		private String userPoolArn;

		/** App client ids whose tokens are accepted. */
		private List<String> appClientIds = new ArrayList<>();

		public String getUserPoolArn() {
			return this.userPoolArn;
		}

		public void setUserPoolArn(String userPoolArn) {
			this.userPoolArn = userPoolArn;
		}

		public List<String> getAppClientIds() {
			return this.appClientIds;
		}

		public void setAppClientIds(List<String> appClientIds) {
			this.appClientIds = appClientIds;
		}

	}

	/** A Lambda authorizer: this app's function (a bean) or another function. */
	public static class LambdaAuthorizer {

		/**
		 * A bean of this app that authorises requests: API Gateway invokes the stage's own live alias
		 * with the authorizer event. Exclusive with {@code function-arn}.
		 */
		private String bean;

		/** An existing authorizer function's ARN. Exclusive with {@code bean}. */
		private String functionArn;

		/** {@code token} (one header) or {@code request} (headers, query, context). */
		private AuthorizerType type = AuthorizerType.REQUEST;

		/** Where the identity is read, e.g. {@code $request.header.Authorization}. */
		private String identitySource = "$request.header.Authorization";

		/** How long API Gateway caches a decision; 0 disables caching. */
		private Duration resultTtl = Duration.ofMinutes(5);

		/**
		 * HTTP API (payload 2.0) only: answer with a simple response ({@code isAuthorized}) rather
		 * than an IAM policy, as the authorizer deploy creates expects.
		 */
		private boolean simpleResponses = true;

		public boolean isSimpleResponses() {
			return this.simpleResponses;
		}

		public void setSimpleResponses(boolean simpleResponses) {
			this.simpleResponses = simpleResponses;
		}

		public String getBean() {
			return this.bean;
		}

		public void setBean(String bean) {
			this.bean = bean;
		}

		public String getFunctionArn() {
			return this.functionArn;
		}

		public void setFunctionArn(String functionArn) {
			this.functionArn = functionArn;
		}

		public AuthorizerType getType() {
			return this.type;
		}

		public void setType(AuthorizerType type) {
			this.type = type;
		}

		public String getIdentitySource() {
			return this.identitySource;
		}

		public void setIdentitySource(String identitySource) {
			this.identitySource = identitySource;
		}

		public Duration getResultTtl() {
			return this.resultTtl;
		}

		public void setResultTtl(Duration resultTtl) {
			this.resultTtl = resultTtl;
		}

	}

	/** Lambda authorizer kinds. */
	public enum AuthorizerType {

		TOKEN, REQUEST

	}

}
