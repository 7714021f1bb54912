package io.serverlessspring.boot.testapp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;

/** What the test app's targets were called with, in order, for tests to assert on. */
@Component
public class Recorder {

	private final List<String> calls = new CopyOnWriteArrayList<>();

	public void record(String call) {
		this.calls.add(call);
	}

	public List<String> calls() {
		return List.copyOf(this.calls);
	}

	public void clear() {
		this.calls.clear();
	}

}
