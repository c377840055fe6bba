package io.itsmhub.api.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Canonical relationship types, read from the item that holds the relationship. */
public enum RelationshipType {

	/** The item needs the target to work (an application depends on a database). */
	DEPENDS_ON("depends_on"),
	/** The item runs on the target (software on a host). */
	RUNS_ON("runs_on"),
	/** The item is hosted on the target (a VM on a hypervisor host or cloud account). */
	HOSTED_ON("hosted_on"),
	/** The item is connected to the target (a NIC to a switch). */
	CONNECTED_TO("connected_to"),
	/** The item is a member of the target (a server in a cluster or a subnet). */
	MEMBER_OF("member_of"),
	/** The item contains the target (a rack contains a server). */
	CONTAINS("contains");

	private static final Map<String, RelationshipType> BY_ID = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(RelationshipType::id, Function.identity()));

	private final String id;

	RelationshipType(String id) {
		this.id = id;
	}

	public String id() {
		return this.id;
	}

	public static Optional<RelationshipType> fromId(String id) {
		return Optional.ofNullable((id != null) ? BY_ID.get(id) : null);
	}

	@Override
	public String toString() {
		return this.id;
	}

}
