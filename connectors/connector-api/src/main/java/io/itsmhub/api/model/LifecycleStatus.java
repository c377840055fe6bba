package io.itsmhub.api.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The ITAM lifecycle status of an asset. */
public enum LifecycleStatus {

	PLANNED("planned"), ORDERED("ordered"), IN_STOCK("in_stock"), IN_USE("in_use"), IN_MAINTENANCE("in_maintenance"),
	RETIRED("retired"), DISPOSED("disposed");

	private static final Map<String, LifecycleStatus> BY_ID = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(LifecycleStatus::id, Function.identity()));

	private final String id;

	LifecycleStatus(String id) {
		this.id = id;
	}

	public String id() {
		return this.id;
	}

	public static Optional<LifecycleStatus> fromId(String id) {
		return Optional.ofNullable((id != null) ? BY_ID.get(id) : null);
	}

	@Override
	public String toString() {
		return this.id;
	}

}
