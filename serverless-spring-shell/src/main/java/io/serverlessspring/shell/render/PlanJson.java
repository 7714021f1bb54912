package io.serverlessspring.shell.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.serverlessspring.shell.plan.FieldChange;
import io.serverlessspring.shell.plan.Plan;
import io.serverlessspring.shell.plan.ResourceChange;

/**
 * A plan as JSON, the one place that shape is made ({@code --dry-run --json}):
 * {@code {"stage":…, "function":…, "changes":[{"kind":…, "resource":…, "action":…, "fields":[{"name":…, "before":…, "after":…}]}]}}.
 * Secrets are masked in the plan itself ({@link FieldChange#environment}).
 */
public final class PlanJson {

	private PlanJson() {
	}

	public static Map<String, Object> of(Plan plan) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("stage", plan.stage());
		body.put("function", plan.function());
		List<Map<String, Object>> changes = new ArrayList<>();
		for (ResourceChange change : plan.changes()) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("kind", change.kind());
			item.put("resource", change.resource());
			item.put("action", change.action().name());
			item.put("summary", change.describe());
			List<Map<String, Object>> fields = new ArrayList<>();
			for (FieldChange field : change.fields()) {
				Map<String, Object> f = new LinkedHashMap<>();
				f.put("name", field.name());
				f.put("before", json(field.before()));
				f.put("after", json(field.after()));
				fields.add(f);
			}
			item.put("fields", fields);
			changes.add(item);
		}
		body.put("changes", changes);
		body.put("notes", plan.notes());
		return body;
	}

	/** Numbers, booleans, strings and lists as they are; anything else (a symbolic reference) as its text. */
	private static Object json(Object value) {
		if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String
				|| value instanceof List<?>) {
			return value;
		}
		return value.toString();
	}

}
