package io.serverlessspring.boot.snapstart;

import java.util.concurrent.atomic.AtomicBoolean;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;

/**
 * The CRaC resource Lambda calls around a SnapStart snapshot: {@link #beforeCheckpoint} primes the
 * app ({@link SnapStartPriming}), {@link #afterRestore} refreshes what restored copies must not
 * share ({@link RestoreRefresh}).
 *
 * <p>Registered with {@code Core.getGlobalContext()} once the context is refreshed: after Spring's
 * own lifecycle resource, so (hooks run before a checkpoint in reverse order of registration) the
 * app is primed while its lifecycle beans still run, and restarted by Spring before our refresh
 * after a restore. This bean keeps the resource reachable (CRaC contexts may hold it weakly).
 */
public class SnapStartHooks implements Resource, ApplicationListener<ContextRefreshedEvent> {

	private final SnapStartPriming priming;

	private final RestoreRefresh refresh;

	private final ApplicationContext applicationContext;

	private final AtomicBoolean registered = new AtomicBoolean();

	private volatile PrimingReport lastPriming;

	private volatile RestoreRefresh.Result lastRestore;

	public SnapStartHooks(SnapStartPriming priming, RestoreRefresh refresh, ApplicationContext applicationContext) {
		this.priming = priming;
		this.refresh = refresh;
		this.applicationContext = applicationContext;
	}

	@Override
	public void onApplicationEvent(ContextRefreshedEvent event) {
		// A child context (the management server's) refreshing does not count.
		if (event.getApplicationContext() == this.applicationContext && this.registered.compareAndSet(false, true)) {
			Core.getGlobalContext().register(this);
		}
	}

	/** Whether the resource is registered with the CRaC global context. */
	public boolean isRegistered() {
		return this.registered.get();
	}

	@Override
	public void beforeCheckpoint(Context<? extends Resource> context) {
		this.lastPriming = this.priming.prime();
		this.refresh.beforeCheckpoint();
	}

	@Override
	public void afterRestore(Context<? extends Resource> context) {
		this.lastRestore = this.refresh.afterRestore();
	}

	/** What the last {@link #beforeCheckpoint} did, or {@code null}. */
	public PrimingReport lastPriming() {
		return this.lastPriming;
	}

	/** What the last {@link #afterRestore} did, or {@code null}. */
	public RestoreRefresh.Result lastRestore() {
		return this.lastRestore;
	}

}
