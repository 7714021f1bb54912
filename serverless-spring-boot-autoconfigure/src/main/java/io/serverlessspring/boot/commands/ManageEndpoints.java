package io.serverlessspring.boot.commands;

import java.util.List;

/** The actuator side of {@code manage}: which endpoints can run, and running one. */
public interface ManageEndpoints {

	/** Endpoint ids {@code manage} may run here. */
	List<String> ids();

	/** Whether {@code id} is one of them. */
	default boolean has(String id) {
		return ids().contains(id);
	}

	/** Runs the endpoint's read operation whose selectors match {@code args}. */
	Object read(String id, List<String> args);

	/** No actuator on the class path. */
	ManageEndpoints NONE = new ManageEndpoints() {

		@Override
		public List<String> ids() {
			return List.of();
		}

		@Override
		public Object read(String id, List<String> args) {
			throw new IllegalStateException("no actuator");
		}

	};

}
