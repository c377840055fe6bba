package io.itsmhub.connectors.ivanti;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.itsmhub.api.target.FieldCatalog;
import io.itsmhub.api.target.FieldCatalog.Field;
import io.itsmhub.api.target.FieldType;

/**
 * The catalog the connector reports when the tenant's {@code $metadata} cannot be read:
 * the same business objects and fields as the shipped
 * {@code mappings/ivanti/catalog.yaml} (a test keeps the two equal).
 */
final class IvantiCatalog {

	private IvantiCatalog() {
	}

	static FieldCatalog shipped() {
		List<Field> ci = List.of(text("Name", 100, true), text("CIType", 50, false), text("SerialNumber", 100, false),
				text("AssetTag", 50, false), text("Status", 50, false), text("IPAddress", 50, false),
				text("MACAddress", 50, false), text("Manufacturer", 100, false), text("Model", 100, false),
				new Field("ivnt_Location", FieldType.REFERENCE, null, false),
				new Field("Owner", FieldType.REFERENCE, null, false), text("CostCenter", 50, false),
				new Field("Cost", FieldType.DECIMAL, null, false),
				new Field("PurchaseDate", FieldType.DATETIME, null, false),
				new Field("WarrantyExpirationDate", FieldType.DATETIME, null, false), text("Description", 4000, false));
		List<Field> computer = new ArrayList<>(ci);
		computer.addAll(List.of(text("HostName", 100, false), text("OperatingSystem", 100, false),
				text("OSVersion", 50, false)));
		Map<String, FieldCatalog.TargetClass> classes = new LinkedHashMap<>();
		classes.put("CI", FieldCatalog.TargetClass.of("CI", ci));
		for (String name : List.of("CI__Computers", "CI__Servers", "CI__VirtualServers")) {
			classes.put(name, FieldCatalog.TargetClass.of(name, computer));
		}
		for (String name : List.of("CI__ivnt_Infrastructures", "CI__MobileDevices", "CI__Printers", "CI__Peripherals",
				"CI__Services")) {
			classes.put(name, FieldCatalog.TargetClass.of(name, ci));
		}
		return new FieldCatalog(IvantiConnector.PLATFORM, classes, Set.of());
	}

	private static Field text(String name, int maxLength, boolean required) {
		return new Field(name, FieldType.STRING, maxLength, required);
	}

}
