package io.serverlessspring.shell.template;

/** The template dialects {@code template} writes. */
public enum TemplateFormat {

	/** Plain CloudFormation: every resource spelled out. */
	CLOUDFORMATION,

	/** AWS SAM: the function as {@code AWS::Serverless::Function} with its events; the rest as CloudFormation. */
	SAM;

	public static TemplateFormat of(String text) {
		String value = (text == null) ? "cloudformation" : text.trim().toLowerCase(java.util.Locale.ROOT);
		return switch (value) {
			case "cloudformation", "cfn" -> CLOUDFORMATION;
			case "sam" -> SAM;
			default -> throw new IllegalArgumentException(
					"--format '" + text + "' is not valid: expected cloudformation or sam");
		};
	}

}
