package io.serverlessspring.shell.settings;

import java.util.List;

import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/** Where a setting was read: {@code application-prod.yml line 4: }, the prefix of every settings error. */
final class SettingsLocations {

	private SettingsLocations() {
	}

	static String where(List<PropertySource<?>> sources, String key) {
		for (PropertySource<?> source : sources) {
			if (source instanceof EnumerablePropertySource<?> enumerable) {
				for (String name : enumerable.getPropertyNames()) {
					if (SettingsMetadata.canonical(name).equals(SettingsMetadata.canonical(key))) {
						return where(source, name);
					}
				}
			}
		}
		return "";
	}

	static String where(PropertySource<?> source, String name) {
		return location(source, name) + ": ";
	}

	static String where(Origin origin) {
		String location = location(origin);
		return location.isEmpty() ? "" : location + ": ";
	}

	/** {@code application-prod.yml line 4}: the file and line a property was read from. */
	static String location(PropertySource<?> source, String name) {
		Origin origin = OriginLookup.getOrigin(source, name);
		return (origin != null) ? location(origin) : source.getName();
	}

	private static String location(Origin origin) {
		for (Origin candidate = origin; candidate != null; candidate = next(candidate)) {
			if (candidate instanceof TextResourceOrigin) {
				origin = candidate;
				break;
			}
		}
		if (origin instanceof TextResourceOrigin text && text.getResource() != null) {
			String file = text.getResource().getFilename();
			return (text.getLocation() != null) ? file + " line " + (text.getLocation().getLine() + 1) : file;
		}
		return (origin != null) ? origin.toString() : "";
	}

	private static Origin next(Origin origin) {
		if (origin instanceof PropertySourceOrigin source && source.getOrigin() != null
				&& source.getOrigin() != origin) {
			return source.getOrigin();
		}
		return origin.getParent();
	}

}
