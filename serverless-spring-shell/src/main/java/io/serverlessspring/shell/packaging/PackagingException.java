package io.serverlessspring.shell.packaging;

/** The project could not be built or packaged; the message says why and what to do. */
public class PackagingException extends RuntimeException {

	public PackagingException(String message) {
		super(message);
	}

}
