package io.serverlessspring.shell.cli;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One-shot mode's standard input: a secret piped in is all of the input, less one final newline. */
class StdinReaderTest {

	@Test
	void pipedSecretIsAllOfTheInputLessOneFinalNewline() throws Exception {
		assertThat(read("s3cr3t\n")).isEqualTo("s3cr3t");
		assertThat(read("s3cr3t\r\n")).isEqualTo("s3cr3t");
		assertThat(read("s3cr3t")).isEqualTo("s3cr3t");
		assertThat(read("-----BEGIN KEY-----\nabc\n-----END KEY-----\n\n")).isEqualTo("-----BEGIN KEY-----\nabc\n-----END KEY-----\n");
		assertThat(read(" spaces kept ")).isEqualTo(" spaces kept ");
	}

	@Test
	void emptyInputIsAnEmptyValue() throws Exception {
		assertThat(read("")).isEmpty();
	}

	@Test
	void aConfirmationStillReadsOneLine() throws Exception {
		ConsoleRunner.StdinReader reader = reader("y\nmore\n");

		assertThat(reader.readInput("")).isEqualTo("y");
	}

	private static String read(String stdin) throws Exception {
		return new String(reader(stdin).readPassword("not shown when piped: "));
	}

	private static ConsoleRunner.StdinReader reader(String stdin) {
		return new ConsoleRunner.StdinReader(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), null);
	}

}
