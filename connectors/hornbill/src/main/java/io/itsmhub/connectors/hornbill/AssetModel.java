package io.itsmhub.connectors.hornbill;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.api.target.FieldCatalog;
import io.itsmhub.api.target.FieldType;
import io.itsmhub.api.target.TargetException;
import io.itsmhub.api.target.TargetFailure;

/**
 * What the connector knows of Service Manager's asset entities: the columns of
 * {@code Asset} and of the class extension entities (from the column lists of Hornbill's
 * own CSV asset import), which of a payload's fields go where, and the asset types of the
 * instance, read once by name from {@code AssetsTypes}.
 */
final class AssetModel {

	/** Columns of the {@code Asset} entity the mappings write. */
	static final Map<String, FieldType> ASSET_COLUMNS = columns("h_name", FieldType.STRING, "h_asset_tag",
			FieldType.STRING, "h_description", FieldType.STRING, "h_cost", FieldType.DECIMAL, "h_cost_center",
			FieldType.STRING, "h_owned_by", FieldType.REFERENCE, "h_used_by", FieldType.REFERENCE, "h_site",
			FieldType.REFERENCE, "h_location", FieldType.STRING, "h_building", FieldType.STRING, "h_room",
			FieldType.STRING, "h_order_date", FieldType.DATETIME, "h_received_date", FieldType.DATETIME,
			"h_warranty_start", FieldType.DATETIME, "h_warranty_expires", FieldType.DATETIME, "h_operational_state",
			FieldType.INTEGER, "h_record_state", FieldType.INTEGER, "h_actual_retired_date", FieldType.DATETIME,
			"h_scheduled_retire_date", FieldType.DATETIME, "h_disposal_reason", FieldType.STRING, "h_supplier",
			FieldType.REFERENCE, "h_supplier_id", FieldType.STRING, "h_supplier_contract", FieldType.STRING, "h_notes",
			FieldType.STRING);

	/** Class extension columns every class has. */
	static final Map<String, FieldType> CLASS_COLUMNS = columns("h_serial_number", FieldType.STRING, "h_manufacturer",
			FieldType.STRING, "h_model", FieldType.STRING);

	/** Further class extension columns, by asset class ({@code h_class}). */
	static final Map<String, Map<String, FieldType>> CLASS_EXTRA = Map.of("computer",
			columns("h_mac_address", FieldType.STRING, "h_net_ip_address", FieldType.STRING, "h_net_computer_name",
					FieldType.STRING, "h_net_win_domain", FieldType.STRING, "h_os_description", FieldType.STRING,
					"h_os_version", FieldType.STRING, "h_cpu_info", FieldType.STRING, "h_memory_info", FieldType.STRING,
					"h_physical_memory", FieldType.INTEGER),
			"networkDevice", columns("h_mac_address", FieldType.STRING, "h_net_ip_address", FieldType.STRING),
			"printer", columns("h_net_ip_address", FieldType.STRING));

	private final HornbillProperties properties;

	private final EntityResource entities;

	private final Map<String, AssetType> types = new ConcurrentHashMap<>();

	AssetModel(HornbillProperties properties, EntityResource entities) {
		this.properties = properties;
		this.entities = entities;
	}

	/** Whether a column lives in the class extension of an asset class. */
	static boolean classColumn(String assetClass, String column) {
		return CLASS_COLUMNS.containsKey(column) || CLASS_EXTRA.getOrDefault(assetClass, Map.of()).containsKey(column);
	}

	/** The class extension entity of an asset class. */
	String classEntity(String assetClass) {
		String entity = this.properties.classEntities().get(assetClass);
		if (entity == null) {
			throw new TargetException(new TargetFailure(TargetFailure.Kind.PERMANENT,
					"no class extension entity configured for asset class '" + assetClass + "'", null, null,
					HornbillProperties.PREFIX + ".class-entities"));
		}
		return entity;
	}

	/**
	 * The asset type a target class is created as, read once by name; {@code null} when
	 * no type is configured for the class or the instance has none of that name.
	 */
	AssetType type(String targetClass) {
		String name = this.properties.assetTypes().get(targetClass);
		if (name == null) {
			return null;
		}
		AssetType known = this.types.get(name);
		if (known != null) {
			return known;
		}
		List<JsonNode> rows = this.entities.browse(XmlmcParams.ENTITY_ASSET_TYPES, XmlmcParams.COLUMN_NAME,
				List.of(name), 2);
		for (JsonNode row : rows) {
			if (row.path(XmlmcParams.COLUMN_NAME).asText().equalsIgnoreCase(name)) {
				AssetType type = new AssetType(name, row.path(XmlmcParams.COLUMN_TYPE_ID).asText(),
						row.path(XmlmcParams.COLUMN_CLASS).asText());
				this.types.put(name, type);
				return type;
			}
		}
		return null;
	}

	/**
	 * The catalog: per target class with an asset type on the instance, the {@code Asset}
	 * columns and its class's extension columns.
	 */
	FieldCatalog catalog() {
		Map<String, FieldCatalog.TargetClass> classes = new LinkedHashMap<>();
		for (String targetClass : this.properties.assetTypes().keySet().stream().sorted().toList()) {
			AssetType type = type(targetClass);
			if (type == null) {
				continue;
			}
			List<FieldCatalog.Field> fields = new ArrayList<>();
			ASSET_COLUMNS.forEach((name, fieldType) -> fields.add(field(name, fieldType)));
			CLASS_COLUMNS.forEach((name, fieldType) -> fields.add(field(name, fieldType)));
			CLASS_EXTRA.getOrDefault(type.assetClass(), Map.of())
				.forEach((name, fieldType) -> fields.add(field(name, fieldType)));
			classes.put(targetClass, FieldCatalog.TargetClass.of(targetClass, fields));
		}
		return new FieldCatalog(HornbillConnector.PLATFORM, classes,
				Set.copyOf(this.properties.api().inverseRelations().keySet()));
	}

	private static FieldCatalog.Field field(String name, FieldType type) {
		return new FieldCatalog.Field(name, type,
				(type == FieldType.STRING) ? (name.equals("h_description") ? 4000 : 255) : null,
				name.equals(XmlmcParams.COLUMN_NAME));
	}

	private static Map<String, FieldType> columns(Object... pairs) {
		Map<String, FieldType> columns = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			columns.put((String) pairs[i], (FieldType) pairs[i + 1]);
		}
		return columns;
	}

	/**
	 * One asset type of the instance.
	 *
	 * @param name its {@code h_name}
	 * @param id its {@code h_pk_type_id}, what {@code h_type} holds
	 * @param assetClass its {@code h_class}, such as {@code computer}
	 */
	record AssetType(String name, String id, String assetClass) {

	}

}
