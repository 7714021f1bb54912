package io.serverlessspring.shell.certify;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.serverlessspring.shell.aws.AwsClients;
import io.serverlessspring.shell.execute.Executor;
import io.serverlessspring.shell.plan.CertifyPlanner;
import io.serverlessspring.shell.plan.Plan;
import io.serverlessspring.shell.state.DomainStateReader;
import io.serverlessspring.shell.state.DomainStateReader.ActualDomain;

/**
 * Puts a stage's API behind a custom domain as a plan, like deploy: reads what exists
 * ({@link DomainStateReader}), plans what is missing or different ({@link CertifyPlanner}) and
 * applies it through the one {@link Executor}; each part already in place is left alone.
 */
public class DomainCertifier {

	private final Executor executor;

	public DomainCertifier(Executor executor) {
		this.executor = executor;
	}

	/**
	 * Where to look for what exists.
	 *
	 * @param domain the domain, e.g. {@code api.example.com}
	 * @param certificateArn a certificate to use, or {@code null} to find or request one
	 * @param hostedZoneId the zone to write to, or {@code null} to find it by name
	 */
	public record Target(String domain, String certificateArn, String hostedZoneId) {
	}

	/** A plan and the state it was made from. */
	public record Planned(Plan plan, ActualDomain actual) {
	}

	public Planned plan(AwsClients clients, Target target, CertifyPlanner.Request request) {
		ActualDomain actual = DomainStateReader.read(clients, target.domain(), request.basePath(), target.certificateArn(),
				target.hostedZoneId());
		return new Planned(CertifyPlanner.plan(request, actual), actual);
	}

	public void execute(Planned planned, AwsClients clients, Consumer<String> progress) {
		this.executor.execute(planned.plan(), clients, progress);
	}

	/**
	 * The DNS records the user must create where the domain is hosted, read after the plan was applied:
	 * none when the domain's zone is in Route 53.
	 */
	public static List<String> manualRecords(AwsClients clients, Target target, String basePath) {
		ActualDomain actual = DomainStateReader.read(clients, target.domain(), basePath, target.certificateArn(),
				target.hostedZoneId());
		List<String> records = new ArrayList<>();
		if (actual.zone() != null) {
			return records;
		}
		if (actual.certificate() != null && !actual.certificate().issued()) {
			records.add((actual.certificate().validationName() != null)
					? actual.certificate().validationName() + ". CNAME " + actual.certificate().validationValue()
					: "(ACM has not given the certificate's validation record yet: run certify again to see it)");
		}
		if (actual.domainName() != null) {
			records.add(actual.domain() + " CNAME " + actual.domainName().targetDomain());
		}
		return records;
	}

	/** {@code https://api.example.com/v1/}. */
	public static String url(String domain, String basePath) {
		return "https://" + DomainStateReader.normalize(domain) + (basePath.isEmpty() ? "/" : "/" + basePath + "/");
	}

}
