package io.serverlessspring.shell.plan;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Changes that put a stage's API on a custom domain ({@code certify}): the certificate, its DNS
 * validation record, the wait for ACM to issue it, the API Gateway domain name, the API mapping and
 * the alias record. Values made by an earlier change of the plan are {@link Value.Ref}s to the outputs named here.
 */
public final class CertifyChanges {

	/** The ARN of the certificate just requested. */
	public static final String CERTIFICATE_ARN = "certificateArn";

	/** The API Gateway domain the alias record points at (output of the domain name's create). */
	public static final String TARGET_DOMAIN = "targetDomain";

	/** The hosted zone of {@link #TARGET_DOMAIN}. */
	public static final String TARGET_ZONE_ID = "targetZoneId";

	private CertifyChanges() {
	}

	/** How long a handler waits for ACM (its validation record, the issuance) and how often it asks. */
	public record Waits(Duration timeout, Duration pollInterval) {
	}

	/** A DNS-validated certificate for the domain, requested; outputs {@link #CERTIFICATE_ARN}. */
	public record Certificate(Action action, String domain, Map<String, String> tags, String detail,
			List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "certificate";
		}

		@Override
		public String resource() {
			return this.domain;
		}

		@Override
		public String verb() {
			return "request";
		}

	}

	/**
	 * The certificate's DNS validation CNAME in the hosted zone; {@code name}/{@code value}
	 * {@code null} when the certificate is requested in the same plan (read from ACM when applied).
	 */
	public record ValidationRecord(Action action, String zoneId, Value certificateArn, String name, String value,
			Waits waits, String detail, List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "validation record";
		}

		@Override
		public String resource() {
			return (this.name != null) ? this.name + " CNAME" : "CNAME of " + this.certificateArn;
		}

		@Override
		public String verb() {
			return "write";
		}

	}

	/** Waiting until ACM has issued the certificate (the change its DNS validation makes). */
	public record Issuance(Action action, Value certificateArn, Waits waits, String detail, List<FieldChange> fields)
			implements ResourceChange {

		@Override
		public String kind() {
			return "certificate";
		}

		@Override
		public String resource() {
			return this.certificateArn.toString();
		}

		@Override
		public String verb() {
			return "wait for issue of";
		}

	}

	/** The regional API Gateway domain name with the certificate; outputs {@link #TARGET_DOMAIN}, {@link #TARGET_ZONE_ID}. */
	public record DomainName(Action action, String domain, Value certificateArn, Map<String, String> tags,
			String detail, List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "API Gateway domain name";
		}

		@Override
		public String resource() {
			return this.domain;
		}

	}

	/** The API mapping at the base path ({@code ""}: the whole domain); {@code mappingId} set for an update. */
	public record ApiMapping(Action action, String domain, String basePath, String apiId, String apiStage,
			String mappingId, String detail, List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "API mapping";
		}

		@Override
		public String resource() {
			return this.domain + "/" + this.basePath;
		}

	}

	/** The Route 53 alias A record of the domain, pointing at the domain name's target. */
	public record AliasRecord(Action action, String zoneId, String domain, Value target, Value targetZoneId,
			String detail, List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "alias record";
		}

		@Override
		public String resource() {
			return this.domain + " A";
		}

		@Override
		public String verb() {
			return "write";
		}

	}

}
