package io.serverlessspring.boot.snapstart;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

import io.serverlessspring.boot.routing.EventRoutingAutoConfiguration;
import io.serverlessspring.boot.routing.LambdaRuntimeAutoConfiguration;
import io.serverlessspring.boot.settings.ServerlessSettingsAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** When the SnapStart hooks exist, what their settings accept, and what a restore reseeds. */
class SnapStartAutoConfigurationTest {

	private static final byte[] SNAPSHOT_SEED = { 1, 2, 3, 4, 5, 6, 7, 8 };

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ServerlessSettingsAutoConfiguration.class,
				LambdaRuntimeAutoConfiguration.class, EventRoutingAutoConfiguration.class,
				SnapStartAutoConfiguration.class));

	@Test
	void registeredWhenLambdaInitialisesForASnapshot() {
		this.runner.withPropertyValues("AWS_LAMBDA_INITIALIZATION_TYPE=snap-start")
			.run((context) -> assertThat(context.getBean(SnapStartHooks.class).isRegistered()).isTrue());
	}

	@Test
	void absentOnDemandUnderProvisionedConcurrencyAndOutsideLambda() {
		this.runner.withPropertyValues("AWS_LAMBDA_INITIALIZATION_TYPE=on-demand")
			.run((context) -> assertThat(context).doesNotHaveBean(SnapStartHooks.class));
		this.runner.withPropertyValues("AWS_LAMBDA_INITIALIZATION_TYPE=provisioned-concurrency")
			.run((context) -> assertThat(context).doesNotHaveBean(SnapStartHooks.class));
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(SnapStartHooks.class)
			.doesNotHaveBean(SnapStartPriming.class));
	}

	@Test
	void absentWhenTurnedOff() {
		this.runner.withPropertyValues("AWS_LAMBDA_INITIALIZATION_TYPE=snap-start", "serverless.snap-start.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SnapStartHooks.class));
	}

	@Test
	void aNegativeRequestCountFailsStartNamingTheSetting() {
		this.runner.withPropertyValues("AWS_LAMBDA_INITIALIZATION_TYPE=snap-start",
				"serverless.snap-start.prime-requests=-1")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("serverless.snap-start.prime-requests must be 0 to 1000 (requests per prime path), was -1"));
	}

	@Test
	void aPrimePathThatIsNotAPathFailsStartNamingIt() {
		this.runner.withPropertyValues("AWS_LAMBDA_INITIALIZATION_TYPE=snap-start",
				"serverless.snap-start.prime-paths=/pets,pets/1")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("serverless.snap-start.prime-paths[1] must be a GET path starting with '/', was 'pets/1'"));
	}

	@Test
	void afterRestoreReseedsSecureRandomBeansSoRestoredCopiesDoNotShareASequence() {
		this.runner.withPropertyValues("AWS_LAMBDA_INITIALIZATION_TYPE=snap-start")
			.withUserConfiguration(RandomConfiguration.class)
			.run((context) -> {
				SecureRandom bean = context.getBean(SecureRandom.class);
				SecureRandom otherCopy = seededAsInSnapshot();
				assertThat(next(bean)).as("copies of one snapshot share a sequence").isEqualTo(next(otherCopy));

				context.getBean(SnapStartHooks.class).afterRestore(null);

				assertThat(context.getBean(SnapStartHooks.class).lastRestore().secureRandomsReseeded()).isEqualTo(1);
				assertThat(next(bean)).isNotEqualTo(next(otherCopy));
			});
	}

	@Test
	void reseedsADrbgThatSupportsReseedingAndMixesEntropyIntoAnyOther() throws Exception {
		SecureRandom sha1 = seededAsInSnapshot();
		SecureRandom twin = seededAsInSnapshot();
		RestoreRefresh.reseed(sha1);
		assertThat(next(sha1)).isNotEqualTo(next(twin));
		SecureRandom drbg = SecureRandom.getInstance("DRBG",
				java.security.DrbgParameters.instantiation(256, java.security.DrbgParameters.Capability.RESEED_ONLY, null));
		RestoreRefresh.reseed(drbg);
		assertThat(next(drbg)).hasSize(16);
	}

	static SecureRandom seededAsInSnapshot() throws NoSuchAlgorithmException {
		SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
		random.setSeed(SNAPSHOT_SEED);
		return random;
	}

	private static byte[] next(SecureRandom random) {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		return bytes;
	}

	@Configuration(proxyBeanMethods = false)
	static class RandomConfiguration {

		/** A generator whose state is in the snapshot: deterministic here, so a twin shows the sharing. */
		@Bean
		SecureRandom tokenRandom() throws NoSuchAlgorithmException {
			return seededAsInSnapshot();
		}

	}

}
