package io.itsmhub.simulators.jsmassets;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itsmhub.simulators.core.Json;

/**
 * The simulated Assets workspace: one object schema with a realistic IT schema (object
 * types, attributes, statuses, reference types) and its objects, with the platform's
 * checks on writes and its JSON shapes.
 */
final class AssetsModel {

	static final String SCHEMA_ID = "1";

	static final String SCHEMA_KEY = "ITSM";

	private static final Pattern IPV4 = Pattern
		.compile("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)");

	private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]{2,39}");

	final String workspaceId;

	private final Clock clock;

	final Map<String, ObjectTypeDefinition> types = new LinkedHashMap<>();

	final Map<String, String[]> statuses = new LinkedHashMap<>();

	final Map<String, String[]> referenceTypes = new LinkedHashMap<>();

	final Map<String, AssetsObject> objects = new LinkedHashMap<>();

	/** The site's Atlassian accounts by accountId: {email, display name}. */
	final Map<String, String[]> users = new LinkedHashMap<>();

	private final long schemaCreated;

	// AQL evaluates attribute names per object; the resolved attribute lists are kept
	// until the schema changes.
	private final Map<String, List<AttributeDefinition>> attributeCache = new HashMap<>();

	private int nextTypeId;

	private int nextAttributeId;

	private int nextObjectId;

	private int nextStatusId;

	private int nextReferenceTypeId;

	AssetsModel(String workspaceId, Clock clock) {
		this.workspaceId = workspaceId;
		this.clock = clock;
		this.schemaCreated = clock.millis();
		seed();
	}

	void seed() {
		this.attributeCache.clear();
		this.types.clear();
		this.statuses.clear();
		this.referenceTypes.clear();
		this.objects.clear();
		this.nextTypeId = 1;
		this.nextAttributeId = 100;
		this.nextObjectId = 1;
		this.nextStatusId = 1;
		this.nextReferenceTypeId = 1;
		for (String[] status : new String[][] { { "Active", "1" }, { "In Stock", "2" }, { "In Repair", "2" },
				{ "Retired", "0" }, { "Disposed", "0" }, { "Running", "1" }, { "Stopped", "0" } }) {
			addStatus(status[0], Integer.parseInt(status[1]), "");
		}
		for (String name : List.of("Depends on", "Runs on", "Hosted on", "Connects to", "Located in", "Reference")) {
			addReferenceType(name, "");
		}
		ObjectTypeDefinition location = addType("Location", "Sites, buildings and data centres", null, false, false,
				"Building");
		text(location, "Address");
		text(location, "City");
		text(location, "Country");
		// The root of everything IT manages (abstract, attributes not inherited): a
		// reference attribute that points at it, children included, can reference
		// servers, storage, network devices and applications alike.
		ObjectTypeDefinition asset = addType("IT Asset", "Hardware, software and services IT manages", null, true,
				false, "Asset");
		ObjectTypeDefinition compute = addType("Compute", "Anything that runs workloads", asset.id, true, true,
				"Server");
		hardwareAttributes(compute, location);
		attribute(compute, "Cloud Resource ID", 0, 0, 0, 1, true, null, null, false, List.of());
		text(compute, "Operating System");
		attribute(compute, "CPU Count", 0, 1, 0, 1, false, null, null, false, List.of());
		attribute(compute, "Memory (MB)", 0, 1, 0, 1, false, null, null, false, List.of());
		ObjectTypeDefinition server = addType("Server", "Physical servers", compute.id, false, false, "Server");
		text(server, "Rack");
		ObjectTypeDefinition vm = addType("Virtual Machine", "Virtual machines and cloud instances", compute.id, false,
				false, "Virtual Machine");
		attribute(vm, "Hosted on", 1, -1, 0, 1, false, server.id, referenceTypeId("Hosted on"), false, List.of());
		attribute(vm, "Cloud Provider", 0, 10, 0, 1, false, null, null, false,
				List.of("AWS", "Azure", "GCP", "VMware", "Hyper-V"));
		ObjectTypeDefinition laptop = addType("Laptop", "End-user laptops", compute.id, false, false, "Laptop");
		attribute(laptop, "Assigned To", 2, -1, 0, 1, false, null, null, false, List.of());
		addType("Desktop", "End-user desktops", compute.id, false, false, "Desktop");
		ObjectTypeDefinition network = addType("Network Device", "Switches, routers, firewalls", asset.id, false, false,
				"Network");
		hardwareAttributes(network, location);
		attribute(network, "Device Type", 0, 10, 0, 1, false, null, null, false,
				List.of("Switch", "Router", "Firewall", "Load Balancer", "Access Point"));
		attribute(network, "Connects to", 1, -1, 0, -1, false, asset.id, referenceTypeId("Connects to"), true,
				List.of());
		ObjectTypeDefinition storage = addType("Storage Device", "SAN, NAS and storage arrays", asset.id, false, false,
				"Storage");
		hardwareAttributes(storage, location);
		attribute(storage, "Capacity (GB)", 0, 3, 0, 1, false, null, null, false, List.of());
		ObjectTypeDefinition cloud = addType("Cloud Resource", "Subnets, buckets, load balancers, functions", asset.id,
				false, false, "Cloud");
		hardwareAttributes(cloud, location);
		attribute(cloud, "Resource Type", 0, 255, 0, 1, false, null, null, false, List.of());
		ObjectTypeDefinition application = addType("Application", "Software applications", asset.id, false, false,
				"Application");
		text(application, "Version");
		owner(application);
		status(application);
		attribute(application, "Runs on", 1, -1, 0, -1, false, compute.id, referenceTypeId("Runs on"), true, List.of());
		attribute(application, "Depends on", 1, -1, 0, -1, false, asset.id, referenceTypeId("Depends on"), true,
				List.of());
		ObjectTypeDefinition database = addType("Database", "Database instances", asset.id, false, false, "Database");
		attribute(database, "Engine", 0, 10, 0, 1, false, null, null, false,
				List.of("PostgreSQL", "MySQL", "Oracle", "SQL Server", "MongoDB"));
		text(database, "Version");
		owner(database);
		status(database);
		attribute(database, "Runs on", 1, -1, 0, -1, false, compute.id, referenceTypeId("Runs on"), true, List.of());
		ObjectTypeDefinition service = addType("Business Service", "Services the business consumes", asset.id, false,
				false, "Service");
		owner(service);
		status(service);
		attribute(service, "Criticality", 0, 10, 0, 1, false, null, null, false,
				List.of("Low", "Medium", "High", "Critical"));
		attribute(service, "Depends on", 1, -1, 0, -1, false, application.id, referenceTypeId("Depends on"), false,
				List.of());
	}

	private void hardwareAttributes(ObjectTypeDefinition type, ObjectTypeDefinition location) {
		attribute(type, "Serial Number", 0, 0, 0, 1, true, null, null, false, List.of());
		attribute(type, "Asset Tag", 0, 0, 0, 1, true, null, null, false, List.of());
		text(type, "Hostname");
		attribute(type, "IP Address", 0, 11, 0, 1, false, null, null, false, List.of());
		text(type, "Manufacturer");
		text(type, "Model");
		owner(type);
		text(type, "Cost Center");
		status(type);
		attribute(type, "Location", 1, -1, 0, 1, false, location.id, referenceTypeId("Located in"), false, List.of());
		attribute(type, "Purchase Date", 0, 4, 0, 1, false, null, null, false, List.of());
		attribute(type, "Warranty Expiry", 0, 4, 0, 1, false, null, null, false, List.of());
		attribute(type, "Cost", 0, 3, 0, 1, false, null, null, false, List.of());
	}

	private void text(ObjectTypeDefinition type, String name) {
		attribute(type, name, 0, 0, 0, 1, false, null, null, false, List.of());
	}

	private void owner(ObjectTypeDefinition type) {
		attribute(type, "Owner", 2, -1, 0, 1, false, null, null, false, List.of());
	}

	private void status(ObjectTypeDefinition type) {
		attribute(type, "Status", 7, -1, 0, 1, false, null, null, false, List.of());
	}

	String referenceTypeId(String name) {
		return this.referenceTypes.entrySet()
			.stream()
			.filter((e) -> e.getValue()[0].equals(name))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(null);
	}

	ObjectTypeDefinition addType(String name, String description, String parentId, boolean abstractType,
			boolean inherited, String iconName) {
		String id = Integer.toString(this.nextTypeId++);
		ObjectTypeDefinition type = new ObjectTypeDefinition(id, name, description, parentId, abstractType, inherited,
				this.types.size(), iconName);
		this.types.put(id, type);
		// Every type has its own system attributes, as on the platform.
		attribute(type, "Key", 0, 0, 1, 1, false, null, null, false, List.of(), false, true);
		if (parentId == null || !this.types.get(parentId).inherited) {
			attribute(type, "Name", 0, 0, 1, 1, false, null, null, false, List.of(), true, false);
		}
		attribute(type, "Created", 0, 6, 1, 1, false, null, null, false, List.of(), false, true);
		attribute(type, "Updated", 0, 6, 1, 1, false, null, null, false, List.of(), false, true);
		return type;
	}

	AttributeDefinition attribute(ObjectTypeDefinition type, String name, int kind, int defaultType, int min, int max,
			boolean unique, String referenceObjectTypeId, String referenceTypeId, boolean includeChildren,
			List<String> options) {
		return attribute(type, name, kind, defaultType, min, max, unique, referenceObjectTypeId, referenceTypeId,
				includeChildren, options, false, false);
	}

	private AttributeDefinition attribute(ObjectTypeDefinition type, String name, int kind, int defaultType, int min,
			int max, boolean unique, String referenceObjectTypeId, String referenceTypeId, boolean includeChildren,
			List<String> options, boolean label, boolean system) {
		AttributeDefinition attribute = new AttributeDefinition(Integer.toString(this.nextAttributeId++), type.id, name,
				"", kind, (kind == 0) ? defaultType : -1, label, system, min, max, unique, referenceObjectTypeId,
				referenceTypeId, includeChildren, options, type.own.size());
		type.own.add(attribute);
		this.attributeCache.clear();
		return attribute;
	}

	String addStatus(String name, int category, String description) {
		String id = Integer.toString(this.nextStatusId++);
		this.statuses.put(id, new String[] { name, Integer.toString(category), description });
		return id;
	}

	String addReferenceType(String name, String description) {
		String id = Integer.toString(this.nextReferenceTypeId++);
		this.referenceTypes.put(id, new String[] { name, description });
		return id;
	}

	/** All attributes of a type, inherited ones included, system ones first. */
	List<AttributeDefinition> attributes(ObjectTypeDefinition type) {
		return this.attributeCache.computeIfAbsent(type.id, (id) -> List.copyOf(collectAttributes(type)));
	}

	private List<AttributeDefinition> collectAttributes(ObjectTypeDefinition type) {
		List<AttributeDefinition> result = new ArrayList<>();
		type.own.stream().filter((a) -> a.system || a.label).forEach(result::add);
		if (type.parentId != null && this.types.get(type.parentId).inherited) {
			collectAttributes(this.types.get(type.parentId)).stream().filter((a) -> !a.system).forEach(result::add);
		}
		type.own.stream().filter((a) -> !a.system && !a.label).forEach(result::add);
		return result;
	}

	AttributeDefinition attribute(ObjectTypeDefinition type, String attributeId) {
		return attributes(type).stream().filter((a) -> a.id.equals(attributeId)).findFirst().orElse(null);
	}

	AttributeDefinition attributeByName(ObjectTypeDefinition type, String name) {
		return attributes(type).stream().filter((a) -> a.name.equalsIgnoreCase(name)).findFirst().orElse(null);
	}

	ObjectTypeDefinition typeByName(String name) {
		return this.types.values().stream().filter((t) -> t.name.equalsIgnoreCase(name)).findFirst().orElse(null);
	}

	boolean isA(String typeId, String ancestorId) {
		for (String current = typeId; current != null; current = this.types.get(current).parentId) {
			if (current.equals(ancestorId)) {
				return true;
			}
		}
		return false;
	}

	String label(AssetsObject object) {
		ObjectTypeDefinition type = this.types.get(object.objectTypeId);
		for (AttributeDefinition attribute : attributes(type)) {
			if (attribute.label) {
				List<String> values = object.get(attribute.id);
				return values.isEmpty() ? "" : values.get(0);
			}
		}
		return object.objectKey;
	}

	AssetsObject findObject(String keyOrId) {
		if (keyOrId == null) {
			return null;
		}
		AssetsObject byId = this.objects.get(keyOrId.trim());
		if (byId != null) {
			return byId;
		}
		return this.objects.values()
			.stream()
			.filter((o) -> o.objectKey.equalsIgnoreCase(keyOrId.trim()))
			.findFirst()
			.orElse(null);
	}

	AssetsObject newObject(String typeId) {
		String id = Integer.toString(this.nextObjectId++);
		AssetsObject object = new AssetsObject(id, SCHEMA_KEY + "-" + id, typeId, this.clock.millis());
		this.objects.put(id, object);
		return object;
	}

	/**
	 * Checks and normalizes the values for one attribute.
	 * @return the values to store
	 * @throws AttributeError when a value is not valid
	 */
	List<String> normalize(ObjectTypeDefinition type, AttributeDefinition attribute, List<String> values,
			AssetsObject self) {
		if (attribute.system) {
			throw new AttributeError(attribute.id, "The attribute " + attribute.name + " is not editable");
		}
		if (attribute.maximumCardinality >= 0 && values.size() > attribute.maximumCardinality) {
			throw new AttributeError(attribute.id, "The attribute " + attribute.name + " accepts at most "
					+ attribute.maximumCardinality + " value(s)");
		}
		List<String> clean = new ArrayList<>();
		for (String raw : values) {
			String value = (raw != null) ? raw.trim() : "";
			if (value.isEmpty()) {
				continue;
			}
			clean.add(normalizeOne(attribute, value));
		}
		if (attribute.unique && !clean.isEmpty()) {
			for (AssetsObject other : this.objects.values()) {
				if (other != self && other.objectTypeId.equals(type.id) && other.get(attribute.id).equals(clean)) {
					throw new AttributeError(attribute.id, "The value " + clean.get(0) + " of " + attribute.name
							+ " is not unique; it is already used by " + other.objectKey);
				}
			}
		}
		return clean;
	}

	private String normalizeOne(AttributeDefinition attribute, String value) {
		String problem = null;
		switch (attribute.type) {
			case 1 -> {
				AssetsObject target = findObject(value);
				if (target == null) {
					problem = "No object found with key " + value;
				}
				else if (!(attribute.includeChildObjectTypes ? isA(target.objectTypeId, attribute.referenceObjectTypeId)
						: target.objectTypeId.equals(attribute.referenceObjectTypeId))) {
					problem = "Object " + target.objectKey + " is not of the referenced object type "
							+ this.types.get(attribute.referenceObjectTypeId).name;
				}
				else {
					return target.id;
				}
			}
			case 7 -> {
				if (!this.statuses.containsKey(value)) {
					problem = "No status type found with id " + value;
				}
			}
			case 0 -> problem = checkDefault(attribute, value);
			case 2 -> {
				// Cloud takes an Atlassian accountId, never an email or a user name.
				if (!this.users.containsKey(value)) {
					problem = "No user found with accountId " + value
							+ " (a User attribute takes an Atlassian accountId)";
				}
			}
			default -> {
				// Groups are Jira groups the simulator does not hold; any name is
				// accepted.
			}
		}
		if (problem != null) {
			throw new AttributeError(attribute.id, problem);
		}
		return (attribute.type == 0 && attribute.defaultType == 2) ? value.toLowerCase(Locale.ROOT) : value;
	}

	private String checkDefault(AttributeDefinition attribute, String value) {
		try {
			switch (attribute.defaultType) {
				case 1 -> Long.parseLong(value);
				case 2 -> {
					if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
						return "The value " + value + " is not a valid boolean";
					}
				}
				case 3 -> Double.parseDouble(value);
				case 4 -> LocalDate.parse(value);
				case 5 -> LocalTime.parse(value);
				case 6 -> {
					try {
						OffsetDateTime.parse(value);
					}
					catch (DateTimeParseException ex) {
						LocalDateTime.parse(value);
					}
				}
				case 7 -> {
					if (!URI.create(value).isAbsolute()) {
						return "The value " + value + " is not a valid URL";
					}
				}
				case 8 -> {
					if (!value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
						return "The value " + value + " is not a valid email";
					}
				}
				case 10 -> {
					if (attribute.options.stream().noneMatch((o) -> o.equals(value))) {
						return "The value " + value + " is not one of the options " + attribute.options;
					}
				}
				case 11 -> {
					if (!IPV4.matcher(value).matches() && !(value.contains(":") && IPV6.matcher(value).matches())) {
						return "The value " + value + " is not a valid IP address";
					}
				}
				default -> {
				}
			}
			return null;
		}
		catch (RuntimeException ex) {
			return "The value " + value + " is not a valid " + attribute.defaultTypeName().toLowerCase(Locale.ROOT)
					+ ((attribute.defaultType == 4) ? " (ISO 8601, yyyy-MM-dd)" : "");
		}
	}

	// JSON shapes, as in the official specification's examples.

	String iso(long millis) {
		return Instant.ofEpochMilli(millis).toString();
	}

	ObjectNode schemaJson() {
		ObjectNode node = Json.object();
		node.put("workspaceId", this.workspaceId);
		node.put("globalId", this.workspaceId + ":" + SCHEMA_ID);
		node.put("id", SCHEMA_ID);
		node.put("name", "IT Assets");
		node.put("objectSchemaKey", SCHEMA_KEY);
		node.put("status", "Ok");
		node.put("description", "Hardware, software and services managed by IT");
		node.put("created", iso(this.schemaCreated));
		node.put("updated", iso(this.schemaCreated));
		node.put("objectCount", this.objects.size());
		node.put("objectTypeCount", this.types.size());
		node.put("canManage", true);
		return node;
	}

	ObjectNode typeJson(ObjectTypeDefinition type, String baseUrl) {
		ObjectNode node = Json.object();
		node.put("workspaceId", this.workspaceId);
		node.put("globalId", this.workspaceId + ":" + type.id);
		node.put("id", type.id);
		node.put("name", type.name);
		node.put("description", type.description);
		ObjectNode icon = node.putObject("icon");
		icon.put("id", type.id);
		icon.put("name", type.iconName);
		icon.put("url16", baseUrl + "/objecttype/" + type.id + "/icon.png?size=16");
		icon.put("url48", baseUrl + "/objecttype/" + type.id + "/icon.png?size=48");
		node.put("position", type.position);
		node.put("created", iso(this.schemaCreated));
		node.put("updated", iso(this.schemaCreated));
		node.put("objectCount", this.objects.values().stream().filter((o) -> o.objectTypeId.equals(type.id)).count());
		if (type.parentId != null) {
			node.put("parentObjectTypeId", Integer.parseInt(type.parentId));
		}
		node.put("objectSchemaId", SCHEMA_ID);
		node.put("inherited", type.inherited);
		node.put("abstractObjectType", type.abstractType);
		node.put("parentObjectTypeInherited", type.parentId != null && this.types.get(type.parentId).inherited);
		return node;
	}

	ObjectNode attributeJson(AttributeDefinition attribute, ObjectTypeDefinition owner, String baseUrl) {
		ObjectNode node = Json.object();
		node.put("workspaceId", this.workspaceId);
		node.put("globalId", this.workspaceId + ":" + attribute.id);
		node.put("id", attribute.id);
		node.set("objectType", typeJson(owner, baseUrl));
		node.put("name", attribute.name);
		node.put("label", attribute.label);
		node.put("type", attribute.type);
		node.put("description", attribute.description);
		if (attribute.type == 0) {
			ObjectNode defaultType = node.putObject("defaultType");
			defaultType.put("id", attribute.defaultType);
			defaultType.put("name", attribute.defaultTypeName());
		}
		if (attribute.isReference()) {
			node.put("typeValue", attribute.referenceObjectTypeId);
			node.put("additionalValue", attribute.referenceTypeId);
			node.set("referenceType", referenceTypeJson(attribute.referenceTypeId));
			node.put("referenceObjectTypeId", attribute.referenceObjectTypeId);
			node.set("referenceObjectType", typeJson(this.types.get(attribute.referenceObjectTypeId), baseUrl));
		}
		if (attribute.isStatus()) {
			node.putArray("typeValueMulti");
		}
		node.put("editable", !attribute.system);
		node.put("system", attribute.system);
		node.put("sortable", true);
		node.put("summable", attribute.type == 0 && (attribute.defaultType == 1 || attribute.defaultType == 3));
		node.put("indexed", true);
		node.put("minimumCardinality", attribute.minimumCardinality);
		node.put("maximumCardinality", attribute.maximumCardinality);
		node.put("removable", !attribute.system && !attribute.label);
		node.put("hidden", false);
		node.put("includeChildObjectTypes", attribute.includeChildObjectTypes);
		node.put("uniqueAttribute", attribute.unique);
		node.put("options", String.join(",", attribute.options));
		node.put("position", attribute.position);
		return node;
	}

	ObjectNode statusJson(String id) {
		String[] status = this.statuses.get(id);
		ObjectNode node = Json.object();
		node.put("id", id);
		node.put("name", status[0]);
		node.put("description", status[2]);
		node.put("category", Integer.parseInt(status[1]));
		node.put("objectSchemaId", SCHEMA_ID);
		return node;
	}

	ObjectNode referenceTypeJson(String id) {
		String[] referenceType = this.referenceTypes.get(id);
		ObjectNode node = Json.object();
		node.put("workspaceId", this.workspaceId);
		node.put("globalId", this.workspaceId + ":" + id);
		node.put("id", id);
		node.put("name", (referenceType != null) ? referenceType[0] : "Reference");
		node.put("description", (referenceType != null) ? referenceType[1] : "");
		node.put("color", "42526E");
		node.put("objectSchemaId", SCHEMA_ID);
		return node;
	}

	ObjectNode objectJson(AssetsObject object, String baseUrl, boolean withAttributes, boolean withDefinitions) {
		ObjectTypeDefinition type = this.types.get(object.objectTypeId);
		ObjectNode node = Json.object();
		node.put("workspaceId", this.workspaceId);
		node.put("globalId", this.workspaceId + ":" + object.id);
		node.put("id", object.id);
		node.put("label", label(object));
		node.put("objectKey", object.objectKey);
		ObjectNode avatar = node.putObject("avatar");
		avatar.put("workspaceId", this.workspaceId);
		avatar.put("globalId", this.workspaceId + ":" + object.id);
		for (int size : new int[] { 16, 48, 72, 144, 288 }) {
			avatar.put("url" + size, baseUrl + "/objecttype/" + type.id + "/icon.png?size=" + size);
		}
		avatar.put("objectId", object.id);
		node.set("objectType", typeJson(type, baseUrl));
		node.put("created", iso(object.created));
		node.put("updated", iso(object.updated));
		node.put("hasAvatar", false);
		node.put("timestamp", object.updated);
		if (withAttributes) {
			ArrayNode attributes = node.putArray("attributes");
			for (AttributeDefinition attribute : attributes(type)) {
				List<String> values = systemOrStored(object, attribute);
				if (values.isEmpty()) {
					continue;
				}
				ObjectNode entry = attributes.addObject();
				entry.put("workspaceId", this.workspaceId);
				entry.put("globalId", this.workspaceId + ":" + object.id + "-" + attribute.id);
				entry.put("id", object.id + attribute.id);
				if (withDefinitions) {
					entry.set("objectTypeAttribute",
							attributeJson(attribute, this.types.get(attribute.objectTypeId), baseUrl));
				}
				entry.put("objectTypeAttributeId", attribute.id);
				ArrayNode valueNodes = entry.putArray("objectAttributeValues");
				for (String value : values) {
					valueNodes.add(valueJson(attribute, value, baseUrl));
				}
				entry.put("objectId", object.id);
			}
		}
		node.putObject("_links").put("self", baseUrl + "/object/" + object.id);
		node.put("name", label(object));
		return node;
	}

	List<String> systemOrStored(AssetsObject object, AttributeDefinition attribute) {
		if (attribute.system) {
			return switch (attribute.name) {
				case "Key" -> List.of(object.objectKey);
				case "Created" -> List.of(iso(object.created));
				case "Updated" -> List.of(iso(object.updated));
				default -> List.of();
			};
		}
		return object.get(attribute.id);
	}

	private ObjectNode valueJson(AttributeDefinition attribute, String value, String baseUrl) {
		ObjectNode node = Json.object();
		if (attribute.isReference()) {
			AssetsObject target = this.objects.get(value);
			if (target != null) {
				ObjectNode referenced = node.putObject("referencedObject");
				referenced.put("id", target.id);
				referenced.put("label", label(target));
				referenced.put("objectKey", target.objectKey);
				referenced.set("objectType", typeJson(this.types.get(target.objectTypeId), baseUrl));
				referenced.putObject("_links").put("self", baseUrl + "/object/" + target.id);
				node.put("displayValue", label(target));
				node.put("searchValue", target.objectKey);
			}
			else {
				node.put("displayValue", value);
			}
			node.put("referencedType", true);
			return node;
		}
		if (attribute.isStatus()) {
			node.set("status", statusJson(value));
			node.put("displayValue", this.statuses.get(value)[0]);
			node.put("searchValue", value);
			node.put("referencedType", false);
			return node;
		}
		node.put("value", value);
		node.put("displayValue", value);
		node.put("searchValue", value);
		node.put("referencedType", false);
		if (attribute.type == 2) {
			String[] account = this.users.get(value);
			ObjectNode user = node.putObject("user");
			user.put("accountId", value);
			user.put("displayName", (account != null) ? account[1] : value);
			if (account != null) {
				user.put("emailAddress", account[0]);
				node.put("displayValue", account[1]);
			}
		}
		return node;
	}

	/** A value that failed validation, keyed to its attribute as the platform reports. */
	static final class AttributeError extends RuntimeException {

		final String attributeId;

		AttributeError(String attributeId, String message) {
			super(message);
			this.attributeId = attributeId;
		}

	}

}
