package io.serverlessspring.local.lambda;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.node.ObjectNode;

/**
 * One function: its {@code $LATEST} configuration and published versions (kept as the
 * {@code FunctionConfiguration} JSON Lambda returns, since most members are echoed as given), typed
 * aliases and resource policy, URLs, concurrency and tags. Saved as JSON with the state. Code lives in the {@link CodeStore},
 * referenced by key per version.
 */
public final class LambdaFunction {

	public static final String LATEST = "$LATEST";

	private static final DateTimeFormatter LAST_MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

	public String name;

	/** {@code FunctionConfiguration} of {@code $LATEST}, as returned on the wire. */
	public ObjectNode latest;

	/** Published versions' configurations by number. */
	public TreeMap<Integer, ObjectNode> versions = new TreeMap<>();

	/** Code key per version ("$LATEST", "1", …). */
	public Map<String, String> codeKeys = new LinkedHashMap<>();

	public int nextVersion = 1;

	/** Aliases by name. */
	public TreeMap<String, FunctionAlias> aliases = new TreeMap<>();

	/** Resource-policy statements (AddPermission), in order. */
	public List<PolicyStatement> statements = new ArrayList<>();

	/** {@code FunctionUrlConfig} by qualifier ("$LATEST" for none). */
	public Map<String, ObjectNode> urls = new LinkedHashMap<>();

	public Integer reservedConcurrency;

	/** Asynchronous invocation configurations (retries, event age, destinations) by qualifier. */
	public Map<String, ObjectNode> eventInvokeConfigs = new LinkedHashMap<>();

	/** Provisioned concurrency configurations by qualifier (alias or version). */
	public Map<String, ObjectNode> provisioned = new LinkedHashMap<>();

	public Map<String, String> tags = new LinkedHashMap<>();

	/** The configuration of a version ("$LATEST" or a number), or null. */
	ObjectNode configuration(String version) {
		if (LATEST.equals(version)) {
			return this.latest;
		}
		try {
			return this.versions.get(Integer.parseInt(version));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** Now, in the form of a configuration's {@code LastModified}. */
	static String lastModifiedNow() {
		return ZonedDateTime.now(ZoneOffset.UTC).format(LAST_MODIFIED);
	}

}
