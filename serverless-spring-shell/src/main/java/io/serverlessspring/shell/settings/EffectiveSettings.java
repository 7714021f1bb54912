package io.serverlessspring.shell.settings;

import java.beans.PropertyDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.serverlessspring.boot.settings.ServerlessProperties;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.context.properties.bind.PlaceholdersResolver;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * A stage's effective {@code serverless.*} values: what the bound {@link ServerlessProperties} hold
 * (so exactly what deploy uses), each traced back to the file and line that set it.
 */
final class EffectiveSettings {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)");

	private EffectiveSettings() {
	}

	/**
	 * @param sources the files' documents, highest precedence first
	 * @param label the origin of a property of a source ({@code application-dev.yml line 3 ...})
	 */
	static List<SettingValue> list(ServerlessProperties properties, SettingsMetadata metadata,
			List<PropertySource<?>> sources, PlaceholdersResolver placeholders,
			BiFunction<PropertySource<?>, String, String> label) {
		List<SettingValue> values = new ArrayList<>();
		BeanWrapper root = new BeanWrapperImpl(properties);
		for (Map.Entry<String, String> documented : new TreeMap<>(metadata.types()).entrySet()) {
			String key = documented.getKey();
			String path = beanPath(key);
			if (!root.isReadableProperty(path)) {
				continue; // documented by another class under serverless.*, not a stage setting
			}
			if (key.equals("serverless.stage")) {
				values.add(new SettingValue(key, properties.getStage(), "stage name"));
				Found declared = find(StageSettingsLoader.EXTENDS, StageSettingsLoader.EXTENDS, sources, false);
				if (declared != null) {
					values.add(new SettingValue(StageSettingsLoader.EXTENDS,
							String.valueOf(declared.source().getProperty(declared.name())),
							label.apply(declared.source(), declared.name())));
				}
				continue;
			}
			Map<String, Object> flat = new LinkedHashMap<>();
			flatten(key, root.getPropertyValue(path), flat);
			boolean map = documented.getValue().startsWith("java.util.Map");
			flat.forEach((name, bound) -> values.add(value(key, map, name, bound, sources, placeholders, label)));
		}
		return values;
	}

	private static SettingValue value(String key, boolean map, String name, Object bound,
			List<PropertySource<?>> sources, PlaceholdersResolver placeholders,
			BiFunction<PropertySource<?>, String, String> label) {
		boolean list = bound instanceof Collection<?>;
		Found found = find(name, key, sources, list);
		// A flag, number, duration or choice is no secret, whatever its name (allow-credentials).
		boolean secret = (bound instanceof CharSequence || list) && looksSecret(key, map, name);
		String text = format(bound);
		if (found == null) {
			return new SettingValue(name, secret ? SecretMask.MASK : text, SettingValue.DEFAULT);
		}
		List<Object> raws = new ArrayList<>();
		if (list && found.source() instanceof EnumerablePropertySource<?> enumerable) {
			for (String property : enumerable.getPropertyNames()) {
				if (within(relaxed(property), relaxed(name), true)) {
					raws.add(found.source().getProperty(property));
				}
			}
		}
		else if (found.exact()) {
			Object raw = found.source().getProperty(found.name());
			raws.add(raw);
			if (raw != null) {
				// As written (placeholders resolved), e.g. `5m` rather than PT5M.
				text = String.valueOf(placeholders.resolvePlaceholders(raw));
			}
		}
		for (Object raw : raws) {
			Matcher placeholder = PLACEHOLDER.matcher(String.valueOf(raw));
			while (placeholder.find()) {
				secret |= SecretMask.looksSecret(placeholder.group(1));
			}
		}
		return new SettingValue(name, secret ? SecretMask.MASK : text, label.apply(found.source(), found.name()));
	}

	/** The map key (for map settings) or the last word of the name decides, as for environment variables. */
	private static boolean looksSecret(String key, boolean map, String name) {
		String rest = name.substring(key.length());
		if (map && !rest.isEmpty()) {
			String mapKey = rest.startsWith("[") ? rest.substring(1, rest.indexOf(']'))
					: rest.substring(1).split("[.\\[]", 2)[0];
			if (SecretMask.looksSecret(mapKey)) {
				return true;
			}
		}
		String leaf = name.replaceAll("(\\[[^]]*])+$", "");
		return SecretMask.looksSecret(leaf.substring(leaf.lastIndexOf('.') + 1));
	}

	/**
	 * The highest-precedence property that set {@code name} (or, for a list, its first element):
	 * the same name in relaxed form, else the list or map holding it (a comma-separated list), up to
	 * the documented key.
	 */
	private static Found find(String name, String key, List<PropertySource<?>> sources, boolean list) {
		for (String candidate = name; candidate.length() >= key.length(); candidate = parent(candidate)) {
			String wanted = relaxed(candidate);
			for (PropertySource<?> source : sources) {
				if (source instanceof EnumerablePropertySource<?> enumerable) {
					for (String property : enumerable.getPropertyNames()) {
						if (within(relaxed(property), wanted, list && candidate.equals(name))) {
							return new Found(source, property, candidate.equals(name));
						}
					}
				}
			}
			if (candidate.equals(key)) {
				break;
			}
		}
		return null;
	}

	private static boolean within(String property, String wanted, boolean elements) {
		return property.equals(wanted) || (elements && property.startsWith(wanted + "."));
	}

	private static String parent(String name) {
		int cut = Math.max(name.lastIndexOf('.'), name.lastIndexOf('['));
		return (cut > 0) ? name.substring(0, cut) : "";
	}

	/** Relaxed-binding form that keeps list indexes and map keys: {@code environment[DB_URL]} = {@code environment.dburl}. */
	private static String relaxed(String name) {
		return name.replace("[", ".").replace("]", "").replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
	}

	private record Found(PropertySource<?> source, String name, boolean exact) {
	}

	private static void flatten(String name, Object value, Map<String, Object> out) {
		if (value == null || (value instanceof CharSequence text && text.isEmpty())) {
			return;
		}
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, element) -> flatten(
					name + (String.valueOf(key).contains(".") ? "[" + key + "]" : "." + key), element, out));
		}
		else if (value instanceof Collection<?> collection && collection.stream().allMatch(EffectiveSettings::scalar)) {
			if (!collection.isEmpty()) {
				out.put(name, value); // one line: a, b, c
			}
		}
		else if (value instanceof Collection<?> collection) {
			int index = 0;
			for (Object element : collection) {
				flatten(name + "[" + index++ + "]", element, out);
			}
		}
		else if (scalar(value)) {
			out.put(name, value);
		}
		else {
			BeanWrapper bean = new BeanWrapperImpl(value);
			for (PropertyDescriptor property : bean.getPropertyDescriptors()) {
				if (property.getReadMethod() != null && property.getWriteMethod() != null) {
					flatten(name + "." + kebab(property.getName()), bean.getPropertyValue(property.getName()), out);
				}
			}
		}
	}

	private static boolean scalar(Object value) {
		return value == null || value instanceof Enum<?> || (value.getClass().getName().startsWith("java.")
				&& !(value instanceof Map<?, ?>) && !(value instanceof Collection<?>));
	}

	/** How a value is written in a settings file: {@code pass-through}, {@code x86_64}, {@code 5m}. */
	static String format(Object value) {
		if (value instanceof Enum<?> constant) {
			return constant.name().toLowerCase(Locale.ROOT).replaceAll("(?<=[a-z])_(?=[a-z])", "-");
		}
		if (value instanceof Duration duration) {
			return duration(duration);
		}
		if (value instanceof Collection<?> list) {
			return String.join(", ", list.stream().map(EffectiveSettings::format).toList());
		}
		return String.valueOf(value);
	}

	private static String duration(Duration duration) {
		long millis = duration.toMillis();
		if (millis == 0) {
			return "0s";
		}
		long[] sizes = { 86_400_000L, 3_600_000L, 60_000L, 1000L };
		String[] units = { "d", "h", "m", "s" };
		for (int i = 0; i < sizes.length; i++) {
			if (millis % sizes[i] == 0) {
				return (millis / sizes[i]) + units[i];
			}
		}
		return millis + "ms";
	}

	/** {@code function.snapStart} for {@code serverless.function.snap-start}. */
	private static String beanPath(String key) {
		StringBuilder path = new StringBuilder();
		for (String segment : key.substring("serverless.".length()).split("\\.")) {
			if (!path.isEmpty()) {
				path.append('.');
			}
			String[] words = segment.split("-");
			path.append(words[0]);
			for (int i = 1; i < words.length; i++) {
				path.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
			}
		}
		return path.toString();
	}

	private static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

}
