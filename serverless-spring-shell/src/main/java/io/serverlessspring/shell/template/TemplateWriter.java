package io.serverlessspring.shell.template;

import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/** Writes a template as YAML (the default) or JSON, in the long form ({@code Ref:}, {@code Fn::GetAtt:}) both accept. */
public final class TemplateWriter {

	private TemplateWriter() {
	}

	public static String yaml(Map<String, Object> template) {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setIndent(2);
		options.setWidth(120);
		options.setDereferenceAliases(true);
		return new Yaml(options).dump(template);
	}

	public static String json(Map<String, Object> template) {
		return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(template) + "\n";
	}

}
