package io.serverlessspring.shell.plan;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One change of a {@link Plan}: an immutable value saying what happens to which resource, which
 * fields change (before and after, secrets masked) and which values it takes from earlier changes
 * ({@link Value.Ref}). Planners make them, the executor applies them with one handler per type,
 * renderers print them; nothing else decides anything about them.
 */
public sealed interface ResourceChange permits StageChanges.Role, StageChanges.RolePolicy,
		StageChanges.RoleAttachments, StageChanges.Bucket, StageChanges.PackageObject, StageChanges.LogGroup,
		StageChanges.ScheduleGroup, StageChanges.Schedule, FunctionChanges.Function, FunctionChanges.Configuration,
		FunctionChanges.Code, FunctionChanges.Tags, FunctionChanges.Version, FunctionChanges.Alias,
		FunctionChanges.Concurrency, HttpChanges.HttpApi, HttpChanges.RestApi, HttpChanges.FunctionUrl,
		HttpChanges.Permission, HttpChanges.DomainMapping, HttpSecurityChanges.Cors, HttpSecurityChanges.Authorizer,
		HttpSecurityChanges.RouteAuthorization, HttpSecurityChanges.ApiStage, HttpSecurityChanges.RestSettings,
		HttpSecurityChanges.RestMethods, HttpSecurityChanges.UsagePlan, HttpSecurityChanges.ApiKey,
		HttpSecurityChanges.RestAuthorizer, HttpSecurityChanges.RestCors,
		EventChanges.EventSource, EventChanges.TaskTable, EventChanges.Topic, EventChanges.Queue, EventRuleChanges.Rule,
		EventTriggerChanges.LogSubscription, EventTriggerChanges.PoolTriggers, EventTriggerChanges.BotAliasCodeHook,
		CertifyChanges.Certificate,
		CertifyChanges.ValidationRecord, CertifyChanges.Issuance, CertifyChanges.DomainName, CertifyChanges.ApiMapping,
		CertifyChanges.AliasRecord, WebSocketChanges.WebSocketApi, AlbChanges.LoadBalancer, AlbChanges.TargetGroup,
		AlbChanges.TargetRegistration, AlbChanges.Listener, AlbChanges.ListenerRule, LayerChanges.LayerVersion,
		TableStreamChanges.Stream {

	Action action();

	/** The resource kind, e.g. {@code function}, {@code role policy}, {@code event source mapping}. */
	String kind();

	/** The resource's name or id. */
	String resource();

	/** The fields it sets (for a create, each field's after value; for a delete, none). */
	List<FieldChange> fields();

	/** Why or what, in a few words for the printout; by default the changed fields. */
	String detail();

	/** {@code create}, {@code update}, … ({@code upload}, {@code publish} where that says more). */
	default String verb() {
		return action().verb();
	}

	/** What the printout names: the kind and the resource. */
	default String label() {
		return kind() + " " + resource();
	}

	/** {@code create function petstore-dev (java21, 512 MB)}: one line of the plan. */
	default String describe() {
		String detail = detail();
		return verb() + " " + label() + ((detail == null || detail.isEmpty()) ? "" : " (" + detail + ")");
	}

	/** The fields as {@code name before -> after}, comma-separated. */
	static String describe(List<FieldChange> fields) {
		return fields.stream().map(FieldChange::describe).collect(Collectors.joining(", "));
	}

}
