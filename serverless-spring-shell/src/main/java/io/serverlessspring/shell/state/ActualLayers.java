package io.serverlessspring.shell.state;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dependency layer's versions in the account and region, and who uses each: the functions
 * ({@code $LATEST} or a published version) whose configuration names it, whatever stage or app.
 *
 * @param versions the versions, oldest first
 * @param users layer version ARN to the {@code function:qualifier}s naming it
 */
public record ActualLayers(List<ActualLayerVersion> versions, Map<String, Set<String>> users) {

	public static final ActualLayers NONE = new ActualLayers(List.of(), Map.of());

	/** The version holding the dependency set with this content hash, or {@code null}. */
	public ActualLayerVersion withHash(String contentHash) {
		return this.versions.stream().filter(v -> contentHash.equals(v.contentHash())).reduce((a, b) -> b).orElse(null);
	}

	/** Who names this layer version. */
	public Set<String> usersOf(String arn) {
		return this.users.getOrDefault(arn, Set.of());
	}

	/**
	 * @param arn the layer version ARN
	 * @param version its number
	 * @param contentHash the dependency set's hash its description names ({@code null}: not one of ours)
	 */
	public record ActualLayerVersion(String arn, long version, String contentHash) {
	}

}
