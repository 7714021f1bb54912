package io.serverlessspring.shell.deploy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.serverlessspring.shell.aws.AwsTarget;
import io.serverlessspring.shell.render.ConsoleIo;

/**
 * Calls the URL once after a deploy (as Zappa does): it starts the first execution environment and
 * shows at once whether the app answers.
 */
public class UrlToucher {

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	public void touch(String url, String path, AwsTarget target, ConsoleIo io) {
		URI uri = URI.create(url.endsWith("/") && path.startsWith("/") ? url + path.substring(1)
				: url.endsWith("/") || path.startsWith("/") ? url + path : url + "/" + path);
		if (target.emulated() && !isLocal(uri)) {
			io.println("(not touched: " + uri.getHost() + " is not served by the emulator at " + target.endpoint() + ")");
			return;
		}
		long started = System.nanoTime();
		try {
			HttpResponse<String> response = this.client.send(
					HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			io.println(String.format("Touched %s: HTTP %d in %.1f s", uri, response.statusCode(),
					(System.nanoTime() - started) / 1e9));
			io.println("Try: curl " + uri);
		}
		catch (Exception ex) {
			io.println("Warning: touching " + uri + " failed (" + ex.getMessage() + "); run './serverless status' to check.");
		}
	}

	private static boolean isLocal(URI uri) {
		String host = uri.getHost();
		return host != null && (host.equals("localhost") || host.equals("127.0.0.1") || host.endsWith(".localhost"));
	}

}
