package io.serverlessspring.boot.settings;

import java.util.ArrayList;
import java.util.List;

/** {@code serverless.http.rest.*}: what only a REST API (API Gateway v1) has. */
public class HttpRestApiSettings {

	/** {@code edge} (CloudFront in front), {@code regional}, or {@code private} (reachable through VPC endpoints). */
	private EndpointType endpointType = EndpointType.REGIONAL;

	/** VPC endpoint ids a private API accepts. */
	private List<String> vpcEndpointIds = new ArrayList<>();

	/**
	 * Request/response content types API Gateway passes as binary; "*&#47;*" passes everything as
	 * binary (the function decodes base64 bodies). Empty: {@code serverless.http.binary-types}.
	 */
	private List<String> binaryMediaTypes = new ArrayList<>();

	/** A resource policy (JSON) on the API, e.g. to allow only some source IPs or VPC endpoints. */
	private String resourcePolicy;

	/** API keys and the usage plan that meters them. */
	private final ApiKeys apiKeys = new ApiKeys();

	public EndpointType getEndpointType() {
		return this.endpointType;
	}

	public void setEndpointType(EndpointType endpointType) {
		this.endpointType = endpointType;
	}

	public List<String> getVpcEndpointIds() {
		return this.vpcEndpointIds;
	}

	public void setVpcEndpointIds(List<String> vpcEndpointIds) {
		this.vpcEndpointIds = vpcEndpointIds;
	}

	public List<String> getBinaryMediaTypes() {
		return this.binaryMediaTypes;
	}

	public void setBinaryMediaTypes(List<String> binaryMediaTypes) {
		this.binaryMediaTypes = binaryMediaTypes;
	}

	public String getResourcePolicy() {
		return this.resourcePolicy;
	}

	public void setResourcePolicy(String resourcePolicy) {
		this.resourcePolicy = resourcePolicy;
	}

	public ApiKeys getApiKeys() {
		return this.apiKeys;
	}

	/** REST API endpoint types. */
	public enum EndpointType {

		EDGE, REGIONAL, PRIVATE

	}

	/** API keys: every method requires one, metered by one usage plan. */
	public static class ApiKeys {

		/**
		 * Names of the API keys to create; empty: no key required. A key deploy made that is no longer
		 * named is deleted; with none named, the usage plan goes too.
		 */
		private List<String> names = new ArrayList<>();

		/** Requests a key may make per quota period; 0: no quota. */
		private int quotaLimit = 0;

		/** The quota period: {@code day}, {@code week} or {@code month}. */
		private QuotaPeriod quotaPeriod = QuotaPeriod.MONTH;

		/** Steady-state requests per second per key; 0: the stage's limits. */
		private double rateLimit = 0;

		/** Burst of requests per key; 0: the stage's limits. */
		private int burstLimit = 0;

		public boolean isEnabled() {
			return !this.names.isEmpty();
		}

		public List<String> getNames() {
			return this.names;
		}

		public void setNames(List<String> names) {
			this.names = names;
		}

		public int getQuotaLimit() {
			return this.quotaLimit;
		}

		public void setQuotaLimit(int quotaLimit) {
			this.quotaLimit = quotaLimit;
		}

		public QuotaPeriod getQuotaPeriod() {
			return this.quotaPeriod;
		}

		public void setQuotaPeriod(QuotaPeriod quotaPeriod) {
			this.quotaPeriod = quotaPeriod;
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

	/** Usage plan quota periods. */
	public enum QuotaPeriod {

		DAY, WEEK, MONTH

	}

}
