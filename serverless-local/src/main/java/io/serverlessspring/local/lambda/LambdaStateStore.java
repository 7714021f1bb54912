package io.serverlessspring.local.lambda;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.server.Json;

/**
 * Lambda's saved state ({@code <state-dir>/LambdaService.json}): the functions as {@link LambdaFunction}
 * JSON, the layers and the event source mappings. Packages live in the {@link CodeStore} under the state directory.
 * Loading happens before the service starts, so the mappings wait here until it does.
 */
final class LambdaStateStore {

	private final FunctionRegistry functions;

	private final LayerVersions layers;

	private JsonNode savedMappings;

	LambdaStateStore(FunctionRegistry functions, LayerVersions layers) {
		this.functions = functions;
		this.layers = layers;
	}

	/** @param mappings the event source mappings, or null before the service started */
	JsonNode save(EventSourceMappings mappings) {
		synchronized (this.functions) {
			ObjectNode state = Json.object();
			state.set("functions", Json.tree(this.functions.functions()));
			state.set("layers", Json.tree(this.layers.saveState()));
			if (mappings != null) {
				state.set("eventSourceMappings", mappings.saveState());
			}
			return state;
		}
	}

	void load(JsonNode state) {
		synchronized (this.functions) {
			List<LambdaFunction> loaded = new ArrayList<>();
			for (JsonNode node : state.path("functions")) {
				LambdaFunction function = Json.mapper().treeToValue(node, LambdaFunction.class);
				FunctionStateMachine.markReadyAfterRestart(function);
				loaded.add(function);
			}
			this.functions.replaceAll(loaded);
			this.layers.loadState(state.get("layers"));
			this.savedMappings = state.path("eventSourceMappings");
		}
	}

	/** The mappings of the loaded state, or null when nothing was loaded. */
	JsonNode savedMappings() {
		return this.savedMappings;
	}

}
