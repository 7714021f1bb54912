package io.serverlessspring.boot.websocketapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The app the WebSocket runtime tests drive: a chat room on a WebSocket API. */
@SpringBootApplication
public class ChatApplication {

}
