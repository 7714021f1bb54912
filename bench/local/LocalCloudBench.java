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
 * serverless-local's numbers (printed, not asserted):
 * <ol>
 * <li>start-up: a fresh {@code java -jar serverless-local.jar --port 0} until it answers its health URL;</li>
 * <li>warm invoke overhead: client round trip of a RequestResponse Invoke minus the function's own
 * Duration (from its REPORT line), on a warm environment running a no-op handler;</li>
 * <li>HTTP API load: {@code -Dload.requests} (10000) GETs at concurrency {@code -Dload.concurrency} (16)
 * through a deployed function's HTTP API, against a cloud started as the console starts it
 * ({@code java -Xmx512m -jar serverless-local.jar}): throughput, p50/p99, errors, and the cloud's RSS.</li>
 * </ol>
 * Run after {@code mvn -pl serverless-local -am package -DskipTests}, from the repository root:
 * {@code java -cp serverless-local/target/serverless-local.jar bench/local/LocalCloudBench.java}
 * ({@code -Dparts=startup,invoke,load} to choose). Loopback only.
 */
public class LocalCloudBench {

	private static final int STARTS = Integer.getInteger("starts", 5);

	private static final int WARMUP = Integer.getInteger("warmup", 200);

	private static final int INVOKES = Integer.getInteger("invokes", 1000);

	private static final int LOAD_REQUESTS = Integer.getInteger("load.requests", 10_000);

	private static final int LOAD_CONCURRENCY = Integer.getInteger("load.concurrency", 16);

	private static final String PARTS = System.getProperty("parts", "startup,invoke,load");

	private static final Pattern DURATION = Pattern.compile("Duration: ([0-9.]+) ms");

	public static void main(String[] args) throws Exception {
		Path jar = Path.of("serverless-local/target/serverless-local.jar");
		if (!Files.exists(jar)) {
			throw new IllegalStateException("Build it first: mvn -pl serverless-local -am package -DskipTests");
		}
		if (PARTS.contains("startup")) {
			startUp(jar);
		}
		if (PARTS.contains("invoke")) {
			warmInvoke();
		}
		if (PARTS.contains("load")) {
			httpApiLoad(jar);
		}
	}

	private static void httpApiLoad(Path jar) throws Exception {
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar",
				jar.toString(), "--port", "0").redirectErrorStream(true).start();
		// not closed here: the drain thread reads it until the process ends (closing would wait for it)
		BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		try {
			Matcher endpoint = Pattern.compile("(http://127.0.0.1:\\d+)").matcher(String.valueOf(out.readLine()));
			if (!endpoint.find()) {
				throw new IllegalStateException("the cloud did not start");
			}
			Thread drain = new Thread(() -> out.lines().forEach((line) -> { }), "cloud-output");
			drain.setDaemon(true);
			drain.start();
			String base = endpoint.group(1);
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			call(http, base, "iam", "POST", "/", "Action=CreateRole&RoleName=bench&AssumeRolePolicyDocument="
					+ java.net.URLEncoder.encode("{\"Statement\":[]}", StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
			String zip = Base64.getEncoder().encodeToString(compiledPackage("HttpNoop",
					"public class HttpNoop { public java.util.Map<String, Object> handle(java.util.Map<String, Object> event) {"
							+ " return java.util.Map.of(\"statusCode\", 200, \"body\", \"ok\"); } }"));
			String created = call(http, base, "lambda", "POST", "/2015-03-31/functions", "{\"FunctionName\":\"http-noop\","
					+ "\"Runtime\":\"java17\",\"Handler\":\"HttpNoop::handle\",\"Role\":\"arn:aws:iam::000000000000:role/bench\","
					+ "\"MemorySize\":512,\"Timeout\":30,\"Code\":{\"ZipFile\":\"" + zip + "\"}}", "application/json").body();
			String functionArn = created.replaceAll(".*\"FunctionArn\":\"([^\"]+)\".*", "$1");
			while (!call(http, base, "lambda", "GET", "/2015-03-31/functions/http-noop/configuration", null, null).body().contains("\"Active\"")) {
				Thread.sleep(20);
			}
			call(http, base, "lambda", "POST", "/2015-03-31/functions/http-noop/policy", "{\"StatementId\":\"apigateway\","
					+ "\"Action\":\"lambda:InvokeFunction\",\"Principal\":\"apigateway.amazonaws.com\"}", "application/json");
			String api = call(http, base, "apigateway", "POST", "/v2/apis", "{\"name\":\"bench\",\"protocolType\":\"HTTP\","
					+ "\"target\":\"" + functionArn + "\"}", "application/json").body();
			URI url = URI.create(api.replaceAll(".*\"apiEndpoint\":\"([^\"]+)\".*", "$1") + "/pets");
			for (int i = 0; i < WARMUP; i++) { // starts the environments and warms both JVMs
				http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
			}

			long pid = process.pid();
			java.util.concurrent.atomic.AtomicLong peakRss = new java.util.concurrent.atomic.AtomicLong(rssKilobytes(pid));
			java.util.concurrent.ScheduledExecutorService sampler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
			sampler.scheduleAtFixedRate(() -> peakRss.accumulateAndGet(rssKilobytes(pid), Math::max), 0, 100,
					java.util.concurrent.TimeUnit.MILLISECONDS);
			long rssBefore = rssKilobytes(pid);
			double[] latencies = new double[LOAD_REQUESTS];
			java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
			java.util.concurrent.atomic.AtomicInteger errors = new java.util.concurrent.atomic.AtomicInteger();
			java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(LOAD_CONCURRENCY);
			long started = System.nanoTime();
			for (int c = 0; c < LOAD_CONCURRENCY; c++) {
				clients.execute(() -> {
					for (int i; (i = next.getAndIncrement()) < LOAD_REQUESTS;) {
						long sent = System.nanoTime();
						try {
							HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(java.time.Duration.ofSeconds(60)).build(),
									HttpResponse.BodyHandlers.ofString());
							if (response.statusCode() != 200 || !"ok".equals(response.body())) {
								errors.incrementAndGet();
							}
						}
						catch (Exception ex) {
							errors.incrementAndGet();
						}
						latencies[i] = (System.nanoTime() - sent) / 1e6;
					}
				});
			}
			clients.shutdown();
			if (!clients.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES)) {
				clients.shutdownNow();
				throw new IllegalStateException("the load did not finish within 10 minutes");
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			sampler.shutdownNow();
			long rssAfter = rssKilobytes(pid);
			peakRss.accumulateAndGet(rssAfter, Math::max);
			long functionRss = process.descendants().mapToLong((child) -> rssKilobytes(child.pid())).sum();
			List<Double> sorted = new ArrayList<>();
			for (double latency : latencies) {
				sorted.add(latency);
			}
			System.out.printf(Locale.ROOT, "HTTP API load, %d GETs at concurrency %d (after %d warm-up): %.0f requests/s, "
					+ "p50 %.2f ms / p99 %.2f ms / max %.2f ms, %d errors; cloud RSS %d MB before, %d MB after, peak %d MB "
					+ "(-Xmx512m); function JVMs %d MB in all%n", LOAD_REQUESTS, LOAD_CONCURRENCY, WARMUP, LOAD_REQUESTS / seconds,
					percentile(sorted, 50), percentile(sorted, 99), Collections.max(sorted), errors.get(), rssBefore / 1024,
					rssAfter / 1024, peakRss.get() / 1024, functionRss / 1024);
		}
		finally {
			process.descendants().forEach(ProcessHandle::destroy);
			process.destroy();
			process.waitFor();
		}
	}

	/** A process's resident set (VmRSS of /proc/<pid>/status), in KB; 0 when it is gone. */
	private static long rssKilobytes(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (Exception gone) {
			// ended meanwhile
		}
		return 0;
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
			String zip = Base64.getEncoder().encodeToString(compiledPackage("Noop",
					"public class Noop { public String handle(String in) { return in; } }"));
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

	/** A Lambda package of one handler class without dependencies, compiled from {@code source}. */
	private static byte[] compiledPackage(String className, String source) throws Exception {
		Path directory = Files.createTempDirectory("handler");
		Files.writeString(directory.resolve(className + ".java"), source);
		if (ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17",
				directory.resolve(className + ".java").toString()) != 0) {
			throw new IllegalStateException("could not compile " + className);
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry(className + ".class"));
			zip.write(Files.readAllBytes(directory.resolve(className + ".class")));
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

	/** The local cloud routes on the credential scope; without --strict-auth it checks the signature's shape, not its value. */
	private static String authorization(String service) {
		return "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/" + service + "/aws4_request, SignedHeaders=host, Signature=0";
	}

	private static double percentile(List<Double> values, int percentile) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
	}

}
