package io.serverlessspring.shell.cli;

import jakarta.validation.Validator;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.shell.core.ShellRunner;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.jline.PromptProvider;

/** The console's shell plumbing: parser, runner, prompt. */
@Configuration(proxyBeanMethods = false)
public class ConsoleConfiguration {

	/** In place of Spring Shell's (see {@link CommandRegistration}). */
	@Bean
	CommandRegistry commandRegistry(ApplicationContext context) {
		return CommandRegistration.registry(context);
	}

	@Bean
	CommandParser commandParser(CommandRegistry registry) {
		return new ConsoleCommandParser(registry);
	}

	@Bean
	CommonOptionsRegistrar commonOptionsRegistrar(ListableBeanFactory beans, CommandRegistry registry) {
		return new CommonOptionsRegistrar(beans, registry);
	}

	/** Spring Shell looks this type up while registering the commands (see the class). */
	@Bean
	Validator commandArgumentValidator() {
		return new CommandArgumentValidator();
	}

	@Bean
	CommandOutcome commandOutcome() {
		return new CommandOutcome();
	}

	@Bean
	ConsoleRunner consoleRunner(CommandParser parser, CommandRegistry registry, CommandOutcome outcome,
			ObjectProvider<ShellRunner> shellRunner, Environment environment, ObjectProvider<Terminal> terminal) {
		return new ConsoleRunner(parser, registry, outcome, shellRunner, environment, terminal);
	}

	@Bean
	PromptProvider serverlessPrompt() {
		return () -> new AttributedString("serverless> ", AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN));
	}

}
