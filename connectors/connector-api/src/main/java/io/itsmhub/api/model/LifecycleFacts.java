package io.itsmhub.api.model;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ITAM lifecycle facts. Any component may be {@code null} when the source does not know
 * it.
 *
 * @param owner who is accountable for the asset (an email or user name)
 * @param costCenter the cost center the asset is charged to
 * @param purchaseCost what the asset cost
 * @param purchaseDate when it was bought
 * @param warrantyExpires when its warranty ends
 * @param contractId the support or lease contract
 * @param vendor who sold it
 * @param lifecycleStatus where it is in its lifecycle
 * @param location where it is, as a site path such as {@code FRA-DC1/Row 4/Rack 12}
 * @param depreciation how it depreciates
 */
public record LifecycleFacts(String owner, String costCenter, Money purchaseCost, LocalDate purchaseDate,
		LocalDate warrantyExpires, String contractId, String vendor, LifecycleStatus lifecycleStatus, String location,
		Depreciation depreciation) {

	public static final LifecycleFacts EMPTY = new LifecycleFacts(null, null, null, null, null, null, null, null, null,
			null);

	/** The facts by wire name, without the unknown ones, in wire order. */
	public Map<String, Object> asMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		put(map, FactName.OWNER, this.owner);
		put(map, FactName.COST_CENTER, this.costCenter);
		put(map, FactName.PURCHASE_COST, this.purchaseCost);
		put(map, FactName.PURCHASE_DATE, this.purchaseDate);
		put(map, FactName.WARRANTY_EXPIRES, this.warrantyExpires);
		put(map, FactName.CONTRACT_ID, this.contractId);
		put(map, FactName.VENDOR, this.vendor);
		put(map, FactName.LIFECYCLE_STATUS, this.lifecycleStatus);
		put(map, FactName.LOCATION, this.location);
		put(map, FactName.DEPRECIATION, this.depreciation);
		return map;
	}

	/** Facts built from values by wire name, as {@link #asMap()} gives them. */
	public static LifecycleFacts fromMap(Map<String, ?> map) {
		return new LifecycleFacts((String) map.get(FactName.OWNER), (String) map.get(FactName.COST_CENTER),
				(Money) map.get(FactName.PURCHASE_COST), (LocalDate) map.get(FactName.PURCHASE_DATE),
				(LocalDate) map.get(FactName.WARRANTY_EXPIRES), (String) map.get(FactName.CONTRACT_ID),
				(String) map.get(FactName.VENDOR), (LifecycleStatus) map.get(FactName.LIFECYCLE_STATUS),
				(String) map.get(FactName.LOCATION), (Depreciation) map.get(FactName.DEPRECIATION));
	}

	public boolean isEmpty() {
		return asMap().isEmpty();
	}

	private static void put(Map<String, Object> map, String name, Object value) {
		if (value != null) {
			map.put(name, value);
		}
	}

	/** The wire names of the facts. */
	public static final class FactName {

		public static final String OWNER = "owner";

		public static final String COST_CENTER = "cost_center";

		public static final String PURCHASE_COST = "purchase_cost";

		public static final String PURCHASE_DATE = "purchase_date";

		public static final String WARRANTY_EXPIRES = "warranty_expires";

		public static final String CONTRACT_ID = "contract_id";

		public static final String VENDOR = "vendor";

		public static final String LIFECYCLE_STATUS = "lifecycle_status";

		public static final String LOCATION = "location";

		public static final String DEPRECIATION = "depreciation";

		/** Every fact name, in wire order. */
		public static final java.util.List<String> ALL = java.util.List.of(OWNER, COST_CENTER, PURCHASE_COST,
				PURCHASE_DATE, WARRANTY_EXPIRES, CONTRACT_ID, VENDOR, LIFECYCLE_STATUS, LOCATION, DEPRECIATION);

		private FactName() {
		}

	}

}
