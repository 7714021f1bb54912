package io.serverlessspring.local.lambda;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.node.ObjectNode;

/**
 * One statement of a function's resource policy, as AddPermission writes it; its JSON is the IAM
 * policy statement Lambda returns in {@code GetPolicy}.
 *
 * @param sid the statement id (unique per function)
 * @param effect always {@code Allow}
 * @param principal {@code {"Service": "apigateway.amazonaws.com"}} or {@code {"AWS": "<arn>"}}
 * @param action e.g. {@code lambda:InvokeFunction}
 * @param resource the function's ARN, qualified when the permission is for a version or alias
 * @param condition {@code ArnLike} / {@code StringEquals} conditions, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyStatement(@JsonProperty("Sid") String sid, @JsonProperty("Effect") String effect,
		@JsonProperty("Principal") Map<String, String> principal, @JsonProperty("Action") String action,
		@JsonProperty("Resource") String resource, @JsonProperty("Condition") ObjectNode condition) {

	/** Whether this statement lets the AWS service {@code servicePrincipal} act (e.g. invoke). */
	boolean allowsService(String servicePrincipal) {
		return servicePrincipal.equals(this.principal.get("Service"));
	}

}
