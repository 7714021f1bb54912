package io.serverlessspring.maven.goals;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import io.serverlessspring.maven.console.ConsoleCommandLine;

/** {@code mvn serverless:certify -Dserverless.stage=prod}: puts the stage's API on a custom domain (certificate, domain, DNS). */
@Mojo(name = "certify", threadSafe = true)
public class CertifyMojo extends AbstractChangeMojo {

	/** The domain (default: the stage's {@code serverless.http.domain.name}). */
	@Parameter(property = "serverless.domain")
	String domain;

	/** The path the API is mapped at. */
	@Parameter(property = "serverless.basePath")
	String basePath;

	/** An existing ACM certificate instead of requesting one. */
	@Parameter(property = "serverless.certificateArn")
	String certificateArn;

	@Override
	protected ConsoleCommandLine commandLine() throws MojoFailureException {
		return changeCommand("certify").option("domain", this.domain)
			.option("base-path", this.basePath)
			.option("certificate-arn", this.certificateArn);
	}

}
