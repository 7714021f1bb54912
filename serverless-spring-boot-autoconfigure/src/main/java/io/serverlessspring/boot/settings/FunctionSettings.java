package io.serverlessspring.boot.settings;

/** {@code serverless.function.*}: the Lambda function itself. Owned by the console (deploy). */
public class FunctionSettings {

	/** Function name. Default: {@code <spring.application.name>-<stage>}. */
	private String name;

	/** Memory in MB, 128 to 10240. */
	private int memory = 1024;

	/** Timeout in seconds, 1 to 900. */
	private int timeout = 30;

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public int getMemory() {
		return this.memory;
	}

	public void setMemory(int memory) {
		this.memory = memory;
	}

	public int getTimeout() {
		return this.timeout;
	}

	public void setTimeout(int timeout) {
		this.timeout = timeout;
	}

}
