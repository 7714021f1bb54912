import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.tools.ToolProvider;

import io.serverlessspring.local.LocalCloud;

/**
 * serverless-local's two numbers (printed, not asserted):
 * <ol>
 * <li>start-up: a fresh {@code java -jar serverless-local.jar --port 0} until it answers its health URL;</li>
 * <li>warm invoke overhead: client round trip of a RequestResponse Invoke minus the function's own
 * Duration (from its REPORT line), on a warm environment running a no-op handler.</li>
 * </ol>
 * Run after {@code mvn -pl serverless-local -am package -DskipTests}, from the repository root:
 * {@code java -cp serverless-local/target/serverless-local.jar bench/local/LocalCloudBench.java}
 */
public class LocalCloudBench {

	private static final int STARTS = Integer.getInteger("starts", 5);

	private static final int WARMUP = Integer.getInteger("warmup", 200);

	private static final int INVOKES = Integer.getInteger("invokes", 1000);

	private static final Pattern DURATION = Pattern.compile("Duration: ([0-9.]+) ms");

	public static void main(String[] args) throws Exception {
		Path jar = Path.of("serverless-local/target/serverless-local.jar");
		if (!Files.exists(jar)) {
			throw new IllegalStateException("Build it first: mvn -pl serverless-local -am package -DskipTests");
		}
		startUp(jar);
		warmInvoke();
	}

	private static void startUp(Path jar) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < STARTS + 1; i++) {
			long started = System.nanoTime();
			Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
					jar.toString(), "--port", "0").redirectErrorStream(true).start();
			try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line = out.readLine();
				Matcher endpoint = Pattern.compile("(http://127.0.0.1:\\d+)").matcher(String.valueOf(line));
				if (!endpoint.find()) {
					throw new IllegalStateException("Unexpected first line: " + line);
				}
				HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(endpoint.group(1) + "/_local/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				double elapsed = (System.nanoTime() - started) / 1e6;
				if (health.statusCode() != 200) {
					throw new IllegalStateException("health answered " + health.statusCode());
				}
				if (i > 0) { // the first run warms the file cache
					millis.add(elapsed);
				}
			}
			finally {
				process.destroy();
				process.waitFor();
			}
		}
		System.out.printf(Locale.ROOT, "start-up (JVM launch -> health answered), %d runs: median %.0f ms, max %.0f ms%n",
				millis.size(), percentile(millis, 50), Collections.max(millis));
	}

	private static void warmInvoke() throws Exception {
		try (LocalCloud cloud = LocalCloud.start(0)) {
			String base = cloud.endpoint().toString();
			HttpClient http = HttpClient.newHttpClient();
			call(http, base, "iam", "POST", "/", "Action=CreateRole&RoleName=bench&AssumeRolePolicyDocument="
					+ java.net.URLEncoder.encode("{\"Statement\":[]}", StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
			String zip = Base64.getEncoder().encodeToString(noopPackage());
			call(http, base, "lambda", "POST", "/2015-03-31/functions", "{\"FunctionName\":\"noop\",\"Runtime\":\"java17\","
					+ "\"Handler\":\"Noop::handle\",\"Role\":\"arn:aws:iam::000000000000:role/bench\",\"MemorySize\":512,"
					+ "\"Code\":{\"ZipFile\":\"" + zip + "\"}}", "application/json");
			while (!call(http, base, "lambda", "GET", "/2015-03-31/functions/noop/configuration", null, null).body().contains("\"Active\"")) {
				Thread.sleep(20);
			}
			List<Double> roundTrips = new ArrayList<>();
			List<Double> durations = new ArrayList<>();
			List<Double> overheads = new ArrayList<>();
			for (int i = 0; i < WARMUP + INVOKES; i++) {
				long started = System.nanoTime();
				HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/2015-03-31/functions/noop/invocations"))
					.header("Authorization", authorization("lambda"))
					.header("X-Amz-Log-Type", "Tail")
					.POST(HttpRequest.BodyPublishers.ofString("\"ping\"")).build(), HttpResponse.BodyHandlers.ofString());
				double roundTrip = (System.nanoTime() - started) / 1e6;
				if (response.statusCode() != 200 || response.headers().firstValue("X-Amz-Function-Error").isPresent()) {
					throw new IllegalStateException("invoke failed: " + response.statusCode() + " " + response.body());
				}
				String tail = new String(Base64.getDecoder().decode(response.headers().firstValue("X-Amz-Log-Result").orElseThrow()),
						StandardCharsets.UTF_8);
				Matcher duration = DURATION.matcher(tail);
				if (!duration.find()) {
					throw new IllegalStateException("no REPORT duration in " + tail);
				}
				if (i >= WARMUP) {
					double own = Double.parseDouble(duration.group(1));
					roundTrips.add(roundTrip);
					durations.add(own);
					overheads.add(roundTrip - own);
				}
			}
			System.out.printf(Locale.ROOT, "warm invoke, %d invocations after %d warm-up: round trip p50 %.2f ms / p99 %.2f ms; "
					+ "function's own Duration p50 %.2f ms; added by the local cloud p50 %.2f ms / p90 %.2f ms / p99 %.2f ms%n",
					INVOKES, WARMUP, percentile(roundTrips, 50), percentile(roundTrips, 99), percentile(durations, 50),
					percentile(overheads, 50), percentile(overheads, 90), percentile(overheads, 99));
		}
	}

	/** A handler without dependencies: {@code Noop::handle} echoes its (String) event. */
	private static byte[] noopPackage() throws Exception {
		Path source = Files.createTempDirectory("noop");
		Files.writeString(source.resolve("Noop.java"), "public class Noop { public String handle(String in) { return in; } }");
		if (ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17", source.resolve("Noop.java").toString()) != 0) {
			throw new IllegalStateException("could not compile the no-op handler");
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("Noop.class"));
			zip.write(Files.readAllBytes(source.resolve("Noop.class")));
			zip.closeEntry();
		}
		return bytes.toByteArray();
	}

	private static HttpResponse<String> call(HttpClient http, String base, String service, String method, String path, String body,
			String contentType) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization(service));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		request.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return response;
	}

	/** The local cloud routes on the credential scope and does not check signatures. */
	private static String authorization(String service) {
		return "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/" + service + "/aws4_request, SignedHeaders=host, Signature=0";
	}

	private static double percentile(List<Double> values, int percentile) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
	}

}
