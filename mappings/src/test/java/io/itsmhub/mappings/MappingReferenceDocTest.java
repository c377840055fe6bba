package io.itsmhub.mappings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code docs/mapping-reference.md} and the JSON Schema from drifting apart: the
 * reference tables in the document are rendered from the schema's {@code description}s,
 * and this test fails when they differ. After changing the schema, run it with
 * {@code -Ddocs.regenerate=true} to rewrite the tables, then review the diff.
 */
class MappingReferenceDocTest {

	static final Path DOC = Path.of("../docs/mapping-reference.md");

	static final String BEGIN = "<!-- BEGIN reference generated from mapping-schema.json: edit the schema, not this -->";

	static final String END = "<!-- END reference generated from mapping-schema.json -->";

	@Test
	void referenceTablesMatchTheSchemaDescriptions() throws IOException {
		String rendered = render(schema());
		String doc = Files.readString(DOC, StandardCharsets.UTF_8);
		int begin = doc.indexOf(BEGIN);
		int end = doc.indexOf(END);
		assertThat(begin).as("%s has the BEGIN marker", DOC).isNotNegative();
		assertThat(end).as("%s has the END marker", DOC).isGreaterThan(begin);
		String current = doc.substring(begin + BEGIN.length(), end);
		if (Boolean.getBoolean("docs.regenerate")) {
			Files.writeString(DOC, doc.substring(0, begin + BEGIN.length()) + rendered + doc.substring(end),
					StandardCharsets.UTF_8);
			current = rendered;
		}
		assertThat(current)
			.as("the reference in %s differs from the schema; run this test with "
					+ "-Ddocs.regenerate=true and review the diff", DOC)
			.isEqualTo(rendered);
	}

	@Test
	void everySchemaPropertyIsDescribed() throws IOException {
		JsonNode schema = schema();
		List<String> undescribed = new ArrayList<>();
		for (Section section : sections(schema)) {
			section.properties().fields().forEachRemaining((entry) -> {
				if (!entry.getValue().hasNonNull("description")) {
					undescribed.add(section.title() + ": " + entry.getKey());
				}
			});
		}
		assertThat(undescribed).as("properties without a description, so without documentation").isEmpty();
	}

	static JsonNode schema() throws IOException {
		try (InputStream in = MappingCompiler.class.getResourceAsStream(MappingCompiler.SCHEMA_RESOURCE)) {
			return new ObjectMapper().readTree(in);
		}
	}

	record Section(String title, String intro, JsonNode properties, JsonNode required) {

	}

	static List<Section> sections(JsonNode schema) {
		JsonNode definitions = schema.get("definitions");
		return List.of(
				new Section("Document", schema.get("description").asText(), schema.get("properties"),
						schema.get("required")),
				new Section("Class entry (`classes.<class>.<role>`)",
						definitions.at("/classRecord/description").asText(),
						definitions.at("/classRecord/else/properties"), definitions.at("/classRecord/else/required")),
				new Section("Record (`records.<role>`)", "", definitions.at("/record/properties"),
						definitions.at("/record/required")),
				new Section("Field rule (`records.<role>.fields.<field>`)", "", definitions.at("/field/properties"),
						null),
				new Section("Transforms (`transforms: [...]`)",
						"Written as a name (`trim`) or as a one-key object with the argument (`{truncate: 40}`).",
						definitions.at("/transform/else/properties"), null),
				new Section("Condition (`when`)", definitions.at("/condition/description").asText(),
						definitions.at("/condition/properties"), null),
				new Section("Relationship (`relationships.<type>`)", "", definitions.at("/relationship/properties"),
						definitions.at("/relationship/required")),
				new Section("Lookup (`lookups.<name>`)", "", definitions.at("/lookup/properties"),
						definitions.at("/lookup/required")));
	}

	static String render(JsonNode schema) {
		StringBuilder out = new StringBuilder("\n");
		for (Section section : sections(schema)) {
			out.append("\n### ").append(section.title()).append("\n\n");
			if (!section.intro().isEmpty()) {
				out.append(section.intro()).append("\n\n");
			}
			out.append("| key | type | required | description |\n|---|---|---|---|\n");
			for (Iterator<Map.Entry<String, JsonNode>> it = section.properties().fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> entry = it.next();
				boolean required = false;
				if (section.required() != null) {
					for (JsonNode name : section.required()) {
						required |= name.asText().equals(entry.getKey());
					}
				}
				out.append("| `")
					.append(entry.getKey())
					.append("` | ")
					.append(type(entry.getValue()))
					.append(" | ")
					.append(required ? "yes" : "")
					.append(" | ")
					.append(entry.getValue().path("description").asText().replace("|", "\\|"))
					.append(" |\n");
			}
		}
		return out.append("\n").toString();
	}

	private static String type(JsonNode property) {
		if (property.has("const")) {
			return "`" + property.get("const").asText() + "`";
		}
		if (property.has("enum")) {
			List<String> values = new ArrayList<>();
			property.get("enum").forEach((value) -> values.add("`" + value.asText() + "`"));
			return "one of " + String.join(", ", values);
		}
		if (property.has("$ref")) {
			String ref = property.get("$ref").asText();
			return ref.substring(ref.lastIndexOf('/') + 1);
		}
		JsonNode type = property.get("type");
		if (type == null) {
			return "";
		}
		if (type.isArray()) {
			List<String> types = new ArrayList<>();
			type.forEach((value) -> types.add(value.asText()));
			return String.join(" or ", types);
		}
		if (type.asText().equals("array") && property.has("items")) {
			return "list of " + type(property.get("items"));
		}
		if (type.asText().equals("object") && property.path("additionalProperties").has("$ref")) {
			return "map of " + type(property.get("additionalProperties"));
		}
		return type.asText();
	}

}
