package io.serverlessspring.shell.cli;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.shell.core.command.AbstractCommand;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Adds the {@link CommonOption common options} a {@code @Command} method declares with
 * {@link TakesOptions @TakesOptions} to its registered command, once the registry is built: the
 * parser then knows {@code --yes} is a flag, completion offers {@code --region}, and
 * {@code help CMD} lists them, as if each method had declared them as {@code @Option} parameters.
 */
public class CommonOptionsRegistrar implements SmartInitializingSingleton {

	private final ListableBeanFactory beans;

	private final CommandRegistry registry;

	public CommonOptionsRegistrar(ListableBeanFactory beans, CommandRegistry registry) {
		this.beans = beans;
		this.registry = registry;
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (String name : this.beans.getBeanNamesForAnnotation(Component.class)) {
			Class<?> type = this.beans.getType(name);
			if (type != null) {
				ReflectionUtils.doWithMethods(ClassUtils.getUserClass(type), this::register,
						method -> method.isAnnotationPresent(TakesOptions.class));
			}
		}
	}

	private void register(Method method) {
		org.springframework.shell.core.command.annotation.Command annotation = AnnotatedElementUtils
			.findMergedAnnotation(method, org.springframework.shell.core.command.annotation.Command.class);
		if (annotation == null) {
			throw new IllegalStateException("@TakesOptions on " + method + " which is not a @Command method");
		}
		String commandName = String.join(" ", annotation.name());
		Command command = this.registry.getCommandByName(commandName);
		if (!(command instanceof AbstractCommand registered)) {
			throw new IllegalStateException("Command '" + commandName + "' of " + method + " is not registered");
		}
		List<CommandOption> options = new ArrayList<>(registered.getOptions());
		for (CommonOption common : method.getAnnotation(TakesOptions.class).value()) {
			for (CommandOption option : common.options()) {
				if (options.stream().noneMatch(existing -> existing.longName().equals(option.longName()))) {
					options.add(option);
				}
			}
		}
		registered.setOptions(List.copyOf(options));
	}

}
