package io.itsmhub.api.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The canonical class taxonomy. Every platform mapping maps these to its own classes,
 * tables, object types or asset types. The wire form is the lower-case {@link #id()}.
 */
public enum CiClass {

	/** A physical server. */
	SERVER("server", true),
	/** A virtual machine on a hypervisor or in a cloud. */
	VIRTUAL_MACHINE("virtual_machine", true),
	/** A laptop computer. */
	LAPTOP("laptop", true),
	/** A desktop computer or workstation. */
	DESKTOP("desktop", true),
	/** A switch, router, firewall, access point or load balancer appliance. */
	NETWORK_DEVICE("network_device", true),
	/** A storage array, NAS or SAN device. */
	STORAGE("storage", true),
	/** A phone or tablet. */
	MOBILE_DEVICE("mobile_device", true),
	/** A printer or multifunction device. */
	PRINTER("printer", true),
	/** A monitor, dock or other peripheral with its own asset record. */
	PERIPHERAL("peripheral", true),
	/**
	 * A cloud resource that is not a virtual machine: bucket, subnet, load balancer,
	 * function...
	 */
	CLOUD_RESOURCE("cloud_resource", false),
	/** A database or database instance. */
	DATABASE("database", false),
	/** An installed or deployed application. */
	APPLICATION("application", false),
	/** A business service that users consume. */
	BUSINESS_SERVICE("business_service", false);

	private static final Map<String, CiClass> BY_ID = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(CiClass::id, Function.identity()));

	private final String id;

	private final boolean hardware;

	CiClass(String id, boolean hardware) {
		this.id = id;
		this.hardware = hardware;
	}

	/** The wire form, as in {@code "ciClass": "virtual_machine"}. */
	public String id() {
		return this.id;
	}

	/**
	 * Whether the class describes hardware that carries asset facts (an ITAM asset
	 * record).
	 */
	public boolean hardware() {
		return this.hardware;
	}

	public static Optional<CiClass> fromId(String id) {
		return Optional.ofNullable((id != null) ? BY_ID.get(id) : null);
	}

	@Override
	public String toString() {
		return this.id;
	}

}
