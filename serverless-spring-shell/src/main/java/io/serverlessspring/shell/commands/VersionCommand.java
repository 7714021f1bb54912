package io.serverlessspring.shell.commands;

import java.util.LinkedHashMap;
import java.util.Map;

import io.serverlessspring.shell.cli.TakesOptions;
import io.serverlessspring.shell.init.ConsoleVersion;
import software.amazon.awssdk.core.util.VersionInfo;

import org.springframework.boot.SpringBootVersion;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

import static io.serverlessspring.shell.cli.CommonOption.JSON;

/**
 * {@code version}: this console's version and the versions it is built on (Spring Shell's own
 * {@code version} command, which printed Spring Shell's, is switched off in application.properties).
 */
@Component("serverlessVersionCommand")
public class VersionCommand {

	private final CommandSupport support;

	public VersionCommand(CommandSupport support) {
		this.support = support;
	}

	@Command(name = "version", group = "Console", description = "Show the console's version and what it is built on",
			help = """
					version [--json]

					Prints the version of Serverless Spring this console is (the starter version init
					writes), then the Spring Boot, Spring Shell, AWS SDK and Java versions it runs on.
					  --json              print them as a JSON object

					Examples:
					  version
					  version --json
					""")
	@TakesOptions({ JSON })
	public void version(CommandContext context) {
		CommonOptionValues options = CommonOptionValues.of(context);
		this.support.run(context, true, io -> {
			Map<String, String> versions = versions();
			if (options.json()) {
				this.support.printJson(io, versions);
				return;
			}
			io.println("Serverless Spring " + versions.get("serverlessSpring"));
			io.println("Spring Boot " + versions.get("springBoot") + ", Spring Shell " + versions.get("springShell")
					+ ", AWS SDK for Java " + versions.get("awsSdk") + ", Java " + versions.get("java"));
		});
	}

	static Map<String, String> versions() {
		Map<String, String> versions = new LinkedHashMap<>();
		String own = ConsoleVersion.current();
		versions.put("serverlessSpring", (own != null) ? own : "development build (classes, not a jar)");
		versions.put("springBoot", orUnknown(SpringBootVersion.getVersion()));
		versions.put("springShell", orUnknown(CommandContext.class.getPackage().getImplementationVersion()));
		versions.put("awsSdk", VersionInfo.SDK_VERSION);
		versions.put("java", Runtime.version().toString());
		return versions;
	}

	private static String orUnknown(String version) {
		return (version != null) ? version : "unknown";
	}

}
