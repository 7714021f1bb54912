package io.serverlessspring.boot.events;

/**
 * An event, a record or a record's body that does not have the shape its handler needs; the
 * message names the event type and the field at fault.
 */
public class EventFormatException extends RuntimeException {

	public EventFormatException(String message, Throwable cause) {
		super(message, cause);
	}

}
