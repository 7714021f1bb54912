package io.serverlessspring.local.lambda;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.server.Json;

/**
 * An alias: a name that points to a version, optionally routing a share of traffic to another
 * ({@code RoutingConfig}, kept as given). Its JSON is Lambda's {@code AliasConfiguration}.
 *
 * @param aliasArn the function's ARN qualified by the alias name
 * @param name the alias name
 * @param functionVersion the version it points to
 * @param description free text, empty when not given
 * @param revisionId changes on every update (optimistic locking)
 * @param routingConfig {@code AdditionalVersionWeights}, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FunctionAlias(@JsonProperty("AliasArn") String aliasArn, @JsonProperty("Name") String name,
		@JsonProperty("FunctionVersion") String functionVersion, @JsonProperty("Description") String description,
		@JsonProperty("RevisionId") String revisionId, @JsonProperty("RoutingConfig") JsonNode routingConfig) {

	/** A new alias, with its first revision. */
	static FunctionAlias create(String aliasArn, String name, String functionVersion, String description,
			JsonNode routingConfig) {
		return new FunctionAlias(aliasArn, name, functionVersion, description, UUID.randomUUID().toString(), routingConfig);
	}

	/** This alias with the members UpdateAlias gave (null: unchanged), as a new revision. */
	FunctionAlias update(String newVersion, String newDescription, JsonNode newRoutingConfig) {
		return new FunctionAlias(this.aliasArn, this.name, (newVersion != null) ? newVersion : this.functionVersion,
				(newDescription != null) ? newDescription : this.description, UUID.randomUUID().toString(),
				(newRoutingConfig != null) ? newRoutingConfig : this.routingConfig);
	}

	/** The {@code AliasConfiguration} Lambda answers. */
	ObjectNode toJson() {
		return (ObjectNode) Json.tree(this);
	}

}
