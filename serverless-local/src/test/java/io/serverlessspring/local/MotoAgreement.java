package io.serverlessspring.local;

import java.net.URI;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

import io.serverlessspring.test.moto.MotoServer;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same SDK call against moto (the strict Python emulator) and against the local cloud must give
 * the same error code and HTTP status, and every member moto answers (nested ones too, e.g.
 * {@code Parameter.ARN}, {@code Parameters[].Name}) must be answered here.
 */
public final class MotoAgreement {

	private final URI moto;

	private final URI local;

	private final boolean nested;

	private MotoAgreement(URI moto, URI local, boolean nested) {
		this.moto = moto;
		this.local = local;
		this.nested = nested;
	}

	/** Skips the calling test where moto is not installed; else a clean moto and the shared cloud. */
	public static MotoAgreement start() {
		return start(true);
	}

	/**
	 * As {@link #start()}, comparing only the response's top-level members (the older services'
	 * comparison: S3's ListObjectsV2 does not answer {@code Contents[].ChecksumAlgorithm} as moto does).
	 */
	public static MotoAgreement startTopLevelOnly() {
		return start(false);
	}

	private static MotoAgreement start(boolean nested) {
		MotoServer.assumeInstalled();
		MotoServer server = MotoServer.shared();
		server.reset();
		return new MotoAgreement(server.endpoint(), SharedCloud.endpoint(), nested);
	}

	/** Runs the call on both (moto first); the outcomes must agree (see {@link Outcome}). */
	public void compare(Function<URI, ?> call) {
		check(call, null);
	}

	/**
	 * As {@link #compare} but for the HTTP status, where moto's differs from AWS's documented one
	 * (the SDK maps errors by code, so users see the same exception).
	 */
	public void compareExceptStatus(Function<URI, ?> call, int awsStatus) {
		check(call, awsStatus);
	}

	private void check(Function<URI, ?> call, Integer awsStatus) {
		Outcome expected = Outcome.of(() -> call.apply(this.moto), this.nested);
		Outcome actual = Outcome.of(() -> call.apply(this.local), this.nested);
		assertThat(actual.error()).as("error code (moto answered %s)", expected).isEqualTo(expected.error());
		if (awsStatus == null) {
			assertThat(actual.status()).as("HTTP status (moto answered %s)", expected).isEqualTo(expected.status());
		}
		else {
			assertThat(actual.status()).as("HTTP status AWS documents").isEqualTo(awsStatus.intValue());
		}
		assertThat(actual.members()).as("members answered (moto answered %s)", expected).containsAll(expected.members());
	}

	/** What a call produced: an error code and status, or the members the response carries. */
	record Outcome(String error, int status, Set<String> members) {

		static Outcome of(Supplier<?> call, boolean nested) {
			try {
				Object response = call.get();
				Set<String> members = new TreeSet<>();
				collect(response, "", members, nested);
				return new Outcome(null, 200, members);
			}
			catch (AwsServiceException ex) {
				return new Outcome(ex.awsErrorDetails().errorCode(), ex.statusCode(), Set.of());
			}
		}

		private static void collect(Object value, String prefix, Set<String> members, boolean nested) {
			if (!(value instanceof SdkPojo pojo)) {
				return;
			}
			for (SdkField<?> field : pojo.sdkFields()) {
				Object member = field.getValueOrDefault(pojo);
				boolean empty = member == null || (member instanceof Collection<?> c && c.isEmpty())
						|| (member instanceof Map<?, ?> m && m.isEmpty());
				if (empty || field.memberName().equals("ResponseMetadata")) {
					continue;
				}
				String name = prefix + field.memberName();
				members.add(name);
				if (!nested) {
					continue;
				}
				if (member instanceof Collection<?> items) {
					items.forEach((item) -> collect(item, name + "[].", members, true));
				}
				else {
					collect(member, name + ".", members, true);
				}
			}
		}

	}

}
