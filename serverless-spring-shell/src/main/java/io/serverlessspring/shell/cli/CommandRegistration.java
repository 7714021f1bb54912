package io.serverlessspring.shell.cli;

import java.lang.reflect.Method;
import java.util.List;

import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.shell.core.command.AbstractCommand;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.support.CommandFactoryBean;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Builds the console's {@link CommandRegistry} as Spring Shell's own auto-configuration does, but from
 * the command beans already in the context: Spring Shell's scans the application's packages again at
 * run time and touches its {@code Utils} class for the built-in {@code quit}, whose static initializer
 * builds a Hibernate Validator factory (some 460 classes) on every start (bench/console).
 */
final class CommandRegistration {

	private CommandRegistration() {
	}

	static CommandRegistry registry(ApplicationContext context) {
		CommandRegistry registry = new CommandRegistry();
		// commands declared as beans (help, clear, script, history, ...)
		context.getBeansOfType(org.springframework.shell.core.command.Command.class).values()
			.forEach(registry::registerCommand);
		for (String name : context.getBeanNamesForAnnotation(Component.class)) {
			Class<?> type = context.getType(name);
			if (type == null) {
				continue;
			}
			for (Method method : MethodIntrospector.selectMethods(ClassUtils.getUserClass(type),
					(Method candidate) -> AnnotatedElementUtils.hasAnnotation(candidate, Command.class))) {
				CommandFactoryBean factory = new CommandFactoryBean(method);
				factory.setApplicationContext(context);
				registry.registerCommand(factory.getObject());
			}
		}
		registry.registerCommand(new Quit());
		return registry;
	}

	/** What Spring Shell registers as {@code quit}: the interactive runner itself stops on "quit" or "exit". */
	private static final class Quit extends AbstractCommand {

		Quit() {
			// its own help, as Spring Shell's quit has: "quit --help" must not print an empty line
			super("quit", "Exit the shell", "Built-In Commands", """
					Leave the interactive console (also: exit). Nothing else happens: no command is cancelled.

					Examples:
					  serverless> quit
					""", false);
		}

		@Override
		public List<String> getAliases() {
			return List.of("exit");
		}

		@Override
		public ExitStatus doExecute(CommandContext context) {
			return ExitStatus.OK;
		}

	}

}
