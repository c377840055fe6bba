package io.itsmhub.api.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The identifier types an item can carry. {@link #SOURCE_KEY} is not part of the wire
 * form's {@code identifiers} object: it is derived from {@code source} and
 * {@code sourceKey}, and identifies a record of one source across re-ingests.
 */
public enum IdentifierType {

	/** The BIOS or chassis serial number. */
	SERIAL_NUMBER("serial_number", false),
	/** The organisation's own asset tag. */
	ASSET_TAG("asset_tag", false),
	/** The SMBIOS system UUID or the hypervisor's VM UUID. */
	UUID("uuid", false),
	/** A network interface's hardware address; an item may have several. */
	MAC_ADDRESS("mac_address", true),
	/** The fully qualified domain name. */
	FQDN("fqdn", false),
	/** The short host name. */
	HOSTNAME("hostname", false),
	/** A cloud provider's resource id (AWS ARN or instance id, Azure resource id). */
	CLOUD_RESOURCE_ID("cloud_resource_id", false),
	/**
	 * A container's id (Docker, Podman, containerd: 64 hexadecimal digits, or the first
	 * 12 that {@code docker ps} shows), which inventory agents report where a VM's UUID
	 * would be.
	 */
	CONTAINER_ID("container_id", false),
	/** The source's own record key, as {@code source:sourceKey}. */
	SOURCE_KEY("source_key", false);

	private static final Map<String, IdentifierType> BY_ID = Arrays.stream(values())
		.filter((type) -> type != SOURCE_KEY)
		.collect(Collectors.toUnmodifiableMap(IdentifierType::id, Function.identity()));

	private final String id;

	private final boolean multiValued;

	IdentifierType(String id, boolean multiValued) {
		this.id = id;
		this.multiValued = multiValued;
	}

	/** The wire form, as in {@code "identifiers": {"serial_number": ...}}. */
	public String id() {
		return this.id;
	}

	/** Whether an item commonly carries several values of this type. */
	public boolean multiValued() {
		return this.multiValued;
	}

	/**
	 * The wire names, in order, for messages that list them: {@code serial_number, ...}.
	 */
	public static String wireNames() {
		return Arrays.stream(values())
			.filter((type) -> type != SOURCE_KEY)
			.map(IdentifierType::id)
			.collect(Collectors.joining(", "));
	}

	/** The type for a wire name; {@code source_key} is not accepted on the wire. */
	public static Optional<IdentifierType> fromId(String id) {
		return Optional.ofNullable((id != null) ? BY_ID.get(id) : null);
	}

	@Override
	public String toString() {
		return this.id;
	}

}
