package io.serverlessspring.shell.model;

import io.serverlessspring.boot.settings.HttpSettings;

/**
 * The HTTP front: what kind, its name, and how a function URL is authorised.
 *
 * @param type the kind of front ({@code NONE} for none)
 * @param name API name (the function name)
 * @param functionUrlAuth {@code NONE} or {@code AWS_IAM}
 * @param security CORS, authorizers, throttling, access log and REST-only settings
 * @param alb the load balancer front ({@code type: alb}), or {@code null}
 */
public record HttpFrontSpec(HttpSettings.Type type, String name, String functionUrlAuth, HttpSecuritySpec security,
		AlbSpec alb) {

	/** A front without a load balancer. */
	public HttpFrontSpec(HttpSettings.Type type, String name, String functionUrlAuth, HttpSecuritySpec security) {
		this(type, name, functionUrlAuth, security, null);
	}

	/** A front with nothing beyond the defaults. */
	public HttpFrontSpec(HttpSettings.Type type, String name, String functionUrlAuth) {
		this(type, name, functionUrlAuth, HttpSecuritySpec.NONE);
	}

}
