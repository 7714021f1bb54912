package io.serverlessspring.shell.execute;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.serverlessspring.shell.aws.AwsClients;
import io.serverlessspring.shell.plan.Plan;
import io.serverlessspring.shell.plan.ResourceChange;

/**
 * Applies any plan, change by change, through one small handler per change type: the only code
 * that changes AWS. It takes no decision (the planner took them all); each handler is idempotent,
 * so a plan that stopped half-way converges when planned and applied again. Listeners are told
 * after each change and may stop the run there by throwing.
 */
public class Executor {

	private final List<ChangeListener> listeners;

	/** Filled at the first change applied: a command that applies none (--help, status) loads no handler. */
	private Map<Class<?>, ChangeHandler<?>> handlers;

	public Executor(List<ChangeListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	private synchronized Map<Class<?>, ChangeHandler<?>> handlers() {
		if (this.handlers != null) {
			return this.handlers;
		}
		Map<Class<?>, ChangeHandler<?>> all = new HashMap<>();
		Registry registry = new Registry() {
			@Override
			public <T extends ResourceChange> void on(Class<T> type, ChangeHandler<T> handler) {
				all.put(type, handler);
			}
		};
		StageHandlers.register(registry);
		FunctionHandlers.register(registry);
		HttpHandlers.register(registry);
		HttpSecurityHandlers.register(registry);
		EventHandlers.register(registry);
		EventRuleHandlers.register(registry);
		EventTriggerHandlers.register(registry);
		CertifyHandlers.register(registry);
		WebSocketHandlers.register(registry);
		AlbHandlers.register(registry);
		LayerHandlers.register(registry);
		TableStreamHandlers.register(registry);
		this.handlers = all;
		return all;
	}

	/**
	 * Applies {@code plan}, printing {@code [k/n] create function petstore-dev (java21, 512 MB)} before each change.
	 *
	 * @return the outputs of the applied changes (e.g. {@code version}, {@code url})
	 */
	public Map<String, String> execute(Plan plan, AwsClients clients, Consumer<String> progress) {
		ExecutionContext context = new ExecutionContext(clients, progress);
		int index = 0;
		for (ResourceChange change : plan.changes()) {
			index++;
			progress.accept(String.format("  [%d/%d] %s", index, plan.changes().size(), change.describe()));
			apply(change, context);
			for (ChangeListener listener : this.listeners) {
				listener.applied(change, index);
			}
		}
		return context.outputs();
	}

	@SuppressWarnings("unchecked")
	private <T extends ResourceChange> void apply(T change, ExecutionContext context) {
		ChangeHandler<T> handler = (ChangeHandler<T>) handlers().get(change.getClass());
		if (handler == null) {
			throw new IllegalStateException("No handler for " + change.getClass().getSimpleName());
		}
		handler.apply(change, context);
	}

	/** Applies one type of change. */
	@FunctionalInterface
	public interface ChangeHandler<T extends ResourceChange> {

		void apply(T change, ExecutionContext context);

	}

	/** Where each handler group registers its handlers. */
	interface Registry {

		<T extends ResourceChange> void on(Class<T> type, ChangeHandler<T> handler);

	}

	/** Told after each applied change (tests use it to stop a deploy between two changes). */
	@FunctionalInterface
	public interface ChangeListener {

		void applied(ResourceChange change, int index);

	}

}
