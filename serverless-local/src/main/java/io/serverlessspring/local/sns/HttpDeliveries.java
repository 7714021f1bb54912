package io.serverlessspring.local.sns;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Posts SNS messages to http/https subscribers as SNS does: {@code text/plain} JSON bodies with the
 * {@code x-amz-sns-message-type}, {@code -message-id}, {@code -topic-arn} (and
 * {@code -subscription-arn}) headers, off the publishing thread, one attempt (no retry policy).
 */
final class HttpDeliveries implements AutoCloseable {

	private static final System.Logger log = System.getLogger(HttpDeliveries.class.getName());

	private final ExecutorService senders = Executors.newFixedThreadPool(2, (r) -> {
		Thread thread = new Thread(r, "sns-http-delivery");
		thread.setDaemon(true);
		return thread;
	});

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(this.senders).build();

	void post(String endpoint, String type, String messageId, String topicArn, String subscriptionArn, String body) {
		URI uri;
		try {
			uri = URI.create(endpoint);
		}
		catch (IllegalArgumentException ex) {
			log.log(System.Logger.Level.WARNING, "SNS cannot deliver to " + endpoint + ": not a URL");
			return;
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15))
			.header("Content-Type", "text/plain; charset=UTF-8")
			.header("x-amz-sns-message-type", type)
			.header("x-amz-sns-message-id", messageId)
			.header("x-amz-sns-topic-arn", topicArn)
			.header("User-Agent", "Amazon Simple Notification Service Agent")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (subscriptionArn != null) {
			request.header("x-amz-sns-subscription-arn", subscriptionArn);
		}
		this.http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
			if (failure != null) {
				log.log(System.Logger.Level.INFO, "SNS delivery to " + endpoint + " failed: " + failure.getMessage());
			}
			else if (response.statusCode() >= 300) {
				log.log(System.Logger.Level.INFO, "SNS delivery to " + endpoint + " answered " + response.statusCode());
			}
		});
	}

	/** Whether these query parameters are a visit to a SubscribeURL. */
	static boolean isConfirmationVisit(Map<String, String> query) {
		return "ConfirmSubscription".equals(query.get("Action")) && query.containsKey("Token") && query.containsKey("TopicArn");
	}

	@Override
	public void close() {
		this.senders.shutdownNow();
	}

}
