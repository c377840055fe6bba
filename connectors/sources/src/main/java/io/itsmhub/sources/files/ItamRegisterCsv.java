package io.itsmhub.sources.files;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.itsmhub.api.model.CiClass;
import io.itsmhub.api.model.LifecycleFacts.FactName;

/**
 * The default column mapping for an ITAM asset register exported as CSV: one row per
 * asset, keyed by its asset tag, matched to discovered items by asset tag and serial
 * number. The register is the authoritative source for the lifecycle facts in
 * {@link #AUTHORITATIVE_FACTS} (source precedence is configured in the reconciliation
 * module; this names what the register owns).
 */
public final class ItamRegisterCsv {

	/** The source name the register's records are ingested under by default. */
	public static final String SOURCE = "itam";

	/** The headers of the export, in order. */
	public static final List<String> HEADERS = List.of("Asset Tag", "Serial Number", "Name", "Class", "Owner",
			"Cost Center", "Purchase Cost", "Currency", "Purchase Date", "Warranty Expires", "Contract",
			"Lifecycle Status", "Location");

	/** The facts for which the register is the authoritative source. */
	public static final List<String> AUTHORITATIVE_FACTS = List.of(FactName.OWNER, FactName.COST_CENTER,
			FactName.PURCHASE_COST, FactName.PURCHASE_DATE, FactName.WARRANTY_EXPIRES, FactName.CONTRACT_ID,
			FactName.LIFECYCLE_STATUS, FactName.LOCATION);

	private ItamRegisterCsv() {
	}

	/** The mapping: every row names its class in the {@code Class} column. */
	public static CsvColumnMapping mapping() {
		return mapping(null);
	}

	/**
	 * The mapping with a class for rows that leave {@code Class} empty (the column may
	 * then be left out of the export).
	 */
	public static CsvColumnMapping mapping(CiClass defaultClass) {
		Map<String, String> columns = new LinkedHashMap<>();
		columns.put("identifiers.asset_tag", "Asset Tag");
		columns.put("identifiers.serial_number", "Serial Number");
		columns.put("name", "Name");
		columns.put("facts.owner", "Owner");
		columns.put("facts.cost_center", "Cost Center");
		columns.put("facts.purchase_cost.amount", "Purchase Cost");
		columns.put("facts.purchase_cost.currency", "Currency");
		columns.put("facts.purchase_date", "Purchase Date");
		columns.put("facts.warranty_expires", "Warranty Expires");
		columns.put("facts.contract_id", "Contract");
		columns.put("facts.lifecycle_status", "Lifecycle Status");
		columns.put("facts.location", "Location");
		return CsvColumnMapping.of("Asset Tag", "Class", (defaultClass != null) ? defaultClass.id() : null, columns);
	}

	/** A reader of register exports. */
	public static CsvItemReader reader(Clock clock) {
		return new CsvItemReader(mapping(), clock);
	}

}
