package io.serverlessspring.boot.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Real-format AWS events kept under {@code src/test/resources/events/<type>/}. */
public final class Fixtures {

	private Fixtures() {
	}

	/** The fixture at {@code events/<path>}. */
	public static String event(String path) {
		try (InputStream in = Fixtures.class.getResourceAsStream("/events/" + path)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture events/" + path);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
