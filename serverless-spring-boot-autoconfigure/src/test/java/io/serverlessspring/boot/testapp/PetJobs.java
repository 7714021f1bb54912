package io.serverlessspring.boot.testapp;

import java.util.concurrent.CompletableFuture;

import io.serverlessspring.boot.tasks.ServerlessTask;
import io.serverlessspring.boot.tasks.TaskHandle;
import io.serverlessspring.boot.testapp.RuntimeTestApplication.Pet;

import org.springframework.stereotype.Component;

/** Task methods of the test app. */
@Component
public class PetJobs {

	private final Recorder recorder;

	public PetJobs(Recorder recorder) {
		this.recorder = recorder;
	}

	@ServerlessTask
	public void sendWelcome(String name, int times) {
		this.recorder.record("sendWelcome(" + name + "," + times + ")");
	}

	@ServerlessTask(captureResponse = true)
	public CompletableFuture<Integer> countLetters(Pet pet) {
		this.recorder.record("countLetters(" + pet.name() + ")");
		return CompletableFuture.completedFuture(pet.name().length());
	}

	@ServerlessTask(captureResponse = true)
	public TaskHandle failToGroom(String name) {
		this.recorder.record("failToGroom(" + name + ")");
		throw new IllegalStateException("no groomer for " + name);
	}

	@ServerlessTask(function = "pet-archive:live", region = "eu-west-1")
	public void archive(String name) {
		this.recorder.record("archive(" + name + ")");
	}

	@ServerlessTask(source = ServerlessTask.TaskSourceOption.SQS)
	public void remindOwner(String owner) {
		this.recorder.record("remindOwner(" + owner + ")");
	}

	@ServerlessTask(source = ServerlessTask.TaskSourceOption.SNS)
	public void announce(String news) {
		this.recorder.record("announce(" + news + ")");
	}

	public String notATask(String name) {
		return "hello " + name;
	}

}
