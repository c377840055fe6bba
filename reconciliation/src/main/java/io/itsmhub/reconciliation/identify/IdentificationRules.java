package io.itsmhub.reconciliation.identify;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.itsmhub.api.model.CiClass;

/**
 * The ordered identification rules of each class. The first rule that finds an item
 * decides; a class without rules of its own uses the {@code default} list.
 */
public final class IdentificationRules {

	/** Rules for classes that configuration does not name. */
	public static final List<String> DEFAULT_RULES = List.of("serial_number", "uuid", "cloud_resource_id", "asset_tag",
			"mac_address", "fqdn", "container_id");

	/** Built-in rules per class, where the default does not fit. */
	public static final Map<String, List<String>> BUILT_IN = Map.of(
			// clones copy the serial and the BIOS of the template: only the name tells
			// them apart
			CiClass.VIRTUAL_MACHINE.id(),
			List.of("cloud_resource_id", "uuid", "container_id", "serial_number+name", "asset_tag", "mac_address",
					"fqdn"),
			// switch vendors reuse serial ranges across product lines
			CiClass.NETWORK_DEVICE.id(), List.of("serial_number+manufacturer", "asset_tag", "mac_address", "fqdn"),
			CiClass.CLOUD_RESOURCE.id(), List.of("cloud_resource_id"), CiClass.APPLICATION.id(),
			List.of("fqdn+name", "hostname+name", "asset_tag"), CiClass.DATABASE.id(),
			List.of("cloud_resource_id", "fqdn+name", "hostname+name"), CiClass.BUSINESS_SERVICE.id(),
			List.of("asset_tag", "hostname+name", "fqdn"));

	private final Map<CiClass, List<IdentificationRule>> rules;

	private IdentificationRules(Map<CiClass, List<IdentificationRule>> rules) {
		this.rules = rules;
	}

	public static IdentificationRules defaults() {
		return of(Map.of());
	}

	/**
	 * Rules from configuration: class id (or {@code default}) to rule texts. Classes not
	 * configured keep the built-in rules.
	 * @throws IllegalArgumentException listing every class and rule that is wrong
	 */
	public static IdentificationRules of(Map<String, List<String>> configured) {
		Map<String, List<String>> texts = new LinkedHashMap<>(BUILT_IN);
		texts.putAll(configured);
		List<String> errors = new ArrayList<>();
		for (String key : configured.keySet()) {
			if (!key.equals("default") && CiClass.fromId(key).isEmpty()) {
				errors.add("identification.rules." + key + ": '" + key + "' is not a class");
			}
		}
		List<IdentificationRule> defaults = parse("default", texts.getOrDefault("default", DEFAULT_RULES), errors);
		Map<CiClass, List<IdentificationRule>> rules = new EnumMap<>(CiClass.class);
		for (CiClass ciClass : CiClass.values()) {
			List<String> classTexts = texts.get(ciClass.id());
			rules.put(ciClass, (classTexts != null) ? parse(ciClass.id(), classTexts, errors) : defaults);
		}
		if (!errors.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", errors));
		}
		return new IdentificationRules(rules);
	}

	private static List<IdentificationRule> parse(String key, List<String> texts, List<String> errors) {
		List<IdentificationRule> parsed = new ArrayList<>();
		for (int i = 0; i < texts.size(); i++) {
			try {
				parsed.add(IdentificationRule.parse(texts.get(i)));
			}
			catch (IllegalArgumentException ex) {
				errors.add("identification.rules." + key + "[" + i + "]: " + ex.getMessage());
			}
		}
		return List.copyOf(parsed);
	}

	public List<IdentificationRule> forClass(CiClass ciClass) {
		return this.rules.get(ciClass);
	}

}
