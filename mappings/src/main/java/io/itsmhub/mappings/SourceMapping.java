package io.itsmhub.mappings;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.itsmhub.api.ingest.FieldError;
import io.itsmhub.api.json.CanonicalValues;
import io.itsmhub.api.model.CiClass;
import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.api.model.LifecycleFacts.FactName;
import io.itsmhub.api.model.RelationshipType;
import io.itsmhub.mappings.yaml.LocatedTree;
import io.itsmhub.mappings.yaml.Location;

/**
 * The inbound direction of the mapping engine: a source's JSON records (a REST API's
 * pages) to canonical items, field by field, with the same rules and transforms as the
 * outbound mapping. A document:
 *
 * <pre>
 * apiVersion: hub.mapping/v1
 * direction: inbound
 * ciClass: server                    # when no rule gives ciClass
 * fields:
 *   sourceKey: $.id                  # a JSONPath (or JSON pointer) alone
 *   name: {from: $.hostname, transforms: [trim, lower]}
 *   identifiers.mac_address: {from: "$.nics[*].mac"}
 *   facts.lifecycle_status: {from: $.state, transforms: [{lookup: states}], required: true}
 *   facts.purchase_date: {from: $.bought, transforms: [{parseDate: dd/MM/yyyy}]}
 *   relationships.runs_on.hostname: {from: $.host}
 * lookups:
 *   states: {values: {live: in_use, spare: in_stock}, default: in_use}
 * </pre>
 *
 * Compiling reports every error at once, each with its line and the field; a compiled
 * source mapping cannot be invalid. Mapping a record that a rule cannot handle (a
 * required value missing, a value no lookup entry or date pattern fits) gives errors
 * naming the canonical field, and no item: the record is rejected, the others go on.
 */
public final class SourceMapping {

	/** The {@code direction} of an inbound document. */
	public static final String INBOUND = "inbound";

	private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

	private static final Set<String> DOCUMENT_KEYS = Set.of("apiVersion", "direction", "source", "version",
			"description", "ciClass", "fields", "lookups");

	private static final Set<String> RULE_KEYS = Set.of("from", "constant", "transforms", "default", "required",
			"description");

	private static final List<String> SUB_FACTS = List.of("facts.purchase_cost.amount", "facts.purchase_cost.currency",
			"facts.depreciation.method", "facts.depreciation.months");

	private final String document;

	private final String ciClass;

	private final List<Rule> rules;

	private SourceMapping(String document, String ciClass, List<Rule> rules) {
		this.document = document;
		this.ciClass = ciClass;
		this.rules = rules;
	}

	/**
	 * Compiles an inbound mapping document.
	 * @param documentName what errors name the document by, such as its file name
	 * @param yaml the document
	 * @throws MappingValidationException with every error in it
	 */
	public static SourceMapping compile(String documentName, String yaml) {
		LocatedTree tree = LocatedTree.read(yaml);
		Run run = new Run(documentName, tree);
		tree.problems().forEach((problem) -> run.error(problem.path(), problem.location(), problem.message()));
		JsonNode root = tree.root();
		if (!root.isObject()) {
			if (tree.problems().isEmpty()) {
				run.error("", "is not a mapping; it starts with apiVersion: " + MappingCompiler.API_VERSION
						+ " and direction: " + INBOUND);
			}
			throw new MappingValidationException(run.errors());
		}
		if (!MappingCompiler.API_VERSION.equals(root.path("apiVersion").asText(null))) {
			run.error("apiVersion", "is required and must be " + MappingCompiler.API_VERSION);
		}
		if (!INBOUND.equals(root.path("direction").asText(null))) {
			run.error("direction", "is required and must be " + INBOUND
					+ " for a source mapping (platform mappings are the outbound direction)");
		}
		for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
			String name = names.next();
			if (!DOCUMENT_KEYS.contains(name)) {
				run.error(name, "is not a key of a source mapping" + Transforms.closest(DOCUMENT_KEYS, name)
						+ "; keys are " + String.join(", ", DOCUMENT_KEYS.stream().sorted().toList()));
			}
		}
		JsonNode fields = root.path("fields");
		if (!fields.isObject() || fields.isEmpty()) {
			run.error("fields", "is required: canonical field to its rule, with at least sourceKey");
		}
		return run.compile(root.path("ciClass").asText(null), fields, root.path("lookups"));
	}

	/**
	 * Compiles the flat form, canonical field to a JSONPath or JSON pointer
	 * ({@code hub.pull.<source>.mapping}).
	 * @param documentName what errors name the mapping by, such as its property
	 * @throws MappingValidationException with every error in it
	 */
	public static SourceMapping flat(String documentName, Map<String, String> mapping, String ciClass) {
		ObjectNode fields = NODES.objectNode();
		mapping.forEach((field, path) -> fields.put(field, path));
		Run run = new Run(documentName, LocatedTree.read("{}"));
		return run.compile(ciClass, fields, NODES.objectNode());
	}

	/** The mapping's name in errors. */
	public String document() {
		return this.document;
	}

	/**
	 * Maps one record.
	 * @return the canonical item's JSON form (for the canonical reader to check) and the
	 * errors of the rules that could not map it; with errors, the record is to be
	 * rejected
	 */
	public Mapped map(JsonNode record) {
		ObjectNode item = NODES.objectNode();
		if (this.ciClass != null) {
			item.put("ciClass", this.ciClass);
		}
		List<FieldError> errors = new ArrayList<>(0);
		for (Rule rule : this.rules) {
			Object value;
			try {
				value = rule.value(record);
			}
			catch (Values.StepFailure ex) {
				errors.add(new FieldError(rule.target, ex.getMessage() + " (" + rule.describe() + ")"));
				continue;
			}
			if (Values.isEmpty(value)) {
				if (rule.required) {
					errors.add(new FieldError(rule.target, "is required, and the record has no value at "
							+ ((rule.from != null) ? rule.from : "its constant")));
				}
				continue;
			}
			rule.write(item, value);
		}
		JsonNode key = item.get("sourceKey");
		return new Mapped(item, (key != null) ? key.asText() : null, List.copyOf(errors));
	}

	/**
	 * One mapped record.
	 *
	 * @param item the canonical JSON form
	 * @param sourceKey its source key, {@code null} when the record has none
	 * @param errors what the rules could not map, by canonical field
	 */
	public record Mapped(ObjectNode item, String sourceKey, List<FieldError> errors) {

	}

	/** One compiled field rule. */
	private static final class Rule {

		final String target;

		final JsonPath from;

		final Object constant;

		final List<Step> steps;

		final Object defaultValue;

		final boolean required;

		Rule(String target, JsonPath from, Object constant, List<Step> steps, Object defaultValue, boolean required) {
			this.target = target;
			this.from = from;
			this.constant = constant;
			this.steps = steps;
			this.defaultValue = defaultValue;
			this.required = required;
		}

		Object value(JsonNode record) {
			Object value;
			if (this.from != null) {
				List<JsonNode> found = this.from.read(record);
				if (this.from.definite()) {
					value = found.isEmpty() ? null : CanonicalValues.fromJson(found.get(0));
				}
				else {
					List<Object> values = new ArrayList<>(found.size());
					found.forEach((node) -> values.add(CanonicalValues.fromJson(node)));
					value = values;
				}
			}
			else {
				value = this.constant;
			}
			for (Step step : this.steps) {
				value = step.apply(value, null);
			}
			return Values.isEmpty(value) ? this.defaultValue : value;
		}

		void write(ObjectNode item, Object value) {
			JsonNode json = this.target.equals("sourceKey") ? NODES.textNode(Values.text(value))
					: CanonicalValues.toJson(value);
			if (this.target.startsWith("relationships.")) {
				String[] parts = this.target.split("\\.");
				for (JsonNode targetValue : json.isArray() ? json : List.of(json)) {
					JsonNode list = item.get("relationships");
					ObjectNode relationship = ((list != null) ? (com.fasterxml.jackson.databind.node.ArrayNode) list
							: item.putArray("relationships"))
						.addObject();
					relationship.put("type", parts[1]);
					relationship.putObject("target").set(parts[2], targetValue);
				}
				return;
			}
			String[] parts = this.target.split("\\.");
			ObjectNode parent = item;
			for (int i = 0; i < parts.length - 1; i++) {
				JsonNode child = parent.get(parts[i]);
				parent = (child instanceof ObjectNode object) ? object : parent.putObject(parts[i]);
			}
			parent.set(parts[parts.length - 1], json);
		}

		String describe() {
			StringBuilder text = new StringBuilder((this.from != null) ? "from " + this.from : "constant");
			this.steps.forEach((step) -> text.append(" | ").append(step.describe()));
			return text.toString();
		}

	}

	/** One compilation: collects every error. */
	private static final class Run {

		private final String document;

		private final LocatedTree tree;

		private final List<MappingError> errors = new ArrayList<>();

		private final Set<String> seen = new HashSet<>();

		Run(String document, LocatedTree tree) {
			this.document = document;
			this.tree = tree;
		}

		void error(String path, String message) {
			error(path, this.tree.locationOf(path), message);
		}

		void error(String path, Location location, String message) {
			if (this.seen.add(path + "\u0000" + message)) {
				this.errors
					.add(new MappingError(this.document, null, location.line(), location.column(), path, message));
			}
		}

		List<MappingError> errors() {
			List<MappingError> sorted = new ArrayList<>(this.errors);
			sorted.sort(Comparator.comparingInt(MappingError::line).thenComparingInt(MappingError::column));
			return sorted;
		}

		SourceMapping compile(String ciClass, JsonNode fields, JsonNode lookupsNode) {
			if (ciClass != null && CiClass.fromId(ciClass).isEmpty()) {
				error("ciClass", "'" + ciClass + "' is not a canonical class");
			}
			Map<String, LookupTable> lookups = Transforms.readLookups(lookupsNode, this::error);
			List<Rule> rules = new ArrayList<>();
			for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> entry = it.next();
				Rule rule = rule("fields." + entry.getKey(), entry.getKey(), entry.getValue(), lookups);
				if (rule != null) {
					rules.add(rule);
				}
			}
			if (fields.isObject() && !fields.isEmpty() && !fields.has("sourceKey")) {
				error("fields", "has no sourceKey: map the record's own id to sourceKey, so that each record "
						+ "lands on the same item every time");
			}
			if (ciClass == null && fields.isObject() && !fields.isEmpty() && !fields.has("ciClass")) {
				error("fields", "gives no ciClass: map ciClass, or give the class of every record as ciClass");
			}
			if (!this.errors.isEmpty()) {
				throw new MappingValidationException(errors());
			}
			return new SourceMapping(this.document, ciClass, List.copyOf(rules));
		}

		private Rule rule(String path, String target, JsonNode node, Map<String, LookupTable> lookups) {
			String targetError = checkTarget(target);
			if (targetError != null) {
				error(path, targetError);
			}
			if (node.isTextual()) {
				node = NODES.objectNode().put("from", node.asText());
			}
			if (!node.isObject()) {
				error(path, "is a JSONPath, or a rule with from or constant, transforms, default and required");
				return null;
			}
			for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
				String name = names.next();
				if (!RULE_KEYS.contains(name)) {
					error(path + "." + name, "is not a rule key" + Transforms.closest(RULE_KEYS, name) + "; keys are "
							+ String.join(", ", RULE_KEYS.stream().sorted().toList()));
				}
			}
			JsonPath from = null;
			if (node.has("from")) {
				try {
					from = JsonPath.compile(node.path("from").asText(""));
				}
				catch (IllegalArgumentException ex) {
					error(path + ".from", ex.getMessage());
				}
			}
			else if (!node.has("constant")) {
				error(path, "gives no value: add from (a JSONPath such as $.serial) or constant");
			}
			List<Step> steps = new ArrayList<>();
			JsonNode transforms = node.path("transforms");
			if (!transforms.isMissingNode() && !transforms.isArray()) {
				error(path + ".transforms", "is a list of transforms, such as [trim, upper]");
			}
			for (int i = 0; i < transforms.size(); i++) {
				String stepPath = path + ".transforms[" + i + "]";
				JsonNode transform = transforms.get(i);
				String name;
				JsonNode argument = null;
				if (transform.isTextual()) {
					name = transform.asText();
				}
				else if (transform.isObject() && transform.size() == 1) {
					name = transform.fieldNames().next();
					argument = transform.get(name).isNull() ? null : transform.get(name);
				}
				else {
					error(stepPath, "is a transform name, or an object with one transform and its argument");
					continue;
				}
				Step step = step(stepPath, name, argument, lookups);
				if (step != null) {
					steps.add(step);
				}
			}
			if (targetError != null) {
				return null;
			}
			return new Rule(target, from, Transforms.scalar(node.get("constant")), List.copyOf(steps),
					Transforms.scalar(node.get("default")), node.path("required").asBoolean(false));
		}

		private Step step(String path, String name, JsonNode argument, Map<String, LookupTable> lookups) {
			if (name.equals("parseDate")) {
				return parseDate(path, (argument != null) ? argument.asText() : "");
			}
			if (!Transforms.SHARED.contains(name)) {
				error(path,
						"'" + name + "' is not a transform of source mappings"
								+ Transforms.closest(Transforms.SHARED, name) + "; they are "
								+ String.join(", ", Transforms.SHARED.stream().sorted().toList()) + " and parseDate");
				return null;
			}
			Step step = Transforms.compile(path, name, argument, lookups, this::error);
			if (step == null && this.seen.stream().noneMatch((key) -> key.startsWith(path))) {
				error(path, name + " needs an argument: " + switch (name) {
					case "truncate" -> "{truncate: <length>}";
					case "replace" -> "{replace: {pattern: <regex>, with: <text>}}";
					default -> "{" + name + ": <argument>}";
				});
			}
			return step;
		}

		/**
		 * {@code parseDate}, inbound only: reads a date or date-time written with a
		 * java.time pattern into ISO 8601 (a day, or an instant when the pattern has a
		 * time of day, taken as UTC).
		 */
		private Step parseDate(String path, String pattern) {
			DateTimeFormatter formatter;
			try {
				formatter = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
			}
			catch (IllegalArgumentException ex) {
				error(path + ".parseDate",
						"is not a valid date pattern: " + ex.getMessage() + "; for example dd/MM/yyyy");
				return null;
			}
			return Step.of("parseDate '" + pattern + "'", (value) -> {
				String text = Values.text(value).trim();
				try {
					TemporalAccessor parsed = formatter.parse(text);
					if (parsed.isSupported(ChronoField.HOUR_OF_DAY)) {
						return LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC).toString();
					}
					return LocalDate.from(parsed).toString();
				}
				catch (java.time.DateTimeException ex) {
					throw new Values.StepFailure("'" + text + "' is not a date in the pattern " + pattern);
				}
			});
		}

		/** Why a canonical field cannot be a target, or {@code null} when it can. */
		private static String checkTarget(String target) {
			if (List.of("sourceKey", "name", "ciClass", "observedAt").contains(target) || SUB_FACTS.contains(target)) {
				return null;
			}
			String[] parts = target.split("\\.", -1);
			switch (parts[0]) {
				case "identifiers":
					if (parts.length == 2 && IdentifierType.fromId(parts[1]).isPresent()) {
						return null;
					}
					return "'" + target + "' is not an identifier; known types are " + IdentifierType.wireNames();
				case "attributes":
					return (parts.length == 2 && parts[1].matches("[A-Za-z][A-Za-z0-9_]*")) ? null
							: "'" + target + "': name one attribute, such as attributes.os";
				case "facts":
					if (parts.length == 2 && FactName.ALL.contains(parts[1])) {
						return null;
					}
					return "'" + target + "' is not a fact" + Transforms.closest(FactName.ALL, parts[parts.length - 1])
							+ "; known facts are " + String.join(", ", FactName.ALL);
				case "relationships":
					if (parts.length == 3 && RelationshipType.fromId(parts[1]).isPresent()
							&& IdentifierType.fromId(parts[2]).isPresent()) {
						return null;
					}
					return "'" + target + "': write relationships.<type>.<identifier type>, such as "
							+ "relationships.runs_on.hostname";
				default:
					return "'" + target + "' is not a canonical field; map sourceKey, name, ciClass, observedAt, "
							+ "identifiers.<type>, attributes.<name>, facts.<fact> or relationships.<type>.<identifier>";
			}
		}

	}

}
