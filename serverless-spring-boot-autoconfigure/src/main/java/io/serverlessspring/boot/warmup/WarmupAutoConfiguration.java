package io.serverlessspring.boot.warmup;

import io.serverlessspring.boot.routing.RouteOrder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/** Keep-warm pings, answered before any other route looks at the event. */
@AutoConfiguration
public class WarmupAutoConfiguration {

	@Bean
	@Order(RouteOrder.KEEP_WARM)
	@ConditionalOnMissingBean
	public KeepWarmRoute serverlessKeepWarmRoute() {
		return new KeepWarmRoute();
	}

}
