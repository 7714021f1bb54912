package io.serverlessspring.shell.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Records every AWS operation the console calls that is not a read (Get, List, Describe, Head). */
public class MutationCounter implements ExecutionInterceptor {

	private final List<String> mutations = new CopyOnWriteArrayList<>();

	private final List<String> all = new CopyOnWriteArrayList<>();

	@Override
	public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
		String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
		String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
		String call = service + "." + operation;
		this.all.add(call);
		if (!(operation.startsWith("Get") || operation.startsWith("List") || operation.startsWith("Describe")
				|| operation.startsWith("Head"))) {
			this.mutations.add(call);
		}
	}

	public void reset() {
		this.mutations.clear();
		this.all.clear();
	}

	public List<String> mutations() {
		return List.copyOf(this.mutations);
	}

	public List<String> calls() {
		return List.copyOf(this.all);
	}

}
