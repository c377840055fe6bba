package io.itsmhub.sources.cloud;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.itsmhub.api.ingest.FieldError;
import io.itsmhub.api.ingest.ParsedRecords;
import io.itsmhub.api.model.CiClass;
import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.api.model.LifecycleFacts.FactName;
import io.itsmhub.api.model.LifecycleStatus;
import io.itsmhub.api.model.RelationshipType;
import io.itsmhub.sources.CanonicalDraft;
import io.itsmhub.sources.RecordCollector;

/**
 * Reads AWS Config configuration items into canonical items. Accepted bodies:
 * <ul>
 * <li>a change notification ({@code ConfigurationItemChangeNotification}), raw as
 * EventBridge or a Lambda gets it, or wrapped in an SNS envelope whose {@code Message}
 * holds it as a string: one record, index 0;</li>
 * <li>a snapshot or history file ({@code configurationItems}): one record per item, by
 * position;</li>
 * <li>a single configuration item, as the Config API returns it ({@code arn} and a
 * {@code configuration} string are read too).</li>
 * </ul>
 * The resource's ARN is its {@code cloud_resource_id} and its key in the source; when the
 * item has no ARN (deletions sometimes lack it) it is built from the resource type,
 * region, account and id, so a resource keeps one key from creation to deletion. A
 * deletion ({@code ResourceDeleted}) is the resource with
 * {@code facts.lifecycle_status: retired}. EC2 instances are {@code virtual_machine}s
 * with the MAC addresses, private DNS names and IPs of their network interfaces; RDS
 * instances are {@code database}s; everything else is a {@code cloud_resource}.
 * Relationships come from the item's {@code relationships} list, by the verb AWS names:
 * "Contains" is {@code contains}, "Is contained in" and "Is associated with
 * SecurityGroup" are {@code member_of}, "Is attached to" and other associations are
 * {@code connected_to}; their targets are named by cloud_resource_id (an ARN).
 */
public final class AwsConfigReader {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Strict: a document followed by anything else is garbled, not a document. */
	private static final ObjectReader STRICT = JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

	/** ARN resource parts, by AWS Config resource type, to build an ARN from an id. */
	private static final Map<String, String> ARN_PATHS = Map.ofEntries(Map.entry("AWS::EC2::Instance", "ec2:instance/"),
			Map.entry("AWS::EC2::NetworkInterface", "ec2:network-interface/"),
			Map.entry("AWS::EC2::Subnet", "ec2:subnet/"), Map.entry("AWS::EC2::VPC", "ec2:vpc/"),
			Map.entry("AWS::EC2::Volume", "ec2:volume/"), Map.entry("AWS::EC2::SecurityGroup", "ec2:security-group/"),
			Map.entry("AWS::EC2::RouteTable", "ec2:route-table/"),
			Map.entry("AWS::EC2::InternetGateway", "ec2:internet-gateway/"),
			Map.entry("AWS::EC2::NetworkAcl", "ec2:network-acl/"), Map.entry("AWS::EC2::EIP", "ec2:elastic-ip/"),
			Map.entry("AWS::ElasticLoadBalancing::LoadBalancer", "elasticloadbalancing:loadbalancer/"),
			Map.entry("AWS::RDS::DBInstance", "rds:db:"), Map.entry("AWS::Lambda::Function", "lambda:function:"));

	private static final Set<String> CHANGE_TYPES = Set.of("CREATE", "UPDATE", "DELETE");

	private final Clock clock;

	public AwsConfigReader(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Reads a notification, snapshot file or configuration item.
	 * @param body the JSON body
	 * @param source the source name, such as {@code aws-config}
	 */
	public ParsedRecords read(byte[] body, String source) {
		RecordCollector records = new RecordCollector(source, this.clock);
		JsonNode root;
		try {
			root = STRICT.readTree(body);
		}
		catch (IOException ex) {
			records.reject(0, null, "(body)", "malformed JSON: " + firstLine(ex.getMessage()));
			return records.result();
		}
		if (root == null || !root.isObject()) {
			records.reject(0, null, "(body)", "expected a JSON object");
			return records.result();
		}
		read(root, records);
		return records.result();
	}

	private void read(JsonNode root, RecordCollector records) {
		if (root.has("Type") && root.has("Message")) {
			// an SNS envelope: the notification is a JSON document inside a string
			JsonNode message;
			try {
				message = STRICT.readTree(root.path("Message").asText());
			}
			catch (IOException ex) {
				records.reject(0, null, "Message",
						"the SNS message is not a JSON document: " + firstLine(ex.getMessage()));
				return;
			}
			if (message == null || !message.isObject()) {
				records.reject(0, null, "Message", "the SNS message is not a JSON object");
				return;
			}
			read(message, records);
			return;
		}
		if (root.has("configurationItems")) {
			int index = 0;
			for (JsonNode item : root.path("configurationItems")) {
				configurationItem(index++, item, null, records);
			}
			return;
		}
		String messageType = root.path("messageType").asText("");
		if (root.has("configurationItem")) {
			configurationItem(0, root.path("configurationItem"), root.path("configurationItemDiff"), records);
			return;
		}
		if (root.has("resourceType") && root.has("resourceId")) {
			configurationItem(0, root, null, records);
			return;
		}
		if (messageType.equals("OversizedConfigurationItemChangeNotification")) {
			records.reject(0, root.path("configurationItemSummary").path("resourceId").asText(null),
					"configurationItem", "the item was too large for a notification; AWS Config left it at "
							+ root.path("s3DeliverySummary").path("s3BucketLocation").asText("an S3 location"));
			return;
		}
		if (!messageType.isEmpty()) {
			// delivery and compliance notices carry no configuration item: nothing to
			// read
			return;
		}
		records.reject(0, null, "(body)", "not an AWS Config notification, snapshot file or configuration item");
	}

	private void configurationItem(int index, JsonNode item, JsonNode diff, RecordCollector records) {
		List<FieldError> errors = new ArrayList<>();
		String resourceType = text(item, "resourceType");
		String resourceId = text(item, "resourceId");
		String region = text(item, "awsRegion");
		String account = text(item, "awsAccountId");
		if (resourceType.isEmpty()) {
			errors.add(new FieldError("configurationItem.resourceType", "is required"));
		}
		if (resourceId.isEmpty()) {
			errors.add(new FieldError("configurationItem.resourceId", "is required"));
		}
		if (account.isEmpty()) {
			errors.add(new FieldError("configurationItem.awsAccountId", "is required: it qualifies the resource"));
		}
		if (diff != null) {
			checkDiff(diff, errors);
		}
		String arn = first(text(item, "ARN"), text(item, "arn"));
		if (arn.isEmpty()) {
			arn = arn(resourceType, resourceId, region, account);
		}
		JsonNode configuration = item.path("configuration");
		if (configuration.isTextual()) {
			// the Config API gives the configuration as a JSON string
			try {
				configuration = JSON.readTree(configuration.asText());
			}
			catch (IOException ex) {
				errors.add(new FieldError("configurationItem.configuration",
						"is not a JSON document: " + firstLine(ex.getMessage())));
			}
		}
		String status = text(item, "configurationItemStatus");
		boolean deleted = status.startsWith("ResourceDeleted") || "DELETE".equals(text(diff, "changeType"));

		CanonicalDraft draft = new CanonicalDraft().sourceKey(arn).ciClass(ciClass(resourceType));
		Map<String, String> tags = tags(item, configuration);
		draft.name(first(first(text(item, "resourceName"), tags.getOrDefault("Name", "")), resourceId));
		draft.identifier(IdentifierType.CLOUD_RESOURCE_ID, arn);
		draft.attribute("resource_type", resourceType);
		draft.attribute("resource_id", resourceId);
		draft.attribute("account_id", account);
		draft.attribute("region", region);
		String zone = text(item, "availabilityZone");
		if (!zone.startsWith("Multiple") && !zone.equalsIgnoreCase("Not Applicable")) {
			draft.attribute("availability_zone", zone);
		}
		draft.attribute("created_at", text(item, "resourceCreationTime"));
		if (!tags.isEmpty()) {
			draft.attribute("tags", new LinkedHashMap<String, Object>(tags));
		}
		if (configuration.isObject()) {
			configuration(resourceType, configuration, draft, region, account);
		}
		if (deleted) {
			draft.fact(FactName.LIFECYCLE_STATUS, LifecycleStatus.RETIRED.id());
		}
		else {
			relationships(item.path("relationships"), region, account, draft);
		}
		String captured = text(item, "configurationItemCaptureTime");
		if (captured.isEmpty()) {
			draft.observedAt(this.clock.instant());
		}
		else {
			draft.observedAt(captured);
		}
		records.add(index, draft, errors);
	}

	/**
	 * Checks the diff of a change notification: every changed property is an object with
	 * a change type and the previous or updated value. A diff that is not shaped so was
	 * garbled on the way, and the item it came with cannot be trusted either.
	 */
	private static void checkDiff(JsonNode diff, List<FieldError> errors) {
		if (diff.isMissingNode() || diff.isNull()) {
			return;
		}
		String changeType = text(diff, "changeType");
		if (!changeType.isEmpty() && !CHANGE_TYPES.contains(changeType)) {
			errors.add(new FieldError("configurationItemDiff.changeType",
					"'" + changeType + "' is not CREATE, UPDATE or DELETE"));
		}
		JsonNode changed = diff.path("changedProperties");
		for (Iterator<Map.Entry<String, JsonNode>> it = changed.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> property = it.next();
			String path = "configurationItemDiff.changedProperties." + property.getKey();
			JsonNode value = property.getValue();
			if (!value.isObject()) {
				errors.add(new FieldError(path,
						"expected an object {previousValue, updatedValue, changeType}, got "
								+ value.getNodeType().toString().toLowerCase(Locale.ROOT) + " "
								+ abbreviate(value.toString())));
				continue;
			}
			if (!value.has("previousValue") && !value.has("updatedValue")) {
				List<String> names = new ArrayList<>();
				value.fieldNames().forEachRemaining(names::add);
				errors.add(new FieldError(path, "has neither previousValue nor updatedValue (has " + names + ")"));
			}
			String propertyChange = text(value, "changeType");
			if (!CHANGE_TYPES.contains(propertyChange)) {
				errors.add(new FieldError(path + ".changeType",
						"'" + propertyChange + "' is not CREATE, UPDATE or DELETE"));
			}
		}
	}

	private static void configuration(String resourceType, JsonNode configuration, CanonicalDraft draft, String region,
			String account) {
		switch (resourceType) {
			case "AWS::EC2::Instance" -> instance(configuration, draft, region, account);
			case "AWS::EC2::NetworkInterface" -> {
				// the MAC is an attribute, not an identifier: the instance using the
				// interface carries it, and one MAC on two items would be a conflict
				draft.attribute("mac_address", text(configuration, "macAddress"));
				draft.attribute("private_dns_name", text(configuration, "privateDnsName"));
				draft.attribute("ip_addresses", privateIps(configuration));
				draft.attribute("interface_type", text(configuration, "interfaceType"));
				draft.attribute("status", text(configuration, "status"));
				draft.attribute("subnet_id", text(configuration, "subnetId"));
				draft.attribute("vpc_id", text(configuration, "vpcId"));
				draft.attribute("description", text(configuration, "description"));
				String instanceId = text(configuration.path("attachment"), "instanceId");
				if (!instanceId.isEmpty()) {
					draft.relationship(RelationshipType.CONNECTED_TO, IdentifierType.CLOUD_RESOURCE_ID,
							arn("AWS::EC2::Instance", instanceId, region, account));
				}
			}
			case "AWS::EC2::Subnet" -> {
				draft.attribute("cidr_block", text(configuration, "cidrBlock"));
				draft.attribute("state", text(configuration, "state"));
				draft.attribute("vpc_id", text(configuration, "vpcId"));
				draft.attribute("available_ip_address_count", number(configuration, "availableIpAddressCount"));
			}
			case "AWS::ElasticLoadBalancing::LoadBalancer" -> {
				draft.attribute("dns_name", text(configuration, "dnsname"));
				draft.attribute("scheme", text(configuration, "scheme"));
				draft.attribute("vpc_id", text(configuration, "vpcid"));
			}
			case "AWS::ElasticLoadBalancingV2::LoadBalancer" -> {
				draft.attribute("dns_name", text(configuration, "dNSName"));
				draft.attribute("scheme", text(configuration, "scheme"));
				draft.attribute("load_balancer_type", text(configuration, "type"));
				draft.attribute("state", text(configuration.path("state"), "code"));
				draft.attribute("vpc_id", text(configuration, "vpcId"));
			}
			default -> {
				draft.attribute("state",
						first(text(configuration, "state"), text(configuration.path("state"), "name")));
			}
		}
	}

	private static void instance(JsonNode configuration, CanonicalDraft draft, String region, String account) {
		String privateDns = text(configuration, "privateDnsName");
		List<String> dnsNames = new ArrayList<>();
		if (!privateDns.isEmpty()) {
			dnsNames.add(privateDns);
		}
		Set<String> ips = new LinkedHashSet<>();
		addIfPresent(ips, text(configuration, "privateIpAddress"));
		for (JsonNode nic : configuration.path("networkInterfaces")) {
			draft.identifier(IdentifierType.MAC_ADDRESS, text(nic, "macAddress"));
			addIfPresent(dnsNames, text(nic, "privateDnsName"));
			for (JsonNode address : nic.path("privateIpAddresses")) {
				addIfPresent(dnsNames, text(address, "privateDnsName"));
			}
			ips.addAll(privateIps(nic));
		}
		if (!dnsNames.isEmpty()) {
			String fqdn = dnsNames.get(0);
			draft.identifier(IdentifierType.FQDN, fqdn);
			draft.identifier(IdentifierType.HOSTNAME, fqdn.split("\\.", 2)[0]);
		}
		addIfPresent(ips, text(configuration, "publicIpAddress"));
		draft.attribute("ip_addresses", new ArrayList<>(ips));
		draft.attribute("public_dns_name", text(configuration, "publicDnsName"));
		draft.attribute("instance_type", text(configuration, "instanceType"));
		draft.attribute("image_id", text(configuration, "imageId"));
		draft.attribute("state", text(configuration.path("state"), "name"));
		draft.attribute("platform", text(configuration, "platform"));
		draft.attribute("architecture", text(configuration, "architecture"));
		draft.attribute("launch_time", text(configuration, "launchTime"));
		draft.attribute("vpc_id", text(configuration, "vpcId"));
		draft.attribute("subnet_id", text(configuration, "subnetId"));
		Long cores = number(configuration.path("cpuOptions"), "coreCount");
		Long threads = number(configuration.path("cpuOptions"), "threadsPerCore");
		if (cores != null) {
			draft.attribute("cpu_cores", cores);
			draft.attribute("vcpu", cores * ((threads != null) ? threads : 1));
		}
		if ("terminated".equals(text(configuration.path("state"), "name"))) {
			draft.fact(FactName.LIFECYCLE_STATUS, LifecycleStatus.RETIRED.id());
		}
	}

	private static void relationships(JsonNode relationships, String region, String account, CanonicalDraft draft) {
		Set<String> seen = new LinkedHashSet<>();
		for (JsonNode relationship : relationships) {
			String type = text(relationship, "resourceType");
			String id = text(relationship, "resourceId");
			if (id.isEmpty()) {
				continue;
			}
			String target = id.startsWith("arn:") ? id : arn(type, id, region, account);
			RelationshipType canonical = relationshipType(text(relationship, "name"), type);
			if (seen.add(canonical.id() + " " + target)) {
				draft.relationship(canonical, IdentifierType.CLOUD_RESOURCE_ID, target);
			}
		}
	}

	/**
	 * The canonical type for an AWS Config relationship name. Names come with and without
	 * spaces ("Is contained in Vpc", "IscontainedinVpc"), and with or without the target
	 * type.
	 */
	static RelationshipType relationshipType(String name, String targetType) {
		String verb = name.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
		if (verb.startsWith("iscontainedin")) {
			return RelationshipType.MEMBER_OF;
		}
		if (verb.startsWith("contains")) {
			return RelationshipType.CONTAINS;
		}
		if (verb.startsWith("isassociatedwith") && targetType.equals("AWS::EC2::SecurityGroup")) {
			return RelationshipType.MEMBER_OF;
		}
		// "Is attached to", "Is associated with" and verbs AWS may add later
		return RelationshipType.CONNECTED_TO;
	}

	private static CiClass ciClass(String resourceType) {
		return switch (resourceType) {
			case "AWS::EC2::Instance" -> CiClass.VIRTUAL_MACHINE;
			case "AWS::RDS::DBInstance", "AWS::RDS::DBCluster", "AWS::DynamoDB::Table" -> CiClass.DATABASE;
			default -> CiClass.CLOUD_RESOURCE;
		};
	}

	/**
	 * The ARN of a resource of a known type, or its id when the type's ARN form is
	 * unknown.
	 */
	static String arn(String resourceType, String resourceId, String region, String account) {
		String path = ARN_PATHS.get(resourceType);
		if (path == null || resourceId.isEmpty() || region.isEmpty() || account.isEmpty()) {
			return resourceId.isEmpty() ? null : resourceId;
		}
		int colon = path.indexOf(':');
		return "arn:aws:" + path.substring(0, colon) + ":" + region + ":" + account + ":" + path.substring(colon + 1)
				+ resourceId;
	}

	private static Map<String, String> tags(JsonNode item, JsonNode configuration) {
		Map<String, String> tags = new LinkedHashMap<>();
		JsonNode ciTags = item.path("tags");
		if (ciTags.isObject()) {
			ciTags.fields().forEachRemaining((tag) -> tags.put(tag.getKey(), tag.getValue().asText()));
		}
		if (tags.isEmpty()) {
			for (String field : List.of("tags", "tagSet")) {
				for (JsonNode tag : configuration.path(field)) {
					if (tag.has("key")) {
						tags.put(tag.path("key").asText(), tag.path("value").asText());
					}
				}
			}
		}
		return tags;
	}

	private static List<String> privateIps(JsonNode nic) {
		Set<String> ips = new LinkedHashSet<>();
		addIfPresent(ips, text(nic, "privateIpAddress"));
		for (JsonNode address : nic.path("privateIpAddresses")) {
			addIfPresent(ips, text(address, "privateIpAddress"));
		}
		return new ArrayList<>(ips);
	}

	private static void addIfPresent(java.util.Collection<String> into, String value) {
		if (!value.isEmpty() && !into.contains(value)) {
			into.add(value);
		}
	}

	static String text(JsonNode node, String field) {
		if (node == null) {
			return "";
		}
		JsonNode value = node.path(field);
		return (value.isValueNode() && !value.isNull()) ? value.asText().trim() : "";
	}

	private static Long number(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.canConvertToLong() ? value.asLong() : null;
	}

	private static String first(String a, String b) {
		return !a.isEmpty() ? a : b;
	}

	private static String abbreviate(String text) {
		return (text.length() > 40) ? text.substring(0, 40) + "..." : text;
	}

	private static String firstLine(String message) {
		return (message != null) ? message.lines().findFirst().orElse("") : "";
	}

}
