package io.serverlessspring.boot.commands;

import io.serverlessspring.boot.errors.ErrorResult;

/** A command that cannot run, carrying the structured error the console shows. */
class CommandException extends RuntimeException {

	private final ErrorResult error;

	CommandException(String code, String message) {
		super(message);
		this.error = ErrorResult.of(code, message);
	}

	ErrorResult error() {
		return this.error;
	}

}
