package io.serverlessspring.shell.plan;

import java.util.Map;

/**
 * A value a change needs: known when planned, or produced by an earlier change of the same plan
 * (the id of an API it creates, the version it publishes) and resolved by the executor from that
 * change's outputs, as Chalice's deployer does with its variables.
 */
public sealed interface Value permits Value.Known, Value.Ref {

	/** The id of the HTTP API (output of its create). */
	String HTTP_API_ID = "httpApiId";

	/** The id of the REST API. */
	String REST_API_ID = "restApiId";

	/** The version number just published. */
	String VERSION = "version";

	/** The URL of the front. */
	String URL = "url";

	/** The id of the stage's usage plan. */
	String USAGE_PLAN_ID = "usagePlanId";

	/** The id of the HTTP API's authorizer. */
	String AUTHORIZER_ID = "authorizerId";

	static Value known(String value) {
		return new Known(value);
	}

	static Value ref(String output) {
		return new Ref(output, "", "");
	}

	/** {@code prefix + output + suffix}, e.g. an execute-api ARN around an API id. */
	static Value ref(String prefix, String output, String suffix) {
		return new Ref(output, prefix, suffix);
	}

	/** The value now, given the outputs of the changes applied before. */
	String resolve(Map<String, String> outputs);

	/** A value known when planned. */
	record Known(String value) implements Value {

		@Override
		public String resolve(Map<String, String> outputs) {
			return this.value;
		}

		@Override
		public String toString() {
			return String.valueOf(this.value);
		}

	}

	/** The output {@code output} of an earlier change, between {@code prefix} and {@code suffix}. */
	record Ref(String output, String prefix, String suffix) implements Value {

		@Override
		public String resolve(Map<String, String> outputs) {
			String value = outputs.get(this.output);
			if (value == null) {
				throw new IllegalStateException("No earlier change of this plan produced '" + this.output + "'");
			}
			return this.prefix + value + this.suffix;
		}

		@Override
		public String toString() {
			return this.prefix + "ref(" + this.output + ")" + this.suffix;
		}

	}

}
