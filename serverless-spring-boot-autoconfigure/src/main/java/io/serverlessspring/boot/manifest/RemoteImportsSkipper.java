package io.serverlessspring.boot.manifest;

import java.util.List;

import org.springframework.boot.context.config.ConfigData;
import org.springframework.boot.context.config.ConfigDataLoader;
import org.springframework.boot.context.config.ConfigDataLoaderContext;
import org.springframework.boot.context.config.ConfigDataLocation;
import org.springframework.boot.context.config.ConfigDataLocationResolver;
import org.springframework.boot.context.config.ConfigDataLocationResolverContext;
import org.springframework.boot.context.config.ConfigDataResource;
import org.springframework.core.Ordered;

/**
 * While {@link ManifestGenerator} reads a stage's properties (and while Spring's AOT processing runs), {@code spring.config.import} entries
 * of {@code aws-parameterstore:} and {@code aws-secretsmanager:} load nothing: the manifest is made
 * at package time, where those values are neither reachable (the function's role, not the
 * developer's, may read them) nor needed (they configure the app, not what it deploys). Inert
 * otherwise: at run time the import goes to Spring Cloud AWS as usual.
 */
public class RemoteImportsSkipper implements ConfigDataLocationResolver<RemoteImportsSkipper.Skipped>, Ordered {

	/** Set by {@link ManifestGenerator} in the environment it builds. */
	public static final String GENERATING = "serverless.internal.manifest-generation";

	/** Set (as a system property) by Spring's AOT processing, which {@code package} also runs. */
	public static final String AOT_PROCESSING = "spring.aot.processing";

	private static final List<String> REMOTE = List.of("aws-parameterstore:", "aws-secretsmanager:");

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public boolean isResolvable(ConfigDataLocationResolverContext context, ConfigDataLocation location) {
		return REMOTE.stream().anyMatch(location::hasPrefix) && atPackageTime(context.getBinder()
			.bind(GENERATING, Boolean.class)
			.orElse(false));
	}

	/**
	 * Whether the app runs at package time (manifest generation or AOT processing), where nothing
	 * remote is read: the developer's credentials are not the function's role.
	 * @param generating the value of {@link #GENERATING} in the app's environment
	 * @return whether remote configuration must not be read
	 */
	public static boolean atPackageTime(boolean generating) {
		return generating || Boolean.getBoolean(AOT_PROCESSING);
	}

	@Override
	public List<Skipped> resolve(ConfigDataLocationResolverContext context, ConfigDataLocation location) {
		return List.of(new Skipped(location.getValue()));
	}

	/** An import not read while the manifest is generated. */
	public static final class Skipped extends ConfigDataResource {

		private final String location;

		Skipped(String location) {
			this.location = location;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Skipped skipped && skipped.location.equals(this.location);
		}

		@Override
		public int hashCode() {
			return this.location.hashCode();
		}

		@Override
		public String toString() {
			return this.location + " (not read while generating the manifest)";
		}

	}

	/** Loads a {@link Skipped} import as no properties. */
	public static final class Loader implements ConfigDataLoader<Skipped> {

		@Override
		public ConfigData load(ConfigDataLoaderContext context, Skipped resource) {
			return ConfigData.EMPTY;
		}

	}

}
