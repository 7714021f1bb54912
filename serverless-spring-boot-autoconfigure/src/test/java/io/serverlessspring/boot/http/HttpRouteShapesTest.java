package io.serverlessspring.boot.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.serverlessspring.boot.routing.EventRoute;
import io.serverlessspring.boot.routing.LambdaEvent;
import io.serverlessspring.boot.settings.HttpSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Classification only, over every fixture in {@code src/test/resources/events}: each HTTP event is
 * accepted by exactly its own route, and no HTTP route claims any other kind of event (queues,
 * streams, schedules, envelopes, ...), whoever added the fixture.
 */
class HttpRouteShapesTest {

	static final Map<String, String> ROUTE_BY_FOLDER = Map.of("apigw-rest-v1", "apigw-rest-v1", "http-api-v2",
			"http-api-v2", "function-url", "function-url", "alb", "alb");

	static final List<EventRoute> ROUTES = List.of(new RestApiRoute(() -> null, new HttpSettings()),
			new HttpApiRoute(() -> null, new HttpSettings()), new FunctionUrlRoute(() -> null, new HttpSettings()),
			new AlbRoute(() -> null, new HttpSettings()));

	static Stream<Path> fixtures() throws URISyntaxException, IOException {
		Path root = Paths.get(HttpRouteShapesTest.class.getResource("/events").toURI());
		return Files.walk(root).filter((file) -> file.toString().endsWith(".json")).sorted();
	}

	@ParameterizedTest
	@MethodSource("fixtures")
	void eachEventIsClaimedByItsOwnHttpRouteOrByNone(Path fixture) {
		LambdaEvent event = LambdaEvent.parse(read(fixture));
		String folder = fixture.getParent().getFileName().toString();

		List<String> accepting = ROUTES.stream().filter((route) -> route.accepts(event)).map(EventRoute::name).toList();

		String expected = ROUTE_BY_FOLDER.get(folder);
		assertThat(accepting).as(folder + "/" + fixture.getFileName())
			.isEqualTo((expected != null) ? List.of(expected) : List.of());
	}

	private static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
