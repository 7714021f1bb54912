package io.serverlessspring.boot.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * Gives the app the client address the event carries. Upstream answers 127.0.0.1 for ALB events
 * (it looks for an API Gateway identity that ALB never sends).
 */
class ClientAddressRequest extends HttpServletRequestWrapper {

	private final String clientAddress;

	ClientAddressRequest(HttpServletRequest request, String clientAddress) {
		super(request);
		this.clientAddress = clientAddress;
	}

	@Override
	public String getRemoteAddr() {
		return (this.clientAddress != null) ? this.clientAddress : super.getRemoteAddr();
	}

	@Override
	public String getRemoteHost() {
		return getRemoteAddr();
	}

}
