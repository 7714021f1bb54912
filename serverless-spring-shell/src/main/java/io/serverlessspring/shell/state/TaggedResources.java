package io.serverlessspring.shell.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.serverlessspring.boot.naming.Arns;
import io.serverlessspring.shell.aws.AwsClients;
import io.serverlessspring.shell.model.StageTags;

/**
 * The queues, task topic and task table deploy created for a function, found by the
 * {@code serverless:function} tag they carry: how undeploy finds them when the function, whose tags
 * usually name them, is already gone.
 *
 * @param queues names of the tagged SQS queues
 * @param topic the tagged SNS topic's name, or {@code null}
 * @param table the tagged DynamoDB table's name, or {@code null}
 */
record TaggedResources(List<String> queues, String topic, String table) {

	static TaggedResources of(AwsClients clients, String function) {
		List<String> queues = new ArrayList<>();
		for (String url : clients.sqs().listQueuesPaginator((b) -> b.maxResults(1000)).queueUrls()) {
			if (taggedFor(clients.sqs().listQueueTags((b) -> b.queueUrl(url)).tags(), function)) {
				queues.add(url.substring(url.lastIndexOf('/') + 1));
			}
		}
		String topic = null;
		for (var candidate : clients.sns().listTopicsPaginator().topics()) {
			var tags = clients.sns().listTagsForResource((b) -> b.resourceArn(candidate.topicArn())).tags();
			if (tags.stream().anyMatch((tag) -> StageTags.FUNCTION.equals(tag.key()) && function.equals(tag.value()))) {
				topic = Arns.resourceName(candidate.topicArn());
			}
		}
		String table = null;
		for (String name : clients.dynamoDb().listTablesPaginator().tableNames()) {
			String arn = Arns.table(clients.region(), clients.accountId(), name);
			var tags = clients.dynamoDb().listTagsOfResource((b) -> b.resourceArn(arn)).tags();
			if (tags.stream().anyMatch((tag) -> StageTags.FUNCTION.equals(tag.key()) && function.equals(tag.value()))) {
				table = name;
			}
		}
		return new TaggedResources(List.copyOf(queues), topic, table);
	}

	private static boolean taggedFor(Map<String, String> tags, String function) {
		return tags != null && function.equals(tags.get(StageTags.FUNCTION));
	}

}
