package io.serverlessspring.boot.settings;

/** {@code serverless.tasks.*}: {@code @ServerlessTask} execution. Owned by the runtime. */
public class TaskSettings {

}
