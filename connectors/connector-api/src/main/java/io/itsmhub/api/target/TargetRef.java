package io.itsmhub.api.target;

import java.util.Map;

/**
 * Where an item lives in a platform.
 *
 * @param recordId the platform's id of the main record (a ServiceNow sys_id, a JSM object
 * id)
 * @param recordKey the platform's display key where it has one (a JSM object key such as
 * {@code ITSM-123}), else {@code null}
 * @param related ids of the item's other records by role, such as the {@code asset}
 * record ServiceNow keeps beside a CI
 */
public record TargetRef(String recordId, String recordKey, Map<String, String> related) {

	public TargetRef {
		related = (related != null) ? Map.copyOf(related) : Map.of();
	}

	public static TargetRef of(String recordId) {
		return new TargetRef(recordId, null, Map.of());
	}

}
