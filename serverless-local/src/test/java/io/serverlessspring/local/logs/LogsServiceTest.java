package io.serverlessspring.local.logs;

import org.junit.jupiter.api.Test;

import io.serverlessspring.local.SharedCloud;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogsServiceTest {

	private final CloudWatchLogsClient logs = SharedCloud.client(CloudWatchLogsClient.builder());

	@Test
	void keepsGroupsStreamsRetentionAndFiltersEvents() {
		this.logs.createLogGroup((c) -> c.logGroupName("/test/app"));
		assertThatThrownBy(() -> this.logs.createLogGroup((c) -> c.logGroupName("/test/app")))
			.isInstanceOf(ResourceAlreadyExistsException.class);
		this.logs.putRetentionPolicy((p) -> p.logGroupName("/test/app").retentionInDays(14));
		assertThat(this.logs.describeLogGroups((d) -> d.logGroupNamePrefix("/test/app")).logGroups())
			.extracting(LogGroup::logGroupName, LogGroup::retentionInDays).containsExactly(org.assertj.core.api.Assertions.tuple("/test/app", 14));

		this.logs.createLogStream((c) -> c.logGroupName("/test/app").logStreamName("s1"));
		long now = System.currentTimeMillis();
		this.logs.putLogEvents((p) -> p.logGroupName("/test/app").logStreamName("s1").logEvents(
				InputLogEvent.builder().timestamp(now).message("GET /pets 200").build(),
				InputLogEvent.builder().timestamp(now + 1).message("ERROR Task timed out").build()));
		assertThat(this.logs.filterLogEvents((f) -> f.logGroupName("/test/app").filterPattern("\"timed out\"")).events())
			.extracting(FilteredLogEvent::message).containsExactly("ERROR Task timed out");
		assertThat(this.logs.getLogEvents((g) -> g.logGroupName("/test/app").logStreamName("s1").startFromHead(true)).events())
			.hasSize(2);
		assertThat(this.logs.describeLogStreams((d) -> d.logGroupName("/test/app")).logStreams())
			.singleElement().satisfies((s) -> assertThat(s.lastEventTimestamp()).isEqualTo(now + 1));

		this.logs.deleteLogGroup((d) -> d.logGroupName("/test/app"));
		assertThatThrownBy(() -> this.logs.putRetentionPolicy((p) -> p.logGroupName("/test/app").retentionInDays(14)))
			.isInstanceOf(ResourceNotFoundException.class);
	}

	@Test
	void rejectsARetentionCloudWatchDoesNotOffer() {
		this.logs.createLogGroup((c) -> c.logGroupName("/test/retention"));
		assertThatThrownBy(() -> this.logs.putRetentionPolicy((p) -> p.logGroupName("/test/retention").retentionInDays(2)))
			.hasMessageContaining("retentionInDays");
	}

}
