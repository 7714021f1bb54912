package io.serverlessspring.samples.petstore.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Invalid input is the client's fault: 400 with Boot's error body, not a 500. */
@ControllerAdvice
public class BadRequestAdvice {

	@ExceptionHandler(IllegalArgumentException.class)
	public void badRequest(IllegalArgumentException ex, HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.BAD_REQUEST.value(), ex.getMessage());
	}

}
