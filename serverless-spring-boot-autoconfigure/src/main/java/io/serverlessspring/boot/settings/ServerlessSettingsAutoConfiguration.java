package io.serverlessspring.boot.settings;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Binds {@code serverless.*} into {@link ServerlessProperties}. */
@AutoConfiguration
@EnableConfigurationProperties(ServerlessProperties.class)
public class ServerlessSettingsAutoConfiguration {

}
