package io.serverlessspring.boot.settings;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code serverless.http.alb.*}: the Application Load Balancer deploy creates (or attaches to) when
 * {@code serverless.http.type} is {@code alb}. The function is a Lambda target of its own target group,
 * reached through a listener rule.
 */
public class HttpAlbSettings {

	/** Subnets of the load balancer (two or more, in different zones); empty: the default VPC's subnets. */
	private List<String> subnets = new ArrayList<>();

	/** Security groups of the load balancer; empty: the VPC's default security group. */
	private List<String> securityGroups = new ArrayList<>();

	/** {@code internet-facing} (default) or {@code internal}. */
	private String scheme = "internet-facing";

	/** The port the listener answers on; default 80 (443 for HTTPS). */
	private Integer listenerPort;

	/** The listener's protocol: {@code HTTP} (default) or {@code HTTPS} (needs a certificate). */
	private String listenerProtocol = "HTTP";

	/** ACM certificate ARN of an HTTPS listener. */
	private String certificateArn;

	/**
	 * Whether the target group sends {@code multiValueHeaders}/{@code multiValueQueryStringParameters}
	 * (all values of repeated headers and query parameters) instead of the single-value maps.
	 */
	private boolean multiValueHeaders = false;

	/** Path patterns of the listener rule that forwards to the function ({@code *} and {@code ?} wildcards). */
	private List<String> pathPatterns = new ArrayList<>(List.of("/*"));

	/** The listener rule's priority (1 to 50000, unique on its listener). */
	private int priority = 1;

	/** Attach to this existing load balancer (a listener is created on it) instead of creating one. */
	private String loadBalancerArn;

	/** Attach to this existing listener (only the rule is created on it) instead of creating one. */
	private String listenerArn;

	public List<String> getSubnets() {
		return this.subnets;
	}

	public void setSubnets(List<String> subnets) {
		this.subnets = subnets;
	}

	public List<String> getSecurityGroups() {
		return this.securityGroups;
	}

	public void setSecurityGroups(List<String> securityGroups) {
		this.securityGroups = securityGroups;
	}

	public String getScheme() {
		return this.scheme;
	}

	public void setScheme(String scheme) {
		this.scheme = scheme;
	}

	public Integer getListenerPort() {
		return this.listenerPort;
	}

	public void setListenerPort(Integer listenerPort) {
		this.listenerPort = listenerPort;
	}

	public String getListenerProtocol() {
		return this.listenerProtocol;
	}

	public void setListenerProtocol(String listenerProtocol) {
		this.listenerProtocol = listenerProtocol;
	}

	public String getCertificateArn() {
		return this.certificateArn;
	}

	public void setCertificateArn(String certificateArn) {
		this.certificateArn = certificateArn;
	}

	public boolean isMultiValueHeaders() {
		return this.multiValueHeaders;
	}

	public void setMultiValueHeaders(boolean multiValueHeaders) {
		this.multiValueHeaders = multiValueHeaders;
	}

	public List<String> getPathPatterns() {
		return this.pathPatterns;
	}

	public void setPathPatterns(List<String> pathPatterns) {
		this.pathPatterns = pathPatterns;
	}

	public int getPriority() {
		return this.priority;
	}

	public void setPriority(int priority) {
		this.priority = priority;
	}

	public String getLoadBalancerArn() {
		return this.loadBalancerArn;
	}

	public void setLoadBalancerArn(String loadBalancerArn) {
		this.loadBalancerArn = loadBalancerArn;
	}

	public String getListenerArn() {
		return this.listenerArn;
	}

	public void setListenerArn(String listenerArn) {
		this.listenerArn = listenerArn;
	}

	/** The listener port: the one given, else 443 for HTTPS and 80 for HTTP. */
	public int effectiveListenerPort() {
		if (this.listenerPort != null) {
			return this.listenerPort;
		}
		return "HTTPS".equalsIgnoreCase(this.listenerProtocol) ? 443 : 80;
	}

}
