package io.serverlessspring.shell.cli;

import java.lang.reflect.Method;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommandArgumentValidatorTest {

	private final CommandArgumentValidator validator = new CommandArgumentValidator();

	@Test
	void anUnconstrainedCommandIsNotValidatedAndBeanValidationIsNotStarted() throws Exception {
		Method method = Commands.class.getDeclaredMethod("deploy", String.class, boolean.class);
		assertThat(this.validator.forExecutables().validateParameters(new Commands(), method, new Object[] { "", true }))
			.isEmpty();
		assertThat(this.validator.started()).isFalse();
	}

	@Test
	void aConstrainedParameterIsStillChecked() throws Exception {
		Method method = Commands.class.getDeclaredMethod("rollback", int.class);
		assertThat(this.validator.forExecutables().validateParameters(new Commands(), method, new Object[] { 0 }))
			.extracting(violation -> violation.getMessage()).containsExactly("must be greater than or equal to 1");
		assertThat(this.validator.forExecutables().validateParameters(new Commands(), method, new Object[] { 2 })).isEmpty();
	}

	@Test
	void aConstraintOnATypeArgumentCounts() throws Exception {
		assertThat(CommandArgumentValidator.declaresConstraint(Commands.class.getDeclaredMethod("tags", List.class))).isTrue();
	}

	static class Commands {

		void deploy(String stage, boolean yes) {
		}

		void rollback(@Min(1) int number) {
		}

		void tags(List<@NotBlank String> keys) {
		}

	}

}
