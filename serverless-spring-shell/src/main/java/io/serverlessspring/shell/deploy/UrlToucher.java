package io.serverlessspring.shell.deploy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.serverlessspring.shell.aws.AwsTarget;
import io.serverlessspring.shell.render.ConsoleIo;

/**
 * Calls the URL once after a deploy (as Zappa does): it starts the first execution environment and
 * shows at once whether the app answers. A 4xx/5xx answer is a warning with the response's first
 * lines, never "touched" with a {@code curl} to try.
 */
public class UrlToucher {

	/** How many lines of a failing response are shown. */
	static final int SHOWN_LINES = 5;

	/** Made at the first touch: an HttpClient loads TLS and its selector thread, which a deploy without a URL and every other command never use. */
	private static final class TouchClient {

		static final HttpClient INSTANCE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	}

	/**
	 * What the touch found.
	 *
	 * @param uri what was called
	 * @param status the HTTP status, or {@code -1} when there was no answer (see {@code problem}),
	 * {@code 0} when not touched
	 * @param problem why there was no answer, or {@code null}
	 */
	public record Touch(URI uri, int status, String problem) {

		/** The app answered with an error, or did not answer. */
		public boolean failed() {
			return this.status >= 400 || this.status == -1;
		}

		/** The function is broken (5xx, or no answer at all), not only the path. */
		public boolean functionFailed() {
			return this.status >= 500 || this.status == -1;
		}

	}

	public Touch touch(String url, String path, AwsTarget target, ConsoleIo io) {
		URI uri = URI.create(url.endsWith("/") && path.startsWith("/") ? url + path.substring(1)
				: url.endsWith("/") || path.startsWith("/") ? url + path : url + "/" + path);
		if (target.emulated() && !isLocal(uri)) {
			io.println("(not touched: " + uri.getHost() + " is not served by the emulator at " + target.endpoint() + ")");
			return new Touch(uri, 0, null);
		}
		io.println("Touching " + uri + " (waiting for the first execution environment to start) ...");
		long started = System.nanoTime();
		try {
			HttpResponse<String> response = TouchClient.INSTANCE.send(
					HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			double seconds = (System.nanoTime() - started) / 1e9;
			if (response.statusCode() >= 400) {
				io.println(String.format("Warning: GET %s answered HTTP %d in %.1f s:", uri, response.statusCode(), seconds));
				firstLines(response.body()).forEach(line -> io.println("  " + line));
			}
			else {
				io.println(String.format("Touched %s: HTTP %d in %.1f s", uri, response.statusCode(), seconds));
				io.println("Try: curl " + uri);
			}
			return new Touch(uri, response.statusCode(), null);
		}
		catch (Exception ex) {
			String problem = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
			io.println("Warning: GET " + uri + " got no answer (" + problem + ").");
			return new Touch(uri, -1, problem);
		}
	}

	static List<String> firstLines(String body) {
		if (body == null || body.isBlank()) {
			return List.of("(empty body)");
		}
		return Arrays.stream(body.strip().split("\r?\n")).limit(SHOWN_LINES).toList();
	}

	private static boolean isLocal(URI uri) {
		String host = uri.getHost();
		return host != null && (host.equals("localhost") || host.equals("127.0.0.1") || host.endsWith(".localhost"));
	}

}
