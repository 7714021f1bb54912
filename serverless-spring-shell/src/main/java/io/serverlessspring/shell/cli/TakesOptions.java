package io.serverlessspring.shell.cli;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@code @Command} method: the {@link CommonOption common options} it takes, e.g.
 * {@code @TakesOptions({ PROJECT, AWS, YES, DRY_RUN, JSON })}. Its help text names them with the
 * blocks of {@code commands.CommandHelp}; a test checks every declared option appears there.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TakesOptions {

	CommonOption[] value();

}
