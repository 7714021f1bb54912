package io.serverlessspring.boot.warmup;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/** Keep-warm pings, answered before any other route looks at the event. */
@AutoConfiguration
public class WarmupAutoConfiguration {

	/** The route's place: first among the runtime's routes. */
	public static final int ROUTE_ORDER = 100;

	@Bean
	@Order(ROUTE_ORDER)
	@ConditionalOnMissingBean
	public KeepWarmRoute serverlessKeepWarmRoute() {
		return new KeepWarmRoute();
	}

}
