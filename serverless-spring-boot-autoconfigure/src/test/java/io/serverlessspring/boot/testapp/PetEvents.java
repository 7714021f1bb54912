package io.serverlessspring.boot.testapp;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import io.serverlessspring.boot.events.EventSourceType;
import io.serverlessspring.boot.events.ServerlessEventHandler;
import io.serverlessspring.boot.testapp.RuntimeTestApplication.Pet;

import org.springframework.stereotype.Component;

/** AWS event handlers of the test app, one per source and parameter style. */
@Component
public class PetEvents {

	private final Recorder recorder;

	public PetEvents(Recorder recorder) {
		this.recorder = recorder;
	}

	/** A user type from each SQS message body; a bad pet fails only its own message. */
	@ServerlessEventHandler(type = EventSourceType.SQS, source = "${pets.adoptions-queue:petstore-dev-adoptions}",
			batchSize = 5)
	public void onAdoption(Pet pet) {
		if (pet.name().startsWith("bad")) {
			throw new IllegalArgumentException("cannot adopt " + pet.name());
		}
		this.recorder.record("onAdoption(" + pet.name() + "," + pet.age() + ")");
	}

	/** The whole typed batch. */
	@ServerlessEventHandler(type = EventSourceType.SQS,
			source = "arn:aws:sqs:us-east-1:123456789012:petstore-dev-audit")
	public void onAuditBatch(SQSEvent batch, Context context) {
		this.recorder.record("onAuditBatch(" + batch.getRecords().size() + "," + context.getFunctionName() + ")");
	}

	@ServerlessEventHandler(type = EventSourceType.SNS, source = "pet-news")
	public void onNews(String message) {
		if (message.startsWith("known outage") || message.startsWith("broken")) {
			throw new IllegalStateException(message);
		}
		this.recorder.record("onNews(" + message + ")");
	}

	@ServerlessEventHandler(type = EventSourceType.S3, source = "petstore-photos", prefix = "uploads/",
			events = "s3:ObjectCreated:*")
	public void onPhoto(S3EventNotificationRecord record) {
		this.recorder.record("onPhoto(" + record.getS3().getBucket().getName() + "," + record.getS3().getObject().getUrlDecodedKey()
				+ "," + record.getS3().getObject().getSizeAsLong() + ")");
	}

	/** Typed stream records. */
	@ServerlessEventHandler(type = EventSourceType.DYNAMODB, source = "Pets", startingPosition = "TRIM_HORIZON")
	public void onPetChange(DynamodbEvent.DynamodbStreamRecord record) {
		String name = record.getDynamodb().getKeys().get("name").getS();
		if (name.startsWith("bad")) {
			throw new IllegalStateException("cannot index " + name);
		}
		this.recorder.record("onPetChange(" + record.getEventName() + "," + name + ")");
	}

	@ServerlessEventHandler(type = EventSourceType.KINESIS, source = "pet-clicks")
	public void onClick(Click click) {
		this.recorder.record("onClick(" + click.pet() + "," + click.page() + ")");
	}

	@ServerlessEventHandler(type = EventSourceType.EVENTBRIDGE,
			pattern = "{\"source\": [\"petstore.orders\"], \"detail-type\": [\"OrderPlaced\"]}")
	public void onOrder(Order order) {
		this.recorder.record("onOrder(" + order.orderId() + "," + order.pet() + "," + order.quantity() + ")");
	}

	public record Click(String pet, String page) {
	}

	public record Order(String orderId, String pet, int quantity) {
	}

}
