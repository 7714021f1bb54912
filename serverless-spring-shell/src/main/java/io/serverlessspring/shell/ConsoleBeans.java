package io.serverlessspring.shell;

import java.util.List;

import io.serverlessspring.shell.apply.Applier;
import io.serverlessspring.shell.aws.AwsClientFactory;
import io.serverlessspring.shell.cli.CommandOutcome;
import io.serverlessspring.shell.commands.CommandSupport;
import io.serverlessspring.shell.deploy.Deployer;
import io.serverlessspring.shell.deploy.Rollback;
import io.serverlessspring.shell.deploy.StageSessions;
import io.serverlessspring.shell.deploy.StatusReader;
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
	Applier applier(List<Applier.StepListener> listeners) {
		return new Applier(listeners);
	}

	@Bean
	Deployer deployer(LambdaPackager packager, Applier applier) {
		return new Deployer(packager, applier, new UrlToucher());
	}

	@Bean
	Rollback rollback() {
		return new Rollback();
	}

	@Bean
	StatusReader statusReader() {
		return new StatusReader();
	}

	@Bean
	Undeployer undeployer() {
		return new Undeployer();
	}

	@Bean
	CommandSupport commandSupport(CommandOutcome outcome) {
		return new CommandSupport(outcome);
	}

}
