package io.serverlessspring.shell.init;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.springframework.shell.jline.tui.component.flow.ComponentFlow;

/**
 * Asks with Spring Shell's components (string input, single-item selector, confirmation), one
 * component per question so each answer can be checked before the next question.
 */
public class ComponentFlowPrompter implements InitPrompter {

	private static final String ANSWER = "answer";

	/** Shows the confirmed answer as yes/no (Spring Shell's own template echoes true/false). */
	private static final String YES_NO_TEMPLATE = "classpath:io/serverlessspring/shell/init/confirmation-yes-no.stg";

	private final ComponentFlow.Builder flows;

	public ComponentFlowPrompter(ComponentFlow.Builder flows) {
		this.flows = flows;
	}

	@Override
	public String input(String question, String defaultValue) {
		ComponentFlow flow = this.flows.clone()
			.reset()
			.withStringInput(ANSWER)
			.name(question)
			.defaultValue(defaultValue)
			.and()
			.build();
		Object answer = answer(flow);
		String text = (answer != null) ? answer.toString().trim() : "";
		return text.isEmpty() ? defaultValue : text;
	}

	@Override
	public String select(String question, List<String> options, String defaultOption) {
		Map<String, String> items = new LinkedHashMap<>();
		options.forEach(option -> items.put(option, option));
		ComponentFlow flow = this.flows.clone()
			.reset()
			.withSingleItemSelector(ANSWER)
			.name(question)
			.selectItems(items)
			.defaultSelect(defaultOption)
			.sort((a, b) -> Integer.compare(options.indexOf(a.getName()), options.indexOf(b.getName())))
			.and()
			.build();
		Object answer = answer(flow);
		return (answer != null) ? answer.toString() : defaultOption;
	}

	@Override
	public boolean confirm(String question, boolean defaultValue) {
		ComponentFlow flow = this.flows.clone()
			.reset()
			.withConfirmationInput(ANSWER)
			.name(question)
			.defaultValue(defaultValue)
			.template(YES_NO_TEMPLATE)
			.and()
			.build();
		Object answer = answer(flow);
		return (answer instanceof Boolean value) ? value : defaultValue;
	}

	/** The component's answer; components draw nothing and answer nothing without a terminal. */
	private static Object answer(ComponentFlow flow) {
		try {
			return flow.run().getContext().get(ANSWER);
		}
		catch (NoSuchElementException ex) {
			throw new InitException("There is no terminal to ask questions in: run init with --yes and its options "
					+ "(see 'init --help'). Nothing was changed.");
		}
	}

}
