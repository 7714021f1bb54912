package io.serverlessspring.shell.cli;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.ParsedInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsoleCommandParserTest {

	private final ConsoleCommandParser parser = new ConsoleCommandParser(new CommandRegistry(Set.of(
			command("deploy", CommandOption.with().longName("yes").shortName('y').type(boolean.class).build(),
					CommandOption.with().longName("project").type(String.class).build()),
			command("rollback", CommandOption.with().longName("number").shortName('n').type(int.class).build()),
			command("local start"))));

	@Test
	void stageIsAnArgumentAndYesAFlag() {
		ParsedInput input = this.parser.parse("deploy prod --project samples/petstore --yes");
		assertThat(input.commandName()).isEqualTo("deploy");
		assertThat(input.arguments()).extracting(a -> a.value()).containsExactly("prod");
		assertThat(input.options()).extracting(CommandOption::longName, CommandOption::value)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("project", "samples/petstore"),
					org.assertj.core.groups.Tuple.tuple("yes", "true"));
	}

	@Test
	void flagBeforeArgumentDoesNotSwallowIt() {
		ParsedInput input = this.parser.parse("deploy --yes prod");
		assertThat(input.arguments()).extracting(a -> a.value()).containsExactly("prod");
	}

	@Test
	void shortOptionCarriesItsLongName() {
		ParsedInput input = this.parser.parse("rollback prod -n 3");
		assertThat(input.options()).singleElement().satisfies(option -> {
			assertThat(option.longName()).isEqualTo("number");
			assertThat(option.value()).isEqualTo("3");
		});
	}

	@Test
	void multiWordCommandsAndQuotes() {
		ParsedInput input = this.parser.parse("local start \"my dir\"");
		assertThat(input.commandName()).isEqualTo("local start");
		assertThat(input.arguments()).extracting(a -> a.value()).containsExactly("my dir");
	}

	@Test
	void valueOptionWithoutValueIsAnError() {
		assertThatThrownBy(() -> this.parser.parse("deploy prod --project")).hasMessageContaining("'--project' needs a value");
	}

	@Test
	void oneShotArgumentsAreRequotedForTheParser() {
		assertThat(ConsoleRunner.join(new String[] { "deploy", "prod", "--project", "my app" }))
			.isEqualTo("deploy prod --project \"my app\"");
	}

	private static Command command(String name, CommandOption... options) {
		return new Command() {
			@Override
			public String getName() {
				return name;
			}

			@Override
			public List<CommandOption> getOptions() {
				return List.of(options);
			}

			@Override
			public ExitStatus execute(org.springframework.shell.core.command.CommandContext context) {
				return ExitStatus.OK;
			}
		};
	}

}
