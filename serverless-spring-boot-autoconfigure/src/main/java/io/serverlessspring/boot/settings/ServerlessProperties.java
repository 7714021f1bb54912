package io.serverlessspring.boot.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Every {@code serverless.*} setting, stage by stage in {@code application-<stage>.yml}.
 *
 * <p>The same tree is bound by the function at run time and by the console at deploy time, so
 * one set of configuration-processor metadata documents both. Each group lives in its own class.
 */
@ConfigurationProperties(prefix = "serverless")
public class ServerlessProperties {

	/** The stage this configuration is for (dev, prod, ...). Set from SERVERLESS_STAGE when deployed. */
	private String stage;

	/** The Lambda function: name, runtime, memory, timeout, environment, ... */
	@NestedConfigurationProperty
	private FunctionSettings function = new FunctionSettings();

	/** Where and how the console deploys: region, bucket, endpoint, versions kept. */
	@NestedConfigurationProperty
	private DeploySettings deploy = new DeploySettings();

	/** The execution role and its permissions. */
	@NestedConfigurationProperty
	private IamSettings iam = new IamSettings();

	/** The HTTP front (HTTP API, REST API, function URL, ALB) and how requests reach the app. */
	@NestedConfigurationProperty
	private HttpSettings http = new HttpSettings();

	/** {@code @ServerlessTask} execution. */
	@NestedConfigurationProperty
	private TaskSettings tasks = new TaskSettings();

	/** {@code @Scheduled} methods bridged to EventBridge. */
	@NestedConfigurationProperty
	private ScheduleSettings schedules = new ScheduleSettings();

	/** Keep-warm pings. */
	@NestedConfigurationProperty
	private KeepWarmSettings keepWarm = new KeepWarmSettings();

	/** Remote commands (the console's invoke and manage). */
	@NestedConfigurationProperty
	private CommandSettings commands = new CommandSettings();

	/** AWS event sources (S3, SNS, SQS, DynamoDB, Kinesis, EventBridge) bound to functions by properties. */
	@NestedConfigurationProperty
	private EventSettings events = new EventSettings();

	/** Logs: retention and level. */
	@NestedConfigurationProperty
	private LogSettings logs = new LogSettings();

	/** SnapStart runtime hooks: priming before the snapshot, refresh after restore. */
	@NestedConfigurationProperty
	private SnapStartSettings snapStart = new SnapStartSettings();

	/** Shell commands run before packaging and after deploying (the console's deploy hooks). */
	@NestedConfigurationProperty
	private HookSettings hooks = new HookSettings();

	public String getStage() {
		return this.stage;
	}

	public void setStage(String stage) {
		this.stage = stage;
	}

	public FunctionSettings getFunction() {
		return this.function;
	}

	public void setFunction(FunctionSettings function) {
		this.function = function;
	}

	public DeploySettings getDeploy() {
		return this.deploy;
	}

	public void setDeploy(DeploySettings deploy) {
		this.deploy = deploy;
	}

	public IamSettings getIam() {
		return this.iam;
	}

	public void setIam(IamSettings iam) {
		this.iam = iam;
	}

	public HttpSettings getHttp() {
		return this.http;
	}

	public void setHttp(HttpSettings http) {
		this.http = http;
	}

	public TaskSettings getTasks() {
		return this.tasks;
	}

	public void setTasks(TaskSettings tasks) {
		this.tasks = tasks;
	}

	public ScheduleSettings getSchedules() {
		return this.schedules;
	}

	public void setSchedules(ScheduleSettings schedules) {
		this.schedules = schedules;
	}

	public KeepWarmSettings getKeepWarm() {
		return this.keepWarm;
	}

	public void setKeepWarm(KeepWarmSettings keepWarm) {
		this.keepWarm = keepWarm;
	}

	public CommandSettings getCommands() {
		return this.commands;
	}

	public void setCommands(CommandSettings commands) {
		this.commands = commands;
	}

	public EventSettings getEvents() {
		return this.events;
	}

	public void setEvents(EventSettings events) {
		this.events = events;
	}

	public LogSettings getLogs() {
		return this.logs;
	}

	public void setLogs(LogSettings logs) {
		this.logs = logs;
	}

	public SnapStartSettings getSnapStart() {
		return this.snapStart;
	}

	public void setSnapStart(SnapStartSettings snapStart) {
		this.snapStart = snapStart;
	}

	public HookSettings getHooks() {
		return this.hooks;
	}

	public void setHooks(HookSettings hooks) {
		this.hooks = hooks;
	}

}
