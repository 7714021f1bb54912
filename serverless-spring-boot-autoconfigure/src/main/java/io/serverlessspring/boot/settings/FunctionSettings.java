package io.serverlessspring.boot.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code serverless.function.*}: the Lambda function itself. Owned by the console (deploy). */
public class FunctionSettings {

	/** Function name. Default: {@code <spring.application.name>-<stage>}. */
	private String name;

	/** Function description shown in the AWS console. */
	private String description = "";

	/** Java runtime the function runs on. java25 starts with C1 only, and with full tiers under SnapStart. */
	private Runtime runtime = Runtime.JAVA25;

	/** Instruction set the function runs on; arm64 is cheaper per GB-second. */
	private Architecture architecture = Architecture.X86_64;

	/** Memory in MB, 128 to 10240. CPU grows with memory. */
	private int memory = 1024;

	/** Timeout in seconds, 1 to 900. API Gateway stops waiting after 29 s whatever this says. */
	private int timeout = 30;

	/** Size of /tmp in MB, 512 to 10240. */
	private int ephemeralStorage = 512;

	/** Environment variables set on the function (merged over the ones the console sets). */
	private Map<String, String> environment = new LinkedHashMap<>();

	/**
	 * JVM options given through JAVA_TOOL_OPTIONS. Unset: none, so the runtime's own flags apply
	 * (Lambda's Java 17+ runtimes stop at the C1 compiler; java25 does so except under SnapStart or
	 * provisioned concurrency, where priming compiles before the snapshot).
	 */
	private String javaOptions;

	/** Layer ARNs (with version) attached to the function. */
	private List<String> layers = new ArrayList<>();

	/** Tags on every resource the console creates for this stage (beside its own tags). */
	private Map<String, String> tags = new LinkedHashMap<>();

	/** Reserved concurrency; unset means the account's unreserved pool. */
	private Integer reservedConcurrency;

	/** Provisioned concurrency on the live alias; 0 means none. */
	private int provisionedConcurrency = 0;

	/**
	 * Whether SnapStart snapshots published versions (cuts cold starts; the app is primed before the
	 * snapshot). Unset: on, unless provisioned concurrency, ephemeral storage over 512 MB or EFS file
	 * systems rule it out (the plan says so); false turns it off; true with one of those is an error.
	 */
	private Boolean snapStart;

	/**
	 * Whether package runs Spring's ahead-of-time processing for the function and the function
	 * starts from the generated initializers (faster cold starts). Turn off for an app that AOT
	 * cannot process (conditions that must be decided at run time, for example).
	 */
	private boolean aot = true;

	/** X-Ray tracing mode. */
	private Tracing tracing = Tracing.PASS_THROUGH;

	/** KMS key ARN that encrypts environment variables; unset uses the AWS managed key. */
	private String kmsKeyArn;

	/** ARN of an SQS queue or SNS topic receiving events that failed asynchronous invocation. */
	private String deadLetterTarget;

	/**
	 * A JSON object in S3 ({@code s3://bucket/key.json}) whose keys become properties when the
	 * function starts, as Zappa's {@code remote_env}: above the application's own files, below
	 * system properties and environment variables. Values must be strings, numbers or booleans.
	 * The function's role needs {@code s3:GetObject} on that object. See docs/secrets.md.
	 */
	private String remoteEnv;

	/** VPC attachment; empty subnet list means no VPC. */
	private Vpc vpc = new Vpc();

	/**
	 * EFS file systems mounted in the function, each an access point and a path under /mnt/ (Lambda
	 * takes one). Needs serverless.function.vpc in the file system's VPC.
	 */
	private List<FileSystemMount> fileSystems = new ArrayList<>();

	public boolean isAot() {
		return this.aot;
	}

	public void setAot(boolean aot) {
		this.aot = aot;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public Runtime getRuntime() {
		return this.runtime;
	}

	public void setRuntime(Runtime runtime) {
		this.runtime = runtime;
	}

	public Architecture getArchitecture() {
		return this.architecture;
	}

	public void setArchitecture(Architecture architecture) {
		this.architecture = architecture;
	}

	public int getMemory() {
		return this.memory;
	}

	public void setMemory(int memory) {
		this.memory = memory;
	}

	public int getTimeout() {
		return this.timeout;
	}

	public void setTimeout(int timeout) {
		this.timeout = timeout;
	}

	public int getEphemeralStorage() {
		return this.ephemeralStorage;
	}

	public void setEphemeralStorage(int ephemeralStorage) {
		this.ephemeralStorage = ephemeralStorage;
	}

	public Map<String, String> getEnvironment() {
		return this.environment;
	}

	public void setEnvironment(Map<String, String> environment) {
		this.environment = environment;
	}

	public String getJavaOptions() {
		return this.javaOptions;
	}

	public void setJavaOptions(String javaOptions) {
		this.javaOptions = javaOptions;
	}

	public List<String> getLayers() {
		return this.layers;
	}

	public void setLayers(List<String> layers) {
		this.layers = layers;
	}

	public Map<String, String> getTags() {
		return this.tags;
	}

	public void setTags(Map<String, String> tags) {
		this.tags = tags;
	}

	public Integer getReservedConcurrency() {
		return this.reservedConcurrency;
	}

	public void setReservedConcurrency(Integer reservedConcurrency) {
		this.reservedConcurrency = reservedConcurrency;
	}

	public int getProvisionedConcurrency() {
		return this.provisionedConcurrency;
	}

	public void setProvisionedConcurrency(int provisionedConcurrency) {
		this.provisionedConcurrency = provisionedConcurrency;
	}

	public Boolean getSnapStart() {
		return this.snapStart;
	}

	public void setSnapStart(Boolean snapStart) {
		this.snapStart = snapStart;
	}

	public Tracing getTracing() {
		return this.tracing;
	}

	public void setTracing(Tracing tracing) {
		this.tracing = tracing;
	}

	public String getKmsKeyArn() {
		return this.kmsKeyArn;
	}

	public void setKmsKeyArn(String kmsKeyArn) {
		this.kmsKeyArn = kmsKeyArn;
	}

	public String getDeadLetterTarget() {
		return this.deadLetterTarget;
	}

	public void setDeadLetterTarget(String deadLetterTarget) {
		this.deadLetterTarget = deadLetterTarget;
	}

	public String getRemoteEnv() {
		return this.remoteEnv;
	}

	public void setRemoteEnv(String remoteEnv) {
		this.remoteEnv = remoteEnv;
	}

	public Vpc getVpc() {
		return this.vpc;
	}

	public void setVpc(Vpc vpc) {
		this.vpc = vpc;
	}

	public List<FileSystemMount> getFileSystems() {
		return this.fileSystems;
	}

	public void setFileSystems(List<FileSystemMount> fileSystems) {
		this.fileSystems = fileSystems;
	}

	/** Lambda's Java runtimes. */
	public enum Runtime {

		JAVA17("java17"), JAVA21("java21"), JAVA25("java25");

		private final String id;

		Runtime(String id) {
			this.id = id;
		}

		/** The runtime identifier Lambda expects. */
		public String id() {
			return this.id;
		}

	}

	/** Lambda's instruction sets. */
	public enum Architecture {

		X86_64("x86_64"), ARM64("arm64");

		private final String id;

		Architecture(String id) {
			this.id = id;
		}

		/** The architecture identifier Lambda expects. */
		public String id() {
			return this.id;
		}

	}

	/** X-Ray tracing modes. */
	public enum Tracing {

		ACTIVE("Active"), PASS_THROUGH("PassThrough");

		private final String id;

		Tracing(String id) {
			this.id = id;
		}

		/** The tracing mode Lambda expects. */
		public String id() {
			return this.id;
		}

	}

	/** {@code serverless.function.vpc.*}: subnets and security groups the function runs in. */
	public static class Vpc {

		/** Subnet IDs; the function gets a network interface in each. */
		private List<String> subnetIds = new ArrayList<>();

		/** Security group IDs applied to those interfaces. */
		private List<String> securityGroupIds = new ArrayList<>();

		public List<String> getSubnetIds() {
			return this.subnetIds;
		}

		public void setSubnetIds(List<String> subnetIds) {
			this.subnetIds = subnetIds;
		}

		public List<String> getSecurityGroupIds() {
			return this.securityGroupIds;
		}

		public void setSecurityGroupIds(List<String> securityGroupIds) {
			this.securityGroupIds = securityGroupIds;
		}

	}

	/** One {@code serverless.function.file-systems} entry: an EFS access point mounted at a local path. */
	public static class FileSystemMount {

		/** ARN of the EFS access point, arn:aws:elasticfilesystem:<region>:<account>:access-point/fsap-... */
		private String arn;

		/** Where the function sees the file system: /mnt/ and a name, e.g. /mnt/data. */
		private String localMountPath;

		public String getArn() {
			return this.arn;
		}

		public void setArn(String arn) {
			this.arn = arn;
		}

		public String getLocalMountPath() {
			return this.localMountPath;
		}

		public void setLocalMountPath(String localMountPath) {
			this.localMountPath = localMountPath;
		}

	}

}
