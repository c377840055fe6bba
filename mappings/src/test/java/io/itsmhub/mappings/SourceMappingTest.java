package io.itsmhub.mappings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SourceMappingTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String ASSETS = """
			apiVersion: hub.mapping/v1
			direction: inbound
			ciClass: server
			fields:
			  sourceKey: $.id
			  name: {from: $.hostname, transforms: [trim, lower]}
			  ciClass: {from: $.kind, transforms: [{lookup: kinds}]}
			  identifiers.serial_number: {from: "$['hw']['serial']", transforms: [trim, upper]}
			  identifiers.mac_address: {from: "$.hw.nics[*].mac"}
			  attributes.first_ip: {from: "$.hw.nics[0].ip"}
			  facts.lifecycle_status: {from: $.state, transforms: [{lookup: states}], required: true}
			  facts.purchase_date: {from: /bought, transforms: [{parseDate: dd/MM/yyyy}]}
			  facts.owner: {from: $.owner.email, default: nobody@example.com}
			  relationships.runs_on.hostname: {from: $.host}
			lookups:
			  kinds: {values: {srv: server, vm: virtual_machine}, passThrough: true}
			  states: {values: {live: in_use, spare: in_stock}, ignoreCase: true}
			""";

	@Test
	void aRecordIsMappedWithPathsLookupsAndTransforms() throws Exception {
		SourceMapping mapping = SourceMapping.compile("assets.yaml", ASSETS);
		JsonNode record = JSON.readTree("""
				{"id": 7, "hostname": " APP-07 ", "kind": "vm", "state": "LIVE", "bought": "11/04/2023",
				 "host": "esx-01", "hw": {"serial": " gen-0007 ",
				   "nics": [{"mac": "00:1a:2b:3c:4d:01", "ip": "10.0.0.7"}, {"mac": "00:1a:2b:3c:4d:02"}]}}
				""");
		SourceMapping.Mapped mapped = mapping.map(record);
		assertThat(mapped.errors()).isEmpty();
		assertThat(mapped.sourceKey()).isEqualTo("7");
		assertThat(JSON.readTree(mapped.item().toString())).isEqualTo(JSON.readTree(
				"""
						{"ciClass": "virtual_machine", "sourceKey": "7", "name": "app-07",
						 "identifiers": {"serial_number": "GEN-0007", "mac_address": ["00:1a:2b:3c:4d:01", "00:1a:2b:3c:4d:02"]},
						 "attributes": {"first_ip": "10.0.0.7"},
						 "facts": {"lifecycle_status": "in_use", "purchase_date": "2023-04-11", "owner": "nobody@example.com"},
						 "relationships": [{"type": "runs_on", "target": {"hostname": "esx-01"}}]}
						"""));
	}

	@Test
	void aRecordTheRulesCannotMapHasErrorsNamingTheField() throws Exception {
		SourceMapping mapping = SourceMapping.compile("assets.yaml", ASSETS);
		SourceMapping.Mapped mapped = mapping.map(JSON.readTree("""
				{"id": "x", "state": "scrapped", "bought": "2023-04-11"}
				"""));
		assertThat(mapped.errors()).extracting((e) -> e.field() + ": " + e.reason())
			.containsExactly(
					"facts.lifecycle_status: 'scrapped' is not in lookup 'states', which has no default; add it to the "
							+ "lookup's values, or give the lookup a default (from $.state | lookup states)",
					"facts.purchase_date: '2023-04-11' is not a date in the pattern dd/MM/yyyy "
							+ "(from /bought | parseDate 'dd/MM/yyyy')");
		assertThat(mapping.map(JSON.readTree("{\"id\": 1}")).errors()).singleElement()
			.satisfies((e) -> assertThat(e.field() + ": " + e.reason())
				.isEqualTo("facts.lifecycle_status: is required, and the record has no value at $.state"));
	}

	@Test
	void everyErrorOfADocumentIsReportedWithItsLineAndField() {
		String bad = """
				apiVersion: hub.mapping/v1
				direction: inbound
				fields:
				  name: {from: "$..hostname"}
				  identifiers.serial: $.sn
				  facts.owner: {from: $.owner, transforms: [{lookup: owners}, shout]}
				  attributes.os: {form: $.os}
				""";
		assertThatExceptionOfType(MappingValidationException.class)
			.isThrownBy(() -> SourceMapping.compile("bad.yaml", bad))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(MappingError::toString)
				.contains("bad.yaml:4:10: fields.name.from: '$..hostname': recursive descent (..) is not supported",
						"bad.yaml:5:3: fields.identifiers.serial: 'identifiers.serial' is not an identifier; known "
								+ "types are serial_number, asset_tag, uuid, mac_address, fqdn, hostname, "
								+ "cloud_resource_id, container_id")
				.anySatisfy((e) -> assertThat(e).startsWith("bad.yaml:6:").contains("lookup 'owners' is not defined"))
				.anySatisfy((e) -> assertThat(e).contains("'shout' is not a transform of source mappings"))
				.anySatisfy((e) -> assertThat(e)
					.contains("fields.attributes.os.form: is not a rule key, did you " + "mean 'from'?"))
				.anySatisfy((e) -> assertThat(e).contains("has no sourceKey"))
				.anySatisfy((e) -> assertThat(e).contains("gives no ciClass")));
	}

	@Test
	void theFlatFormIsTheSameEngine() throws Exception {
		Map<String, String> flat = new LinkedHashMap<>();
		flat.put("sourceKey", "/id");
		flat.put("name", "$.hostname");
		flat.put("identifiers.mac_address", "/hw/macs");
		SourceMapping mapping = SourceMapping.flat("hub.pull.assets.mapping", flat, "server");
		SourceMapping.Mapped mapped = mapping
			.map(JSON.readTree("{\"id\": 1, \"hostname\": \"a\", \"hw\": {\"macs\": [\"00:1a:2b:3c:4d:01\"]}}"));
		assertThat(mapped.item().toString()).isEqualTo("{\"ciClass\":\"server\",\"sourceKey\":\"1\",\"name\":\"a\","
				+ "\"identifiers\":{\"mac_address\":[\"00:1a:2b:3c:4d:01\"]}}");
		assertThatExceptionOfType(MappingValidationException.class)
			.isThrownBy(() -> SourceMapping.flat("hub.pull.x.mapping", Map.of("name", "$.n"), null))
			.withMessageContaining("has no sourceKey");
	}

	@Test
	void jsonPathsReadMembersIndexesAndWildcards() throws Exception {
		JsonNode record = JSON.readTree("{\"a\": {\"b c\": [1, 2, null, 3]}, \"t\": {\"x\": 1, \"y\": 2}}");
		assertThat(JsonPath.compile("$.a['b c'][-1]").read(record)).extracting(JsonNode::asInt).containsExactly(3);
		assertThat(JsonPath.compile("$.a['b c'][*]").read(record)).extracting(JsonNode::asInt).containsExactly(1, 2, 3);
		assertThat(JsonPath.compile("t.*").read(record)).extracting(JsonNode::asInt).containsExactly(1, 2);
		assertThat(JsonPath.compile("$.missing[0].x").read(record)).isEmpty();
		assertThat(List.of(JsonPath.compile("$.a").definite(), JsonPath.compile("$.t.*").definite()))
			.containsExactly(true, false);
	}

}
