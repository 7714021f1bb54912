package io.serverlessspring.boot.http;

import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.http.HttpHeaders;

/**
 * A request whose mapped headers ({@link ContextHeaders}) answer from the event, whatever the
 * client sent under those names.
 */
class ContextHeadersRequest extends HttpServletRequestWrapper {

	private final ContextHeaders headers;

	/** Lower-cased mapped header name to its value from the event; null: absent. */
	private final Map<String, String> values;

	ContextHeadersRequest(HttpServletRequest request, ContextHeaders headers, Map<String, String> values) {
		super(request);
		this.headers = headers;
		this.values = values;
	}

	private boolean mapped(String name) {
		return name != null && this.values.containsKey(name.toLowerCase(Locale.ROOT));
	}

	@Override
	public String getHeader(String name) {
		return mapped(name) ? this.values.get(name.toLowerCase(Locale.ROOT)) : super.getHeader(name);
	}

	@Override
	public Enumeration<String> getHeaders(String name) {
		if (!mapped(name)) {
			return super.getHeaders(name);
		}
		String value = this.values.get(name.toLowerCase(Locale.ROOT));
		return Collections.enumeration((value != null) ? List.of(value) : List.of());
	}

	@Override
	public Enumeration<String> getHeaderNames() {
		Set<String> names = new LinkedHashSet<>();
		for (Enumeration<String> own = super.getHeaderNames(); own != null && own.hasMoreElements();) {
			String name = own.nextElement();
			if (!mapped(name)) {
				names.add(name);
			}
		}
		this.values.forEach((name, value) -> {
			if (value != null) {
				names.add(this.headers.configuredName(name));
			}
		});
		return Collections.enumeration(names);
	}

	@Override
	public int getIntHeader(String name) {
		if (!mapped(name)) {
			return super.getIntHeader(name);
		}
		String value = getHeader(name);
		return (value != null) ? Integer.parseInt(value) : -1;
	}

	@Override
	public long getDateHeader(String name) {
		if (!mapped(name)) {
			return super.getDateHeader(name);
		}
		String value = getHeader(name);
		if (value == null) {
			return -1;
		}
		HttpHeaders parsed = new HttpHeaders();
		parsed.set(name, value);
		return parsed.getFirstDate(name);
	}

}
