package io.serverlessspring.shell.plan;

/** What a change does to its resource. */
public enum Action {

	CREATE('+'), UPDATE('~'), REPLACE('~'), DELETE('-');

	private final char symbol;

	Action(char symbol) {
		this.symbol = symbol;
	}

	/** {@code +}, {@code ~} or {@code -}, as the plan printout shows it. */
	public char symbol() {
		return this.symbol;
	}

	public String verb() {
		return name().toLowerCase();
	}

}
