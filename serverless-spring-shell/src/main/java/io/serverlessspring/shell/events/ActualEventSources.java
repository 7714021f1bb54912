package io.serverlessspring.shell.events;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The event sources wired to the live alias now.
 *
 * @param mappings event source mappings of the alias, by source ARN
 * @param subscribedTopics SNS topics (ARNs) with a subscription to the alias
 * @param notifications per bucket, the ids of notification configurations invoking the alias
 * @param permissions statement ids in the alias's resource policy
 */
public record ActualEventSources(Map<String, Mapping> mappings, Set<String> subscribedTopics,
		Map<String, Set<String>> notifications, Set<String> permissions) {

	/**
	 * An event source mapping.
	 *
	 * @param uuid its id
	 * @param sourceArn the queue or stream
	 * @param batchSize batch size
	 * @param batchWindowSeconds maximum batching window
	 * @param enabled whether it is enabled (state Enabled/Enabling/Creating)
	 * @param reportBatchItemFailures whether partial batch failures are reported
	 * @param filters the filter patterns
	 */
	public record Mapping(String uuid, String sourceArn, Integer batchSize, int batchWindowSeconds, boolean enabled,
			boolean reportBatchItemFailures, List<String> filters) {
	}

}
