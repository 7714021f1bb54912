package io.serverlessspring.local.ec2;

import java.util.List;
import java.util.Map;

import io.serverlessspring.local.server.AwsException;
import io.serverlessspring.local.server.AwsRequest;
import io.serverlessspring.local.server.AwsResponse;
import io.serverlessspring.local.server.AwsService;
import io.serverlessspring.local.server.LocalContext;
import io.serverlessspring.local.server.Protocol;
import io.serverlessspring.local.server.Xml;

/**
 * EC2 (ec2 query protocol), only the account's default VPC, read-only: DescribeVpcs, DescribeSubnets
 * (one default subnet per availability zone) and DescribeSecurityGroups (its default group), what the
 * console reads to put a load balancer in the default VPC. Nothing is created or kept.
 */
public final class Ec2Service implements AwsService {

	private static final String NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";

	static final String VPC_ID = "vpc-00000000000000001";

	static final String SECURITY_GROUP_ID = "sg-00000000000000001";

	private static final int ZONES = 3;

	private LocalContext context;

	@Override
	public String signingName() {
		return "ec2";
	}

	@Override
	public Protocol protocol() {
		return Protocol.EC2;
	}

	@Override
	public void start(LocalContext context) {
		this.context = context;
	}

	@Override
	public AwsResponse handle(AwsRequest request) {
		String action = request.action();
		Map<String, String> form = request.form();
		Xml.Writer xml = Xml.writer(action + "Response", NAMESPACE);
		xml.element("requestId", request.requestId());
		switch (String.valueOf(action)) {
			case "DescribeVpcs" -> {
				xml.start("vpcSet");
				if (wanted(form, "vpc-id", VPC_ID) && wanted(form, "is-default", "true")) {
					xml.start("item").element("vpcId", VPC_ID).element("state", "available")
						.element("cidrBlock", "172.31.0.0/16").element("isDefault", true)
						.element("ownerId", this.context.accountId()).end();
				}
				xml.end();
			}
			case "DescribeSubnets" -> {
				xml.start("subnetSet");
				for (int zone = 0; zone < ZONES; zone++) {
					String id = subnetId(zone);
					if (wanted(form, "vpc-id", VPC_ID) && wanted(form, "default-for-az", "true")
							&& wanted(form, "subnet-id", id)) {
						xml.start("item").element("subnetId", id).element("vpcId", VPC_ID)
							.element("availabilityZone", this.context.region() + (char) ('a' + zone))
							.element("cidrBlock", "172.31." + (zone * 16) + ".0/20").element("defaultForAz", true)
							.element("mapPublicIpOnLaunch", true).element("state", "available")
							.element("availableIpAddressCount", 4091).element("ownerId", this.context.accountId()).end();
					}
				}
				xml.end();
			}
			case "DescribeSecurityGroups" -> {
				xml.start("securityGroupInfo");
				if (wanted(form, "vpc-id", VPC_ID) && wanted(form, "group-name", "default")) {
					xml.start("item").element("groupId", SECURITY_GROUP_ID).element("groupName", "default")
						.element("groupDescription", "default VPC security group").element("vpcId", VPC_ID)
						.element("ownerId", this.context.accountId()).end();
				}
				xml.end();
			}
			default -> throw AwsException.badRequest("InvalidAction", "The action " + action
					+ " is not served by the local cloud's EC2 (only the default VPC is described)");
		}
		return AwsResponse.xml(200, xml.toString());
	}

	static String subnetId(int zone) {
		return "subnet-0000000000000000" + (zone + 1);
	}

	/** Whether the request's {@code Filter.N.Name=name} filter (if any) lets {@code value} through. */
	private static boolean wanted(Map<String, String> form, String name, String value) {
		for (int i = 1; form.containsKey("Filter." + i + ".Name"); i++) {
			if (name.equals(form.get("Filter." + i + ".Name"))) {
				List<String> values = new java.util.ArrayList<>();
				for (int j = 1; form.containsKey("Filter." + i + ".Value." + j); j++) {
					values.add(form.get("Filter." + i + ".Value." + j));
				}
				return values.contains(value);
			}
		}
		return true;
	}

}
