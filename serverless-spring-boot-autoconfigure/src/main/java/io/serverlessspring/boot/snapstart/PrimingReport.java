package io.serverlessspring.boot.snapstart;

import java.util.List;
import java.util.Map;

/**
 * What one priming did: each prime request and its outcome, whether the keep-warm ping was
 * routed, and which route each sample event was classified to ({@code "none"} when no route took
 * it, as in an app without that kind of handler).
 */
public record PrimingReport(List<PrimedRequest> requests, boolean keepWarmRouted, Map<String, String> classified) {

	public PrimingReport {
		requests = List.copyOf(requests);
		classified = Map.copyOf(classified);
	}

	/**
	 * One synthetic {@code GET}: the HTTP status the app answered (0 when it was not served) and,
	 * when it was not served, why.
	 */
	public record PrimedRequest(String path, int status, long millis, String failure) {

		/** Whether the app answered with a 2xx or 3xx status. */
		public boolean succeeded() {
			return this.failure == null && this.status >= 200 && this.status < 400;
		}

	}

}
