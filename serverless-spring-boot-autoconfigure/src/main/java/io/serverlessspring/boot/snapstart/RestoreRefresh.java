package io.serverlessspring.boot.snapstart;

import java.security.SecureRandom;
import java.util.Map;

import io.serverlessspring.boot.tasks.TaskAwsClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * What restored copies of one snapshot must not share, refreshed after each restore:
 * <ul>
 * <li>the AWS clients the starter built (tasks): dropped, so the next use builds one that resolves
 * credentials again and opens its own connections (they are also dropped before the snapshot, so
 * none is in it);</li>
 * <li>every {@link SecureRandom} bean: reseeded from the restored environment's entropy, so two
 * copies do not produce the same numbers.</li>
 * </ul>
 * Spring's own lifecycle does the rest (docs/snapstart.md); the app's own random generators and
 * clients that are not beans are the app's to refresh.
 */
public class RestoreRefresh {

	private static final Logger logger = LoggerFactory.getLogger(RestoreRefresh.class);

	private static final int SEED_BYTES = 32;

	private final ListableBeanFactory beanFactory;

	private final ObjectProvider<TaskAwsClients> taskClients;

	public RestoreRefresh(ListableBeanFactory beanFactory, ObjectProvider<TaskAwsClients> taskClients) {
		this.beanFactory = beanFactory;
		this.taskClients = taskClients;
	}

	/** What one refresh did. */
	public record Result(int awsClientsDropped, int secureRandomsReseeded) {
	}

	/** Before the snapshot: drops the AWS clients, so no credentials or connections are in it. */
	public int beforeCheckpoint() {
		return dropAwsClients();
	}

	/** After a restore: drops the AWS clients and reseeds the {@link SecureRandom} beans; never throws. */
	public Result afterRestore() {
		Result result = new Result(dropAwsClients(), reseedSecureRandoms());
		logger.info("Restored from a SnapStart snapshot: {} AWS client(s) dropped, {} SecureRandom bean(s) reseeded",
				result.awsClientsDropped(), result.secureRandomsReseeded());
		return result;
	}

	private int dropAwsClients() {
		try {
			TaskAwsClients clients = this.taskClients.getIfAvailable();
			return (clients != null) ? clients.evict() : 0;
		}
		catch (RuntimeException ex) {
			logger.warn("Dropping the task AWS clients failed", ex);
			return 0;
		}
	}

	private int reseedSecureRandoms() {
		int reseeded = 0;
		Map<String, SecureRandom> randoms;
		try {
			// Singletons only, and no factory is run to find them: nothing is created here.
			randoms = this.beanFactory.getBeansOfType(SecureRandom.class, false, false);
		}
		catch (RuntimeException ex) {
			logger.warn("Looking up the SecureRandom beans failed", ex);
			return 0;
		}
		for (Map.Entry<String, SecureRandom> random : randoms.entrySet()) {
			try {
				reseed(random.getValue());
				reseeded++;
			}
			catch (RuntimeException ex) {
				logger.warn("Reseeding the SecureRandom bean {} failed", random.getKey(), ex);
			}
		}
		return reseeded;
	}

	/** A DRBG that supports it reseeds itself; any other mixes in fresh entropy (setSeed never lowers it). */
	static void reseed(SecureRandom random) {
		try {
			random.reseed();
			return;
		}
		catch (UnsupportedOperationException | IllegalStateException ex) {
			// Not a DRBG with reseeding: fall back to mixing in a fresh seed.
		}
		random.setSeed(random.generateSeed(SEED_BYTES));
	}

}
