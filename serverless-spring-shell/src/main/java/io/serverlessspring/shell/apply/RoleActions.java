package io.serverlessspring.shell.apply;

import java.util.List;

import io.serverlessspring.shell.model.Names;
import io.serverlessspring.shell.model.RoleSpec;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.Tag;

/** IAM roles the console manages: created with a trust policy, an inline least-privilege policy and tags. */
public final class RoleActions {

	private RoleActions() {
	}

	public static void create(ApplyContext ctx, RoleSpec role) {
		List<Tag> tags = ctx.desired()
			.tags()
			.entrySet()
			.stream()
			.map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
			.toList();
		CreateRoleRequest.Builder request = CreateRoleRequest.builder()
			.roleName(role.name())
			.assumeRolePolicyDocument(role.trustDocument())
			.description("Managed by serverless-spring for " + ctx.desired().functionName())
			.tags(tags);
		if (role.permissionsBoundary() != null) {
			request.permissionsBoundary(role.permissionsBoundary());
		}
		try {
			ctx.clients().iam().createRole(request.build());
		}
		catch (EntityAlreadyExistsException ex) {
			updateTrust(ctx, role);
		}
	}

	public static void updateTrust(ApplyContext ctx, RoleSpec role) {
		ctx.clients().iam().updateAssumeRolePolicy(b -> b.roleName(role.name()).policyDocument(role.trustDocument()));
	}

	public static void putPolicy(ApplyContext ctx, RoleSpec role) {
		ctx.clients()
			.iam()
			.putRolePolicy(b -> b.roleName(role.name()).policyName(Names.POLICY_NAME).policyDocument(role.policyDocument()));
	}

	public static void attach(ApplyContext ctx, RoleSpec role, List<String> current) {
		for (String arn : role.attachedPolicies()) {
			if (!current.contains(arn)) {
				ctx.clients().iam().attachRolePolicy(b -> b.roleName(role.name()).policyArn(arn));
			}
		}
		for (String arn : current) {
			if (!role.attachedPolicies().contains(arn)) {
				ctx.clients().iam().detachRolePolicy(b -> b.roleName(role.name()).policyArn(arn));
			}
		}
	}

}
