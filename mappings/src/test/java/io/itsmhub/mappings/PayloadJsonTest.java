package io.itsmhub.mappings;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.mappings.shipped.ShippedMappings;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON the admin API shows for a preview: payload and field-by-field explanation. */
class PayloadJsonTest {

	private final CompiledMapping servicenow = new ShippedMappings().load("servicenow").orElseThrow();

	@Test
	void previewJsonShowsThePayloadAndWhichRuleProducedEachValue() throws Exception {
		DiscoveredItem item = GoldenMappingTest
			.readItem(Path.of("src/test/resources/fixtures/servicenow/server/db-prod-01/input.json"));
		JsonNode json = PayloadJson.preview(this.servicenow.preview(item, "item-42"));
		String text = new ObjectMapper().writeValueAsString(json);

		assertThat(json.get("mappingVersion").asInt()).isEqualTo(1);
		assertThat(json.at("/payload/itemId").asText()).isEqualTo("item-42");
		assertThat(json.at("/payload/records/0/targetClass").asText()).isEqualTo("cmdb_ci_linux_server");
		assertThat(text).contains("\"cost\":12450.00");
		JsonNode assetStatus = null;
		for (JsonNode field : json.get("fields")) {
			if (field.get("role").asText().equals("asset") && field.get("field").asText().equals("install_status")) {
				assetStatus = field;
			}
		}
		assertThat(assetStatus).isNotNull();
		assertThat(assetStatus.get("value").asLong()).isEqualTo(1);
		assertThat(assetStatus.get("sourceValue").asText()).isEqualTo("in_use");
		assertThat(assetStatus.get("rule").asText())
			.isEqualTo("from facts.lifecycle_status | lookup asset_install_status as integer, default 1, required");
		assertThat(assetStatus.get("outcome").asText()).isEqualTo("sent");
		assertThat(assetStatus.get("line").asInt()).isEqualTo(lineOf(this.servicenow.text(),
				"      install_status: {from: facts.lifecycle_status, transforms: [{lookup: asset_install_status}]"));
		assertThat(json.get("problems")).isEmpty();
	}

	private static int lineOf(String text, String prefix) {
		String[] lines = text.split("\n");
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].startsWith(prefix)) {
				return i + 1;
			}
		}
		throw new AssertionError("no line starts with " + prefix);
	}

}
