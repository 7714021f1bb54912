package io.serverlessspring.shell.plan;

import java.util.List;
import java.util.Map;

/** Changes to the HTTP fronts (HTTP API, REST API, function URL), permissions and custom domains. */
public final class HttpChanges {

	private HttpChanges() {
	}

	/**
	 * The HTTP API (API Gateway v2) with its integration to the live alias, {@code $default} route
	 * and auto-deployed {@code $default} stage, made with the stage's throttling ({@code stage}; {@code null}:
	 * none) and access log; outputs {@link Value#HTTP_API_ID} and {@link Value#URL}.
	 */
	public record HttpApi(Action action, String name, String id, String aliasArn, String function,
			Map<String, String> tags, StageSettings stage, String detail, List<FieldChange> fields)
			implements ResourceChange {

		@Override
		public String kind() {
			return "HTTP API";
		}

		@Override
		public String resource() {
			return (this.id != null) ? this.name + " (" + this.id + ")" : this.name;
		}

	}

	/** A new stage's throttling (0: account limits) and access log ({@code accessLogArn} {@code null}: none). */
	public record StageSettings(double rateLimit, int burstLimit, String accessLogArn, String accessLogFormat) {
	}

	/**
	 * The REST API (API Gateway v1): {@code /} and {@code /{proxy+}} with ANY methods proxied to the
	 * live alias ({@code methodAuthorization}, {@code apiKeyRequired} set when the methods are made),
	 * deployed to the stage; outputs {@link Value#REST_API_ID} and {@link Value#URL}.
	 */
	public record RestApi(Action action, String name, String id, String aliasArn, String region, String stage,
			String methodAuthorization, boolean apiKeyRequired, Map<String, String> tags, String detail,
			List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "REST API";
		}

		@Override
		public String resource() {
			return (this.id != null) ? this.name + " (" + this.id + ")" : this.name;
		}

	}

	/** The live alias's function URL; outputs {@link Value#URL}. */
	public record FunctionUrl(Action action, String function, String qualifier, String url, String authType,
			String detail, List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "function URL";
		}

		@Override
		public String resource() {
			return (this.url != null) ? this.url : this.function + ":" + this.qualifier;
		}

	}

	/**
	 * A statement of a resource policy letting a service invoke the function ({@code qualifier} the
	 * alias) or another function ({@code qualifier} {@code null}); a replace removes it first.
	 */
	public record Permission(Action action, String function, String qualifier, String statementId, String principal,
			String lambdaAction, Value sourceArn, String sourceAccount, String functionUrlAuthType, String detail,
			List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "permission";
		}

		@Override
		public String resource() {
			return this.statementId;
		}

		@Override
		public String verb() {
			return (this.action == Action.REPLACE) ? "update" : ResourceChange.super.verb();
		}

	}

	/** A custom domain's base path mapping to the stage's API. */
	public record DomainMapping(Action action, String domain, String basePath, String apiId, String apiStage,
			boolean httpApi, String mappingId, String detail, List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "domain mapping";
		}

		@Override
		public String resource() {
			return this.domain + "/" + (this.basePath == null || this.basePath.isEmpty() ? "" : this.basePath);
		}

	}

}
