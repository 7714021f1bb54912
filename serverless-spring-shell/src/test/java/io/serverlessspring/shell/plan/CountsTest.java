package io.serverlessspring.shell.plan;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CountsTest {

	@Test
	void oneIsSingularOtherCountsArePlural() {
		assertThat(Counts.of(1, "version")).isEqualTo("1 version");
		assertThat(Counts.of(0, "version")).isEqualTo("0 versions");
		assertThat(Counts.of(2, "version")).isEqualTo("2 versions");
		assertThat(Counts.these(1, "change")).isEqualTo("this change");
		assertThat(Counts.these(6, "change")).isEqualTo("these 6 changes");
	}

}
