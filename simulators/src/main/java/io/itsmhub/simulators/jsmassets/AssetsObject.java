package io.itsmhub.simulators.jsmassets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Assets object: its id, key, type, timestamps and attribute values. Reference values
 * are kept as the referenced object's id, status values as the status id.
 */
final class AssetsObject {

	final String id;

	final String objectKey;

	final String objectTypeId;

	final long created;

	long updated;

	final Map<String, List<String>> values = new LinkedHashMap<>();

	AssetsObject(String id, String objectKey, String objectTypeId, long created) {
		this.id = id;
		this.objectKey = objectKey;
		this.objectTypeId = objectTypeId;
		this.created = created;
		this.updated = created;
	}

	List<String> get(String attributeId) {
		return this.values.getOrDefault(attributeId, new ArrayList<>());
	}

}
