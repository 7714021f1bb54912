package io.serverlessspring.shell.state;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.shell.aws.AwsClients;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionVersion;
import software.amazon.awssdk.services.lambda.model.Layer;
import software.amazon.awssdk.services.lambda.model.LayerVersionsListItem;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Reads the dependency layer's versions and which functions use them. Users are every function version
 * of the account and region ({@code ListFunctions} with all versions), so a version another stage or
 * app needs, or one a retained version of this stage needs for rollback, is never taken for unused.
 */
public final class LayerStateReader {

	private LayerStateReader() {
	}

	public static ActualLayers read(AwsClients clients) {
		List<ActualLayers.ActualLayerVersion> versions = new ArrayList<>();
		try {
			for (LayerVersionsListItem item : clients.lambda()
				.listLayerVersionsPaginator(b -> b.layerName(ResourceNames.DEPENDENCY_LAYER))
				.layerVersions()) {
				versions.add(new ActualLayers.ActualLayerVersion(item.layerVersionArn(), item.version(),
						ResourceNames.dependencyLayerHash(item.description())));
			}
		}
		catch (ResourceNotFoundException ex) {
			return ActualLayers.NONE;
		}
		if (versions.isEmpty()) {
			return ActualLayers.NONE;
		}
		versions.sort(Comparator.comparingLong(ActualLayers.ActualLayerVersion::version));
		Map<String, Set<String>> users = new LinkedHashMap<>();
		String marker = ":layer:" + ResourceNames.DEPENDENCY_LAYER + ":";
		for (FunctionConfiguration function : clients.lambda()
			.listFunctionsPaginator(b -> b.functionVersion(FunctionVersion.ALL))
			.functions()) {
			for (Layer layer : function.layers()) {
				if (layer.arn() != null && layer.arn().contains(marker)) {
					users.computeIfAbsent(layer.arn(), arn -> new LinkedHashSet<>())
						.add(function.functionName() + ":" + function.version());
				}
			}
		}
		return new ActualLayers(List.copyOf(versions), users);
	}

}
