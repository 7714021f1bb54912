package io.serverlessspring.local.lambda.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class FunctionJvmTest {

	@TempDir
	Path homes;

	@Test
	void runsARuntimeOnTheJdkOfItsMajorVersionNamedByTheEnvironment() throws IOException {
		Path jdk25 = jdkHome("jdk-25", "25.0.3");
		FunctionJvm jvms = FunctionJvm.discover(Map.of("SERVERLESS_LOCAL_JDK_25", jdk25.toString()));

		FunctionJvm.Choice choice = jvms.choose("java25");

		assertThat(choice.matches()).isTrue();
		assertThat(choice.jdk().home()).isEqualTo(jdk25.toRealPath());
		assertThat(choice.jdk().java()).isEqualTo(jdk25.toRealPath().resolve("bin/java"));
		assertThat(choice.note()).isNull();
		assertThat(choice.describe("java25")).isEqualTo("java25 on JDK 25.0.3");
	}

	@Test
	void saysWhichJdkItUsesWhenTheRuntimesIsNotInstalled() throws IOException {
		FunctionJvm jvms = new FunctionJvm(Map.of(), FunctionJvm.jdk(jdkHome("jdk-17", "17.0.15")));

		FunctionJvm.Choice choice = jvms.choose("java21");

		assertThat(choice.matches()).isFalse();
		assertThat(choice.jdk().version()).isEqualTo("17.0.15");
		assertThat(choice.note()).startsWith("no JDK 21 found for java21: running on JDK 17.0.15 (")
			.endsWith("); set SERVERLESS_LOCAL_JDK_21 to a JDK 21 home");
	}

	@Test
	void findsThisJvmsOwnMajorVersion() {
		FunctionJvm jvms = FunctionJvm.discover(Map.of());

		FunctionJvm.Choice choice = jvms.choose("java" + Runtime.version().feature());

		assertThat(choice.matches()).isTrue();
		assertThat(choice.jdk().major()).isEqualTo(Runtime.version().feature());
	}

	@Test
	void givesTheManagedRuntimesFlags() {
		assertThat(FunctionJvm.options("java21", 1024, null, false)).containsExactly("-Xmx870m", "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Djava.net.preferIPv4Stack=true");
		// java25 under SnapStart or provisioned concurrency keeps the full tiers; java21 does not
		assertThat(FunctionJvm.options("java25", 1024, null, true)).doesNotContain("-XX:TieredStopAtLevel=1");
		assertThat(FunctionJvm.options("java25", 1024, null, false)).contains("-XX:TieredStopAtLevel=1");
		assertThat(FunctionJvm.options("java21", 1024, null, true)).contains("-XX:TieredStopAtLevel=1");
	}

	@Test
	void leavesWhatJavaToolOptionsSetToThem() {
		assertThat(FunctionJvm.options("java21", 1024, "-XX:TieredStopAtLevel=4 -Xmx300m -XX:+UseParallelGC", false))
			.containsExactly("-Xshare:auto", "-Djava.net.preferIPv4Stack=true");
		assertThat(FunctionJvm.options("java21", 1024, "-XX:-TieredCompilation", false))
			.doesNotContain("-XX:TieredStopAtLevel=1")
			.contains("-Xmx870m", "-XX:+UseSerialGC");
	}

	private Path jdkHome(String name, String version) throws IOException {
		Path home = Files.createDirectories(this.homes.resolve(name));
		Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
		Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
		Files.writeString(java, "#!/bin/sh\n");
		Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
		return home;
	}

	@Test
	void nativeAccessIsEnabledOnlyWhereTheFlagExists() {
		assertThat(FunctionJvm.nativeAccess(25)).containsExactly("--enable-native-access=ALL-UNNAMED");
		assertThat(FunctionJvm.nativeAccess(22)).containsExactly("--enable-native-access=ALL-UNNAMED");
		assertThat(FunctionJvm.nativeAccess(21)).isEmpty();
		assertThat(FunctionJvm.nativeAccess(17)).isEmpty();
	}

}
