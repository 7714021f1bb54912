package io.serverlessspring.boot.commands;

import java.util.List;
import java.util.Set;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.EndpointExposureOutcomeContributor;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Makes the endpoints of {@code serverless.commands.manage-endpoints} available (their beans
 * exist) so {@code manage} can run them inside the function, without exposing them over HTTP or
 * JMX: exposure to those stays as the app configures it.
 */
public class ManageEndpointExposure implements EndpointExposureOutcomeContributor {

	private final List<String> ids;

	public ManageEndpointExposure(Environment environment) {
		this.ids = Binder.get(environment)
			.bind("serverless.commands.manage-endpoints", Bindable.listOf(String.class))
			.orElseGet(() -> new io.serverlessspring.boot.settings.CommandSettings().getManageEndpoints());
	}

	@Override
	public ConditionOutcome getExposureOutcome(EndpointId endpointId, Set<EndpointExposure> exposures,
			ConditionMessage.Builder message) {
		if (this.ids.contains(endpointId.toLowerCaseString())) {
			return ConditionOutcome.match(message.because("available to the serverless manage command"));
		}
		return null;
	}

}
