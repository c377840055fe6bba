package io.itsmhub.connectors.freshservice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.api.target.FieldCatalog;
import io.itsmhub.api.target.FieldType;

/**
 * What the hub reads from the account once and keeps: the asset types and the real names
 * of their type fields (suffixed with the id of the type that defines each field), the
 * relationship types, and the requesters, locations and departments by email or name.
 * Each part is read on first use.
 */
final class FreshserviceAccount {

	/** The asset fields every asset type has, and what the hub sends in them. */
	static final Map<String, FieldType> BASE_FIELDS = baseFields();

	/** The reference fields: the list the connector resolves a name in, and its key. */
	static final Map<String, String[]> REFERENCES = Map.of("user_id", new String[] { "requesters", "primary_email" },
			"location_id", new String[] { "locations", "name" }, "department_id",
			new String[] { "departments", "name" });

	private final FreshserviceHttp http;

	private volatile Map<String, AssetType> assetTypes;

	private volatile List<RelationType> relationTypes;

	private final Map<Long, Map<String, TypeField>> typeFields = new ConcurrentHashMap<>();

	private final Map<String, Map<String, Long>> references = new ConcurrentHashMap<>();

	FreshserviceAccount(FreshserviceHttp http) {
		this.http = http;
	}

	private static Map<String, FieldType> baseFields() {
		Map<String, FieldType> fields = new LinkedHashMap<>();
		fields.put("name", FieldType.STRING);
		fields.put("asset_tag", FieldType.STRING);
		fields.put("description", FieldType.STRING);
		fields.put("impact", FieldType.STRING);
		fields.put("usage_type", FieldType.STRING);
		fields.put("user_id", FieldType.REFERENCE);
		fields.put("location_id", FieldType.REFERENCE);
		fields.put("department_id", FieldType.REFERENCE);
		return fields;
	}

	/** An asset type. */
	record AssetType(long id, String name, Long parentId) {

	}

	/** A type field: the name Freshservice gives it, and its kind. */
	record TypeField(String name, String plainName, String fieldType) {

		FieldType hubType() {
			return switch (this.fieldType) {
				case "custom_number" -> FieldType.DECIMAL;
				case "custom_date" -> FieldType.DATE;
				default -> FieldType.STRING;
			};
		}

	}

	/** A relationship type: the name each way. */
	record RelationType(long id, String downstream, String upstream) {

	}

	Map<String, AssetType> assetTypes() {
		Map<String, AssetType> types = this.assetTypes;
		if (types == null) {
			types = new LinkedHashMap<>();
			for (JsonNode node : this.http.readAll("/api/v2/asset_types", "asset_types")) {
				JsonNode parent = node.path("parent_asset_type_id");
				types.put(node.path("name").asText(),
						new AssetType(node.path("id").asLong(), node.path("name").asText(),
								(parent.isNull() || parent.isMissingNode()) ? null : parent.asLong()));
			}
			this.assetTypes = types;
		}
		return types;
	}

	Optional<AssetType> assetType(String name) {
		return Optional.ofNullable(assetTypes().get(name));
	}

	/** The type fields an asset type has, its parents' included, by plain name. */
	Map<String, TypeField> typeFields(AssetType type) {
		return this.typeFields.computeIfAbsent(type.id(), (id) -> {
			Map<String, TypeField> fields = new LinkedHashMap<>();
			JsonNode groups = this.http.get("/api/v2/asset_types/" + id + "/fields", Map.of())
				.body()
				.path("asset_type_fields");
			for (JsonNode group : groups) {
				for (JsonNode field : group.path("fields")) {
					String name = field.path("name").asText();
					String plain = name.replaceFirst("_[0-9]+$", "");
					fields.put(plain, new TypeField(name, plain, field.path("field_type").asText()));
				}
			}
			return fields;
		});
	}

	List<RelationType> relationTypes() {
		List<RelationType> types = this.relationTypes;
		if (types == null) {
			types = new ArrayList<>();
			for (JsonNode node : this.http.readAll("/api/v2/relationship_types", "relationship_types")) {
				types.add(new RelationType(node.path("id").asLong(), node.path("downstream_relation").asText(),
						node.path("upstream_relation").asText()));
			}
			this.relationTypes = types;
		}
		return types;
	}

	/**
	 * The id of a requester (by email), location or department (by name).
	 * @param field {@code user_id}, {@code location_id} or {@code department_id}
	 * @param value the email or name
	 * @return the id, empty when the account has none of that name
	 */
	Optional<Long> reference(String field, String value) {
		String[] source = REFERENCES.get(field);
		Map<String, Long> byKey = this.references.computeIfAbsent(source[0], (list) -> {
			Map<String, Long> ids = new ConcurrentHashMap<>();
			for (JsonNode node : this.http.readAll("/api/v2/" + list, list)) {
				ids.putIfAbsent(node.path(source[1]).asText().toLowerCase(Locale.ROOT), node.path("id").asLong());
			}
			return ids;
		});
		return Optional.ofNullable(byKey.get(value.toLowerCase(Locale.ROOT)));
	}

	/** The catalog of the account: every asset type with the base and type fields. */
	FieldCatalog catalog(String platform) {
		Map<String, FieldCatalog.TargetClass> classes = new LinkedHashMap<>();
		for (AssetType type : assetTypes().values()) {
			List<FieldCatalog.Field> fields = new ArrayList<>();
			BASE_FIELDS.forEach((name,
					fieldType) -> fields.add(new FieldCatalog.Field(name, fieldType,
							(fieldType == FieldType.STRING) ? (name.equals("description") ? 4000 : 255) : null,
							name.equals("name"))));
			typeFields(type).values()
				.forEach((field) -> fields.add(new FieldCatalog.Field("type_fields." + field.plainName(),
						field.hubType(), (field.hubType() == FieldType.STRING) ? 255 : null, false)));
			classes.put(type.name(), FieldCatalog.TargetClass.of(type.name(), fields));
		}
		Set<String> relations = new LinkedHashSet<>();
		relationTypes().forEach((type) -> {
			relations.add(type.downstream());
			relations.add(type.upstream());
		});
		return new FieldCatalog(platform, classes, relations);
	}

}
