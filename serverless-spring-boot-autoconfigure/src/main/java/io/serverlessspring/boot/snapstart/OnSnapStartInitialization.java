package io.serverlessspring.boot.snapstart;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when Lambda initialises the function for a SnapStart snapshot:
 * {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}, read from Spring's environment (so a property
 * of that name stands in for the variable in tests and local runs).
 */
class OnSnapStartInitialization extends SpringBootCondition {

	static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";

	static final String SNAP_START = "snap-start";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String type = context.getEnvironment().getProperty(INITIALIZATION_TYPE);
		if (SNAP_START.equals(type)) {
			return ConditionOutcome.match(INITIALIZATION_TYPE + " is " + SNAP_START);
		}
		return ConditionOutcome.noMatch(INITIALIZATION_TYPE + " is " + ((type != null) ? type : "not set")
				+ ", not " + SNAP_START);
	}

}
