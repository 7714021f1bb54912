package io.serverlessspring.shell.secrets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.serverlessspring.shell.aws.AwsClients;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterAlreadyExistsException;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * A stage's secrets in Parameter Store and Secrets Manager, at the places {@link SecretLocations}
 * names. Values go in and never come out: listing reads names and dates only (DescribeParameters,
 * ListSecrets), and nothing here returns, logs or puts a value in an exception message.
 */
public class StageSecrets {

	private final AwsClients clients;

	private final SecretLocations locations;

	public StageSecrets(AwsClients clients, SecretLocations locations) {
		this.clients = clients;
		this.locations = locations;
	}

	/**
	 * One stored secret, without its value.
	 *
	 * @param name the property name ({@code db.password})
	 * @param store where it is
	 * @param location its full parameter or secret name
	 * @param lastChanged when its value last changed, or {@code null} if the store does not say
	 */
	public record Entry(String name, SecretStore store, String location, Instant lastChanged) {
	}

	/**
	 * What {@link #set} did.
	 *
	 * @param version the stored version, {@code null} when kept
	 * @param created whether the parameter or secret is new
	 * @param kept whether an existing value was kept ({@code ifAbsent})
	 */
	public record Stored(String name, SecretStore store, String location, String version, boolean created,
			boolean kept) {
	}

	public SecretLocations locations() {
		return this.locations;
	}

	/**
	 * Stores {@code value} as a SecureString parameter or a Secrets Manager secret.
	 * @param ifAbsent keep an existing value instead of replacing it (idempotent seeding)
	 */
	public Stored set(String name, SecretStore store, String value, boolean ifAbsent) {
		return (store == SecretStore.PARAMETER_STORE) ? putParameter(name, value, ifAbsent)
				: putSecret(name, value, ifAbsent);
	}

	private Stored putParameter(String name, String value, boolean ifAbsent) {
		String location = this.locations.parameter(name);
		SsmClient ssm = this.clients.ssm();
		try {
			long version = ssm.putParameter(put -> put.name(location)
				.value(value)
				.type(ParameterType.SECURE_STRING)
				.overwrite(!ifAbsent)
				.description("Set by the serverless console's 'secrets set'")).version();
			return new Stored(name, SecretStore.PARAMETER_STORE, location, Long.toString(version), version == 1, false);
		}
		catch (ParameterAlreadyExistsException exists) {
			return new Stored(name, SecretStore.PARAMETER_STORE, location, null, false, true);
		}
	}

	private Stored putSecret(String name, String value, boolean ifAbsent) {
		String location = this.locations.secret(name);
		SecretsManagerClient secrets = this.clients.secretsManager();
		try {
			CreateSecretResponse created = secrets.createSecret(create -> create.name(location)
				.secretString(value)
				.description("Set by the serverless console's 'secrets set'"));
			return new Stored(name, SecretStore.SECRETS_MANAGER, location, created.versionId(), true, false);
		}
		catch (ResourceExistsException exists) {
			if (ifAbsent) {
				return new Stored(name, SecretStore.SECRETS_MANAGER, location, null, false, true);
			}
			try {
				return new Stored(name, SecretStore.SECRETS_MANAGER, location,
						secrets.putSecretValue(put -> put.secretId(location).secretString(value)).versionId(), false, false);
			}
			catch (InvalidRequestException scheduledForDeletion) {
				// A secret removed outside the console waits out its recovery window: bring it back.
				secrets.restoreSecret(restore -> restore.secretId(location));
				return new Stored(name, SecretStore.SECRETS_MANAGER, location,
						secrets.putSecretValue(put -> put.secretId(location).secretString(value)).versionId(), false, false);
			}
		}
	}

	/** Every secret of the stage in both stores, by name; names and dates only. */
	public List<Entry> list() {
		List<Entry> entries = new ArrayList<>();
		String path = this.locations.parameterPath();
		String parameterPath = path.substring(0, path.length() - 1);
		for (ParameterMetadata parameter : this.clients.ssm()
			.describeParametersPaginator(describe -> describe
				.parameterFilters(filter -> filter.key("Path").option("OneLevel").values(parameterPath)))
			.stream()
			.flatMap(page -> page.parameters().stream())
			.toList()) {
			if (parameter.name().startsWith(path)) {
				entries.add(new Entry(parameter.name().substring(path.length()), SecretStore.PARAMETER_STORE,
						parameter.name(), parameter.lastModifiedDate()));
			}
		}
		String prefix = this.locations.secretPrefix();
		for (SecretListEntry secret : this.clients.secretsManager()
			.listSecretsPaginator(list -> list.filters(filter -> filter.key(FilterNameStringType.NAME).values(prefix)))
			.stream()
			.flatMap(page -> page.secretList().stream())
			.toList()) {
			// The name filter matches words anywhere in the name: keep only the stage's own secrets.
			String rest = secret.name().startsWith(prefix) ? secret.name().substring(prefix.length()) : null;
			if (rest != null && !rest.isEmpty() && !rest.contains("/") && secret.deletedDate() == null) {
				Instant changed = (secret.lastChangedDate() != null) ? secret.lastChangedDate() : secret.createdDate();
				entries.add(new Entry(rest, SecretStore.SECRETS_MANAGER, secret.name(), changed));
			}
		}
		entries.sort(Comparator.comparing(Entry::name).thenComparing(Entry::store));
		return entries;
	}

	/** Where {@code name} is stored (none, one or both stores). */
	public List<Entry> find(String name) {
		SecretLocations.checked(name);
		return list().stream().filter(entry -> entry.name().equals(name)).toList();
	}

	/** Deletes these entries at once (a Secrets Manager secret without a recovery window). */
	public void remove(List<Entry> entries) {
		for (Entry entry : entries) {
			if (entry.store() == SecretStore.PARAMETER_STORE) {
				try {
					this.clients.ssm().deleteParameter(delete -> delete.name(entry.location()));
				}
				catch (ParameterNotFoundException alreadyGone) {
					// Removed meanwhile: what was asked is done.
				}
			}
			else {
				try {
					this.clients.secretsManager()
						.deleteSecret(delete -> delete.secretId(entry.location()).forceDeleteWithoutRecovery(true));
				}
				catch (ResourceNotFoundException alreadyGone) {
					// Removed meanwhile.
				}
			}
		}
	}

}
