package io.serverlessspring.shell;

import java.util.List;

import io.serverlessspring.shell.execute.Executor;
import io.serverlessspring.shell.deploy.StageScheduler;
import io.serverlessspring.shell.aws.AwsClientFactory;
import io.serverlessspring.shell.cli.CommandOutcome;
import io.serverlessspring.shell.commands.CommandSupport;
import io.serverlessspring.shell.deploy.DeployHooks;
import io.serverlessspring.shell.deploy.Deployer;
import io.serverlessspring.shell.deploy.Rollback;
import io.serverlessspring.shell.deploy.StageSessions;
import io.serverlessspring.shell.status.StatusReader;
import io.serverlessspring.shell.deploy.Undeployer;
import io.serverlessspring.shell.deploy.UrlToucher;
import io.serverlessspring.shell.local.LocalCloudLauncher;
import io.serverlessspring.shell.packaging.LambdaPackager;
import io.serverlessspring.shell.packaging.ProjectBuilder;
import io.serverlessspring.shell.settings.SettingsMetadata;
import io.serverlessspring.shell.settings.StageSettingsLoader;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The console's services: the pieces other commands reuse (see the module README). */
@Configuration(proxyBeanMethods = false)
public class ConsoleBeans {

	@Bean
	StageSettingsLoader stageSettingsLoader() {
		return new StageSettingsLoader(SettingsMetadata.load());
	}

	@Bean
	AwsClientFactory awsClientFactory(List<ExecutionInterceptor> interceptors) {
		return new AwsClientFactory(interceptors);
	}

	@Bean
	LocalCloudLauncher localCloudLauncher() {
		return LocalCloudLauncher.fromEnvironment();
	}

	@Bean
	StageSessions stageSessions(StageSettingsLoader loader, AwsClientFactory clients, LocalCloudLauncher localCloud) {
		return new StageSessions(loader, clients, localCloud);
	}

	@Bean
	LambdaPackager lambdaPackager() {
		return new LambdaPackager(new ProjectBuilder());
	}

	@Bean
	Executor executor(List<Executor.ChangeListener> listeners) {
		return new Executor(listeners);
	}

	@Bean
	DeployHooks deployHooks() {
		return new DeployHooks();
	}

	@Bean
	Deployer deployer(LambdaPackager packager, Executor executor, DeployHooks hooks) {
		return new Deployer(packager, executor, new UrlToucher(), hooks);
	}

	@Bean
	StageScheduler stageScheduler(Deployer deployer) {
		return new StageScheduler(deployer);
	}

	@Bean
	Rollback rollback(Executor executor) {
		return new Rollback(executor);
	}

	@Bean
	StatusReader statusReader() {
		return new StatusReader();
	}

	@Bean
	Undeployer undeployer(Executor executor) {
		return new Undeployer(executor);
	}

	@Bean
	CommandSupport commandSupport(CommandOutcome outcome) {
		return new CommandSupport(outcome);
	}

}
