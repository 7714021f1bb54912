package io.serverlessspring.boot.tasks;

/** Where a captured task is: pending → running → succeeded or failed. */
public enum TaskState {

	PENDING, RUNNING, SUCCEEDED, FAILED;

	/** The value stored in the table: lower case. */
	public String value() {
		return name().toLowerCase();
	}

	public static TaskState of(String value) {
		return valueOf(value.toUpperCase());
	}

}
