package io.serverlessspring.boot.routing;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Routes read events by pointer on every event; the pointers are compiled once and read the same. */
class JsonPointersTest {

	@Test
	void anHttpApiEventReadsByPointerAsBefore() throws IOException {
		LambdaEvent event = LambdaEvent.parse(fixture("http-api-v2/get-pet.json"));
		assertThat(event.text("/version")).isEqualTo("2.0");
		assertThat(event.text("/requestContext/http/method")).isEqualTo("GET");
		assertThat(event.text("/requestContext/http/sourceIp")).isEqualTo("203.0.113.9");
		assertThat(event.text("/requestContext/no-such-field")).isNull();
	}

	@Test
	void aPointerIsCompiledOnce() {
		assertThat(JsonPointers.of("/requestContext/http/method")).isSameAs(JsonPointers.of("/requestContext/http/method"));
	}

	@Test
	void aPointerWithoutLeadingSlashIsRejectedAsJacksonRejectsIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> JsonPointers.of("requestContext/http"));
	}

	private static byte[] fixture(String name) throws IOException {
		try (InputStream in = JsonPointersTest.class.getResourceAsStream("/events/" + name)) {
			return in.readAllBytes();
		}
	}

}
