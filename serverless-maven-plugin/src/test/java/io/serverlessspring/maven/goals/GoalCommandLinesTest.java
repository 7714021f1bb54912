package io.serverlessspring.maven.goals;

import java.io.File;
import java.nio.file.Path;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each goal's console command line: what `./serverless …` would be given. */
class GoalCommandLinesTest {

	@TempDir
	Path project;

	private <T extends AbstractConsoleMojo> T inProject(T goal) {
		goal.basedir = this.project.toFile();
		return goal;
	}

	private String dir() {
		return this.project.toAbsolutePath().normalize().toString();
	}

	@Test
	void deployPassesYesSoItNeverAsks() throws MojoFailureException {
		DeployMojo deploy = inProject(new DeployMojo());
		deploy.stage = "prod";

		assertThat(deploy.commandLine().words()).containsExactly("deploy", "prod", "--project", dir(), "--yes");
	}

	@Test
	void deployPassesEveryPropertyThatIsSet() throws MojoFailureException {
		DeployMojo deploy = inProject(new DeployMojo());
		deploy.stage = "dev";
		deploy.profile = "team";
		deploy.region = "eu-west-1";
		deploy.endpointUrl = "http://127.0.0.1:4599";
		deploy.dryRun = true;
		deploy.json = true;
		deploy.packageFile = new File("build/app.zip");

		assertThat(deploy.commandLine().words()).containsExactly("deploy", "dev", "--project", dir(), "--profile", "team",
				"--region", "eu-west-1", "--endpoint-url", "http://127.0.0.1:4599", "--dry-run", "--json", "--yes",
				"--package", new File("build/app.zip").toString());
	}

	@Test
	void updateIsDeploysOperationUnderItsOwnName() throws MojoFailureException {
		UpdateMojo update = inProject(new UpdateMojo());
		update.stage = "dev";

		assertThat(update.commandLine().words()).containsExactly("update", "dev", "--project", dir(), "--yes");
	}

	@Test
	void aStageGoalWithoutAStageNamesTheProperty() {
		StatusMojo status = inProject(new StatusMojo());

		assertThatThrownBy(status::commandLine).isInstanceOf(MojoFailureException.class)
			.hasMessageContaining("serverless.stage")
			.hasMessageContaining("-Dserverless.stage=dev");
	}

	@Test
	void aStageGoalSkipsAParentPomOfAMultiModuleBuild() throws Exception {
		CapturingLog log = new CapturingLog();
		DeployMojo deploy = inProject(new DeployMojo());
		deploy.setLog(log);
		deploy.stage = "dev";
		deploy.packaging = "pom";

		deploy.execute();

		assertThat(log.lines()).containsExactly("Skipped: a pom module has no app to deploy (the goal runs in the app's module)");
	}

	@Test
	void serverlessSkipSkipsAnyGoal() throws Exception {
		CapturingLog log = new CapturingLog();
		LocalStartMojo start = new LocalStartMojo();
		start.setLog(log);
		start.skip = true;

		start.execute();

		assertThat(log.lines()).containsExactly("Skipped: serverless.skip is true");
	}

	@Test
	void statusIsReadOnlyAndTakesNoYes() throws MojoFailureException {
		StatusMojo status = inProject(new StatusMojo());
		status.stage = "dev";
		status.json = true;

		assertThat(status.commandLine().words()).containsExactly("status", "dev", "--project", dir(), "--json");
	}

	@Test
	void undeployConfirmsAndCanRemoveTheLogs() throws MojoFailureException {
		UndeployMojo undeploy = inProject(new UndeployMojo());
		undeploy.stage = "dev";
		undeploy.removeLogs = true;

		assertThat(undeploy.commandLine().words()).containsExactly("undeploy", "dev", "--project", dir(), "--yes",
				"--remove-logs");
	}

	@Test
	void rollbackAsksNothingSoItTakesNoYes() throws MojoFailureException {
		RollbackMojo rollback = inProject(new RollbackMojo());
		rollback.stage = "prod";
		rollback.number = 2;

		assertThat(rollback.commandLine().words()).containsExactly("rollback", "prod", "--project", dir(), "--number", "2");
	}

	@Test
	void packageWritesWhereTold() throws MojoFailureException {
		PackageMojo pkg = inProject(new PackageMojo());
		pkg.stage = "dev";
		pkg.output = new File("out.zip");

		assertThat(pkg.commandLine().words()).containsExactly("package", "dev", "--project", dir(), "--output",
				new File("out.zip").toString());
	}

	@Test
	void tailFollowsByDefaultInPlainText() throws MojoFailureException {
		TailMojo tail = inProject(new TailMojo());
		tail.stage = "dev";
		tail.follow = true;

		assertThat(tail.commandLine().words()).containsExactly("tail", "dev", "--project", dir(), "--no-color");
	}

	@Test
	void tailWithoutFollowStopsAfterWhatIsThere() throws MojoFailureException {
		TailMojo tail = inProject(new TailMojo());
		tail.stage = "dev";
		tail.since = "1h";
		tail.http = true;
		tail.follow = false;

		assertThat(tail.commandLine().words()).containsExactly("tail", "dev", "--project", dir(), "--since", "1h", "--http",
				"--no-follow", "--no-color");
	}

	@Test
	void invokePutsTargetAndArgumentsBeforeTheOptions() throws MojoFailureException {
		InvokeMojo invoke = inProject(new InvokeMojo());
		invoke.stage = "dev";
		invoke.target = "greeter#hello";
		invoke.arguments = "[\"Ada Lovelace\"]";
		invoke.json = true;

		assertThat(invoke.commandLine().words()).containsExactly("invoke", "dev", "greeter#hello", "[\"Ada Lovelace\"]",
				"--project", dir(), "--json");
	}

	@Test
	void manageArgumentsThatLookLikeOptionsGoAfterTheDoubleDash() throws MojoFailureException {
		ManageMojo manage = inProject(new ManageMojo());
		manage.stage = "dev";
		manage.manage = "reindex-pets --full";

		assertThat(manage.commandLine().words()).containsExactly("manage", "dev", "--project", dir(), "--", "reindex-pets",
				"--full");
	}

	@Test
	void manageAnEndpointWithItsSelector() throws MojoFailureException {
		ManageMojo manage = inProject(new ManageMojo());
		manage.stage = "dev";
		manage.manage = "env spring.application.name";

		assertThat(manage.commandLine().words()).containsExactly("manage", "dev", "env", "spring.application.name",
				"--project", dir());
	}

	@Test
	void certifyPassesItsDomainOptions() throws MojoFailureException {
		CertifyMojo certify = inProject(new CertifyMojo());
		certify.stage = "prod";
		certify.domain = "api.example.com";
		certify.basePath = "v1";

		assertThat(certify.commandLine().words()).containsExactly("certify", "prod", "--project", dir(), "--yes",
				"--domain", "api.example.com", "--base-path", "v1");
	}

	@Test
	void localGoalsNeedNoProject() {
		assertThat(new LocalStartMojo().commandLine().words()).containsExactly("local", "start");
		assertThat(new LocalStopMojo().commandLine().words()).containsExactly("local", "stop");
		assertThat(new LocalStatusMojo().commandLine().words()).containsExactly("local", "status");
	}

	@Test
	void consoleWithoutACommandOpensThePrompt() throws MojoFailureException {
		assertThat(new ConsoleMojo().commandLine().words()).isEmpty();
	}

	@Test
	void consoleCommandIsSplitAsAShellWould() throws MojoFailureException {
		ConsoleMojo console = new ConsoleMojo();
		console.command = "invoke dev greeter#hello '[\"Ada Lovelace\"]'";

		assertThat(console.commandLine().words()).containsExactly("invoke", "dev", "greeter#hello", "[\"Ada Lovelace\"]");
	}

	@Test
	void anUnbalancedQuoteNamesTheProperty() {
		ConsoleMojo console = new ConsoleMojo();
		console.command = "invoke dev 'oops";

		assertThatThrownBy(console::commandLine).isInstanceOf(MojoFailureException.class)
			.hasMessageContaining("serverless.command");
	}

	@Test
	@DisabledIfEnvironmentVariable(named = "SERVERLESS_JAVA_OPTS", matches = ".*\\S.*")
	void jvmOptionsAreTheLaunchersByDefault() throws MojoFailureException {
		assertThat(new DeployMojo().jvmOptions()).containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
	}

	@Test
	void jvmArgsReplaceTheDefaultOptions() throws MojoFailureException {
		DeployMojo deploy = new DeployMojo();
		deploy.jvmArgs = "-Xmx512m -Dfile.encoding=UTF-8";

		assertThat(deploy.jvmOptions()).containsExactly("-Xmx512m", "-Dfile.encoding=UTF-8");
	}

}
