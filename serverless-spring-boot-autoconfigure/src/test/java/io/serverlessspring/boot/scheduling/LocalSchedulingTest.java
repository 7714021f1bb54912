package io.serverlessspring.boot.scheduling;

import io.serverlessspring.boot.testsupport.RuntimeAppTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** Not deployed, Spring's scheduler runs @Scheduled methods as usual. */
@RuntimeAppTest
class LocalSchedulingTest {

	@Autowired
	ScheduledTaskHolder scheduledTasks;

	@Test
	void springsSchedulerRunsTheScheduledMethodsLocally() {
		assertThat(this.scheduledTasks.getScheduledTasks()).extracting((task) -> task.getTask().toString())
			.containsExactlyInAnyOrder("io.serverlessspring.boot.testapp.ReportJobs.nightlyReport",
					"io.serverlessspring.boot.testapp.ReportJobs.refreshCache",
					"io.serverlessspring.boot.testapp.ReportJobs.purge", "io.serverlessspring.boot.testapp.ReportJobs.purge");
	}

}
