package io.serverlessspring.boot.settings;

/** {@code serverless.http.throttling.*}: the stage's request limits, enforced by API Gateway. */
public class HttpThrottleSettings {

	/** Steady-state requests per second; 0: API Gateway's account limits. */
	private double rateLimit = 0;

	/** Requests allowed in a burst; 0: API Gateway's account limits. */
	private int burstLimit = 0;

	public boolean isEnabled() {
		return this.rateLimit > 0 || this.burstLimit > 0;
	}

	public double getRateLimit() {
		return this.rateLimit;
	}

	public void setRateLimit(double rateLimit) {
		this.rateLimit = rateLimit;
	}

	public int getBurstLimit() {
		return this.burstLimit;
	}

	public void setBurstLimit(int burstLimit) {
		this.burstLimit = burstLimit;
	}

}
