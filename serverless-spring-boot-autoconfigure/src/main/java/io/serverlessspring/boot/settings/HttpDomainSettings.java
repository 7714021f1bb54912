package io.serverlessspring.boot.settings;

/**
 * {@code serverless.http.domain.*}: the custom domain {@code certify} puts in front of the stage's
 * API (certificate, API Gateway domain name and mapping, Route 53 alias record).
 */
public class HttpDomainSettings {

	/** The domain name, e.g. {@code api.example.com}. */
	private String name;

	/**
	 * The path under the domain the API is mapped at, e.g. {@code v1} for {@code https://api.example.com/v1};
	 * empty maps the whole domain. Default: {@code serverless.http.base-path}.
	 */
	private String basePath;

	/** An existing ACM certificate to use instead of finding or requesting one. */
	private String certificateArn;

	/** The Route 53 hosted zone to write records in; default: the zone whose name ends the domain. */
	private String hostedZoneId;

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getBasePath() {
		return this.basePath;
	}

	public void setBasePath(String basePath) {
		this.basePath = basePath;
	}

	public String getCertificateArn() {
		return this.certificateArn;
	}

	public void setCertificateArn(String certificateArn) {
		this.certificateArn = certificateArn;
	}

	public String getHostedZoneId() {
		return this.hostedZoneId;
	}

	public void setHostedZoneId(String hostedZoneId) {
		this.hostedZoneId = hostedZoneId;
	}

}
