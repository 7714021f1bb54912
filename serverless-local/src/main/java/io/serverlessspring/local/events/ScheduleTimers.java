package io.serverlessspring.local.events;

import java.lang.System.Logger.Level;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Fires schedules on time: one timer per schedule, re-armed after each firing for the next time
 * the expression gives. Used by EventBridge rules and EventBridge Scheduler.
 */
public final class ScheduleTimers {

	private static final System.Logger log = System.getLogger(ScheduleTimers.class.getName());

	private final ScheduledExecutorService timers;

	private final Map<String, ScheduledFuture<?>> armed = new ConcurrentHashMap<>();

	public ScheduleTimers(ScheduledExecutorService timers) {
		this.timers = timers;
	}

	/**
	 * (Re)arms the schedule {@code key}: {@code fire} receives each scheduled time, until the
	 * expression ends, {@code end} passes, or {@link #cancel}.
	 */
	public synchronized void arm(String key, ScheduleRecurrence expression, ZoneId zone, Instant start, Instant end,
			Consumer<Instant> fire) {
		cancel(key);
		Instant from = Instant.now().isAfter(start) ? Instant.now() : start.minusMillis(1);
		schedule(key, expression, zone, start, end, fire, from);
	}

	private synchronized void schedule(String key, ScheduleRecurrence expression, ZoneId zone, Instant start, Instant end,
			Consumer<Instant> fire, Instant after) {
		Instant next = expression.nextAfter(after, start, zone);
		if (next == null || (end != null && next.isAfter(end))) {
			this.armed.remove(key);
			return;
		}
		long delay = Math.max(0, next.toEpochMilli() - System.currentTimeMillis());
		ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
		self[0] = this.timers.schedule(() -> {
			if (!isCurrent(key, self[0])) {
				return; // re-armed or cancelled meanwhile
			}
			try {
				fire.accept(next);
			}
			catch (RuntimeException ex) {
				log.log(Level.WARNING, "Schedule " + key + " failed to deliver: " + ex.getMessage());
			}
			synchronized (this) {
				if (isCurrent(key, self[0])) {
					schedule(key, expression, zone, start, end, fire, next);
				}
			}
		}, delay, TimeUnit.MILLISECONDS);
		this.armed.put(key, self[0]);
	}

	private synchronized boolean isCurrent(String key, ScheduledFuture<?> future) {
		return this.armed.get(key) == future;
	}

	public synchronized void cancel(String key) {
		ScheduledFuture<?> future = this.armed.remove(key);
		if (future != null) {
			future.cancel(false);
		}
	}

	public void cancelAll() {
		this.armed.keySet().forEach(this::cancel);
	}

}
