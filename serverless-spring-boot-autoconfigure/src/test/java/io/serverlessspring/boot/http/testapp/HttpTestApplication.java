package io.serverlessspring.boot.http.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/** A plain Spring MVC app, unaware of Lambda, that the HTTP route tests serve through the handler. */
@SpringBootApplication
@PropertySource("classpath:http-testapp.properties")
public class HttpTestApplication {

}
