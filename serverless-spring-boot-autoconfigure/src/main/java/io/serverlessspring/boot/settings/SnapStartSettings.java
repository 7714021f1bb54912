package io.serverlessspring.boot.settings;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code serverless.snap-start.*}: the function's SnapStart runtime hooks. Before Lambda takes the
 * snapshot the app is primed (synthetic requests through the whole HTTP path, the other routes'
 * code exercised without running handlers); after a restore what must not be shared between
 * restored copies is refreshed. Read by the function; see docs/snapstart.md.
 */
public class SnapStartSettings {

	/**
	 * Whether the function registers its SnapStart hooks (priming before the snapshot, refresh after
	 * restore). They are registered only when Lambda initialises the function for a snapshot
	 * ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}).
	 */
	private boolean enabled = true;

	/**
	 * GET paths (an optional query allowed, e.g. {@code /pets?limit=1}) sent through the app as
	 * HTTP API requests before the snapshot. Empty: {@code serverless.deploy.touch-path}. Pick
	 * paths without side effects.
	 */
	private List<String> primePaths = new ArrayList<>();

	/**
	 * How many times each prime path is requested. The first request loads and initialises the
	 * classes of the path; more let the JIT compile its hot methods into the snapshot. 0 sends none.
	 */
	private int primeRequests = 10;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<String> getPrimePaths() {
		return this.primePaths;
	}

	public void setPrimePaths(List<String> primePaths) {
		this.primePaths = primePaths;
	}

	public int getPrimeRequests() {
		return this.primeRequests;
	}

	public void setPrimeRequests(int primeRequests) {
		this.primeRequests = primeRequests;
	}

}
