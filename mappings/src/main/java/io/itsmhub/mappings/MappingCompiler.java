package io.itsmhub.mappings;

import java.io.IOException;
import java.io.InputStream;
import java.text.DecimalFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.itsmhub.api.model.CiClass;
import io.itsmhub.api.model.RelationshipType;
import io.itsmhub.api.target.FieldCatalog;
import io.itsmhub.api.target.FieldType;
import io.itsmhub.mappings.CompiledMapping.RelationRule;
import io.itsmhub.mappings.ItemPath.ValueKind;
import io.itsmhub.mappings.yaml.LocatedTree;
import io.itsmhub.mappings.yaml.Location;

/**
 * Compiles a mapping document (YAML, {@code apiVersion: hub.mapping/v1}) against a
 * platform's field catalog, in two layers: the JSON Schema checks the structure, then
 * compiling checks the meaning: every {@code from} path exists in the canonical model,
 * every target class and field exists in the catalog, every lookup is defined, every
 * {@code matchOn} identifier is mapped, every regular expression, date pattern and
 * expression parses. Every error is reported at once, with its line and column.
 * Thread-safe.
 */
public final class MappingCompiler {

	/** The spec version this compiler reads. */
	public static final String API_VERSION = "hub.mapping/v1";

	/** The classpath resource of the JSON Schema. */
	public static final String SCHEMA_RESOURCE = "/io/itsmhub/mappings/mapping-schema.json";

	/** How long one expression may run for one item before it fails that item. */
	static final long EXPRESSION_TIMEOUT_MILLIS = 1000;

	/** How deep one expression may recurse. */
	static final int EXPRESSION_MAX_DEPTH = 200;

	private static final JsonSchema SCHEMA = loadSchema();

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

	private static JsonSchema loadSchema() {
		try (InputStream in = MappingCompiler.class.getResourceAsStream(SCHEMA_RESOURCE)) {
			return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException("the mapping schema is part of this jar: " + SCHEMA_RESOURCE, ex);
		}
	}

	/**
	 * Compiles a document.
	 * @param documentName how errors name the document, such as
	 * {@code servicenow/mapping.yaml}
	 * @param yaml the document
	 * @param catalog the platform's field catalog
	 * @return the compiled mapping
	 * @throws MappingValidationException with every error, when there is any
	 */
	public CompiledMapping compile(String documentName, String yaml, FieldCatalog catalog) {
		Run run = new Run(documentName, yaml, catalog);
		CompiledMapping mapping = run.compile();
		if (!run.errors().isEmpty()) {
			throw new MappingValidationException(run.errors());
		}
		return mapping;
	}

	/**
	 * Every error in a document, empty when it compiles; never throws for a bad document.
	 */
	public List<MappingError> validate(String documentName, String yaml, FieldCatalog catalog) {
		Run run = new Run(documentName, yaml, catalog);
		run.compile();
		return run.errors();
	}

	/** One compilation: collects errors instead of stopping at the first. */
	private static final class Run {

		private final String documentName;

		private final String yaml;

		private final FieldCatalog catalog;

		private final LocatedTree tree;

		private Integer version;

		private final Set<String> seen = new HashSet<>();

		private final List<MappingError> errors = new ArrayList<>();

		private final Map<String, Set<String>> unknownFields = new LinkedHashMap<>();

		private final Map<String, LookupTable> lookups = new LinkedHashMap<>();

		Run(String documentName, String yaml, FieldCatalog catalog) {
			this.documentName = documentName;
			this.yaml = yaml;
			this.catalog = catalog;
			this.tree = LocatedTree.read(yaml);
		}

		List<MappingError> errors() {
			List<MappingError> sorted = new ArrayList<>(this.errors);
			sorted.sort(Comparator.comparingInt(MappingError::line)
				.thenComparingInt(MappingError::column)
				.thenComparing(MappingError::path));
			return sorted;
		}

		private void error(String path, String message) {
			error(path, this.tree.locationOf(path), message);
		}

		private void error(String path, Location location, String message) {
			if (this.seen.add(path + "\u0000" + message)) {
				this.errors.add(new MappingError(this.documentName, this.version, location.line(), location.column(),
						path, message));
			}
		}

		CompiledMapping compile() {
			JsonNode root = this.tree.root();
			if (root.path("version").canConvertToInt()) {
				this.version = root.path("version").asInt();
			}
			this.tree.problems().forEach((problem) -> error(problem.path(), problem.location(), problem.message()));
			if (root.isMissingNode()) {
				if (this.tree.problems().isEmpty()) {
					error("", "is empty; a mapping starts with apiVersion: " + API_VERSION);
				}
				return null;
			}
			validateSchema(root);
			if (!root.isObject()) {
				return null;
			}
			String platform = root.path("platform").asText(null);
			if (platform != null && !platform.equals(this.catalog.platform())) {
				error("platform", "is '" + platform + "', but it is being compiled against the field catalog of '"
						+ this.catalog.platform() + "'; a mapping is for one platform");
			}
			readLookups(root.path("lookups"));
			Map<RelationshipType, RelationRule> relationships = readRelationships(root.path("relationships"));
			Set<CiClass> scope = readScope(root.path("scope"));
			JsonNode records = root.path("records");
			checkMatchOn(records);
			Map<CiClass, List<ClassPlan>> classes = new EnumMap<>(CiClass.class);
			JsonNode classesNode = root.path("classes");
			for (Iterator<Map.Entry<String, JsonNode>> it = classesNode.fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> entry = it.next();
				String path = "classes." + entry.getKey();
				CiClass ciClass = CiClass.fromId(entry.getKey()).orElse(null);
				if (ciClass == null) {
					error(path, "'" + entry.getKey() + "' is not a canonical class; known classes are " + classIds());
					continue;
				}
				if (!scope.contains(ciClass)) {
					error(path, "'" + entry.getKey() + "' is mapped but not in scope; add it to scope, or remove it");
				}
				classes.put(ciClass, compileClass(path, entry.getValue(), records));
			}
			JsonNode scopeNode = root.path("scope");
			for (int i = 0; i < scopeNode.size(); i++) {
				CiClass ciClass = CiClass.fromId(scopeNode.get(i).asText()).orElse(null);
				if (ciClass != null && !classesNode.has(ciClass.id())) {
					error("scope[" + i + "]", "'" + ciClass.id()
							+ "' is in scope but has no entry in classes; map it to a platform class, or remove it");
				}
			}
			this.unknownFields.forEach((path, targetClasses) -> {
				String field = path.substring(path.lastIndexOf('.') + 1);
				error(path,
						"'" + field + "' is not a field of " + String.join(", ", targetClasses) + " in the "
								+ this.catalog.platform() + " field catalog"
								+ closestField(targetClasses.iterator().next(), field));
			});
			if (!this.errors.isEmpty()) {
				return null;
			}
			classes.keySet().retainAll(scope);
			return new CompiledMapping(this.documentName, platform, this.version, this.yaml, this.catalog, classes,
					relationships);
		}

		private void validateSchema(JsonNode root) {
			for (ValidationMessage message : SCHEMA.validate(root)) {
				String path = path(message.getInstanceLocation());
				String text = message.getMessage();
				String prefix = message.getInstanceLocation().toString() + ": ";
				if (text.startsWith(prefix)) {
					text = text.substring(prefix.length());
				}
				if ("additionalProperties".equals(message.getType()) && message.getProperty() != null) {
					String key = message.getProperty();
					path = LocatedTree.child(path, key);
					text = "'" + key + "' is not a key of this part of a mapping; see docs/mapping-reference.md";
				}
				else if ("required".equals(message.getType()) && message.getProperty() != null) {
					text = "'" + message.getProperty() + "' is missing here, and is required";
				}
				error(path, text);
			}
		}

		private static String path(JsonNodePath location) {
			StringBuilder path = new StringBuilder();
			for (int i = 0; i < location.getNameCount(); i++) {
				Object element = location.getElement(i);
				if (element instanceof Integer index) {
					path.append('[').append(index).append(']');
				}
				else {
					if (path.length() > 0) {
						path.append('.');
					}
					path.append(element);
				}
			}
			return path.toString();
		}

		private void readLookups(JsonNode node) {
			this.lookups.putAll(Transforms.readLookups(node, this::error));
		}

		private Map<RelationshipType, RelationRule> readRelationships(JsonNode node) {
			Map<RelationshipType, RelationRule> rules = new EnumMap<>(RelationshipType.class);
			for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> entry = it.next();
				String path = "relationships." + entry.getKey();
				RelationshipType type = RelationshipType.fromId(entry.getKey()).orElse(null);
				if (type == null) {
					error(path,
							"'" + entry.getKey() + "' is not a canonical relationship type; known types are "
									+ Arrays.stream(RelationshipType.values())
										.map(RelationshipType::id)
										.collect(Collectors.joining(", ")));
					continue;
				}
				String platformType = entry.getValue().path("type").asText(null);
				if (platformType == null) {
					continue;
				}
				if (!this.catalog.relationTypes().isEmpty() && !this.catalog.relationTypes().contains(platformType)) {
					error(path + ".type",
							"'" + platformType + "' is not a relation type of " + this.catalog.platform()
									+ "; known types are "
									+ this.catalog.relationTypes().stream().sorted().collect(Collectors.joining(", ")));
					continue;
				}
				rules.put(type,
						new RelationRule(type, platformType, entry.getValue().path("reverse").asBoolean(false)));
			}
			return rules;
		}

		private Set<CiClass> readScope(JsonNode node) {
			Set<CiClass> scope = new LinkedHashSet<>();
			for (int i = 0; i < node.size(); i++) {
				String id = node.get(i).asText();
				CiClass ciClass = CiClass.fromId(id).orElse(null);
				if (ciClass == null) {
					error("scope[" + i + "]", "'" + id + "' is not a canonical class; known classes are " + classIds());
				}
				else {
					scope.add(ciClass);
				}
			}
			return scope;
		}

		private void checkMatchOn(JsonNode records) {
			for (Iterator<Map.Entry<String, JsonNode>> it = records.fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> entry = it.next();
				JsonNode matchOn = entry.getValue().path("matchOn");
				JsonNode fields = entry.getValue().path("fields");
				for (int i = 0; i < matchOn.size(); i++) {
					String field = matchOn.get(i).asText();
					if (fields.isObject() && !fields.has(field)) {
						error("records." + entry.getKey() + ".matchOn[" + i + "]",
								"'" + field + "' is not mapped in records." + entry.getKey()
										+ ".fields; map it (from an identifier, such as identifiers.serial_number) "
										+ "so the platform record can be found before it is created");
					}
				}
			}
		}

		private List<ClassPlan> compileClass(String classPath, JsonNode node, JsonNode records) {
			List<ClassPlan> plans = new ArrayList<>();
			// roles in the order records lists them: the first is the main record
			for (Iterator<String> roles = records.fieldNames(); roles.hasNext();) {
				String role = roles.next();
				JsonNode entry = node.get(role);
				if (entry != null) {
					ClassPlan plan = compileClassRecord(classPath + "." + role, role, entry, records.get(role));
					if (plan != null) {
						plans.add(plan);
					}
				}
			}
			for (Iterator<String> roles = node.fieldNames(); roles.hasNext();) {
				String role = roles.next();
				if (!records.has(role)) {
					error(classPath + "." + role, "record role '" + role + "' has no rules in records; define records."
							+ role + ", or use one of " + String.join(", ", iterable(records.fieldNames())));
				}
			}
			return plans;
		}

		private ClassPlan compileClassRecord(String path, String role, JsonNode entry, JsonNode record) {
			String fallbackClass;
			JsonNode cases = null;
			JsonNode overrides = null;
			Condition when = condition("records." + role + ".when", record.get("when"));
			if (entry.isTextual()) {
				fallbackClass = entry.asText();
			}
			else if (entry.isObject() && entry.path("targetClass").isTextual()) {
				fallbackClass = entry.path("targetClass").asText();
				cases = entry.get("cases");
				overrides = entry.get("fields");
				Condition classWhen = condition(path + ".when", entry.get("when"));
				when = (when == null) ? classWhen
						: (classWhen == null) ? when : Condition.all(List.of(when, classWhen));
			}
			else {
				return null;
			}
			Map<String, String> rulePaths = new LinkedHashMap<>();
			Map<String, JsonNode> rules = new LinkedHashMap<>();
			for (Iterator<Map.Entry<String, JsonNode>> it = record.path("fields").fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> field = it.next();
				rules.put(field.getKey(), field.getValue());
				rulePaths.put(field.getKey(), "records." + role + ".fields." + field.getKey());
			}
			JsonNode include = entry.path("include");
			for (int i = 0; i < include.size(); i++) {
				String set = include.get(i).asText();
				JsonNode fieldSet = this.tree.root().path("fieldSets").get(set);
				if (fieldSet == null) {
					error(path + ".include[" + i + "]", "field set '" + set + "' is not defined in fieldSets"
							+ closest(iterable(this.tree.root().path("fieldSets").fieldNames()), set));
					continue;
				}
				for (Iterator<Map.Entry<String, JsonNode>> it = fieldSet.fields(); it.hasNext();) {
					Map.Entry<String, JsonNode> field = it.next();
					rules.put(field.getKey(), field.getValue());
					rulePaths.put(field.getKey(), "fieldSets." + set + "." + field.getKey());
				}
			}
			if (overrides != null) {
				for (Iterator<Map.Entry<String, JsonNode>> it = overrides.fields(); it.hasNext();) {
					Map.Entry<String, JsonNode> field = it.next();
					rules.put(field.getKey(), field.getValue());
					rulePaths.put(field.getKey(), path + ".fields." + field.getKey());
				}
			}
			List<String> matchOn = new ArrayList<>();
			record.path("matchOn").forEach((field) -> matchOn.add(field.asText()));
			String targetPath = entry.isTextual() ? path : path + ".targetClass";
			RecordPlan fallback = compileRecord(targetPath, role, fallbackClass, rules, rulePaths, matchOn);
			List<Condition> caseConditions = new ArrayList<>();
			List<RecordPlan> casePlans = new ArrayList<>();
			if (cases != null) {
				for (int i = 0; i < cases.size(); i++) {
					String casePath = path + ".cases[" + i + "]";
					Condition condition = condition(casePath + ".when", cases.get(i).get("when"));
					String targetClass = cases.get(i).path("targetClass").asText(null);
					if (condition != null && targetClass != null) {
						RecordPlan plan = compileRecord(casePath + ".targetClass", role, targetClass, rules, rulePaths,
								matchOn);
						if (plan != null) {
							caseConditions.add(condition);
							casePlans.add(plan);
						}
					}
				}
			}
			return (fallback != null) ? new ClassPlan(role, when, caseConditions, casePlans, fallback) : null;
		}

		private RecordPlan compileRecord(String targetPath, String role, String targetClass,
				Map<String, JsonNode> rules, Map<String, String> rulePaths, List<String> matchOn) {
			FieldCatalog.TargetClass known = this.catalog.targetClass(targetClass).orElse(null);
			if (known == null) {
				error(targetPath,
						"'" + targetClass + "' is not a class of the " + this.catalog.platform() + " field catalog"
								+ closest(this.catalog.classes().keySet(), targetClass) + "; it has "
								+ this.catalog.classes().size() + " classes, listed in its catalog.yaml");
				// still check the rules themselves, so their errors come in the same
				// round
				rules.forEach((name, rule) -> fieldRule(rulePaths.get(name), name, rule, null, targetClass));
				return null;
			}
			for (FieldCatalog.Field required : known.requiredFields()) {
				if (!rules.containsKey(required.name())) {
					error(targetPath, targetClass + " requires field '" + required.name() + "', which records." + role
							+ ".fields does not map; add a rule for it");
				}
			}
			List<FieldRule> fields = new ArrayList<>();
			rules.forEach((name, rule) -> {
				String path = rulePaths.get(name);
				FieldCatalog.Field field = known.fields().get(name);
				if (field == null) {
					this.unknownFields.computeIfAbsent(path, (key) -> new LinkedHashSet<>()).add(targetClass);
				}
				FieldRule compiled = fieldRule(path, name, rule, field, targetClass);
				if (compiled != null) {
					fields.add(compiled);
				}
			});
			return new RecordPlan(role, targetClass, fields, matchOn);
		}

		private FieldRule fieldRule(String path, String name, JsonNode rule, FieldCatalog.Field field,
				String targetClass) {
			if (!rule.isObject()) {
				return null;
			}
			int sources = (rule.has("from") ? 1 : 0) + (rule.has("constant") ? 1 : 0)
					+ (rule.has("expression") ? 1 : 0);
			if (sources != 1) {
				error(path, (sources == 0) ? "gives no value: add from (an item path), constant or expression"
						: "gives more than one of from, constant and expression; keep one");
				return null;
			}
			ValueSource source = null;
			ValueKind kind = ValueKind.ANY;
			if (rule.path("from").isTextual()) {
				try {
					ItemPath itemPath = ItemPath.resolve(rule.path("from").asText());
					source = ValueSource.path(itemPath);
					kind = itemPath.kind();
				}
				catch (IllegalArgumentException ex) {
					error(path + ".from", ex.getMessage());
				}
			}
			else if (rule.has("constant")) {
				source = ValueSource.constant(scalar(rule.get("constant")));
			}
			else if (rule.path("expression").isTextual()) {
				String text = rule.path("expression").asText();
				try {
					Jsonata parsed = Jsonata.jsonata(text);
					warmUp(parsed);
					source = ValueSource.expression(text, EXPRESSION_TIMEOUT_MILLIS, EXPRESSION_MAX_DEPTH);
				}
				catch (RuntimeException ex) {
					error(path + ".expression", "is not a valid JSONata expression: " + ex.getMessage());
				}
			}
			Condition when = condition(path + ".when", rule.get("when"));
			FieldType ruleType = FieldType.fromId(rule.path("type").asText("")).orElse(null);
			FieldType type = (ruleType != null) ? ruleType : (field != null) ? field.type() : FieldType.STRING;
			if (ruleType != null && field != null && ruleType != field.type() && !compatible(ruleType, field.type())) {
				error(path + ".type",
						"is " + ruleType.id() + ", but " + name + " of " + targetClass + " is " + field.type().id()
								+ " in the " + this.catalog.platform() + " catalog; use type " + field.type().id()
								+ " or leave type out");
			}
			List<Step> steps = new ArrayList<>();
			boolean stepFailed = false;
			JsonNode transforms = rule.path("transforms");
			for (int i = 0; i < transforms.size(); i++) {
				String stepPath = path + ".transforms[" + i + "]";
				JsonNode transform = transforms.get(i);
				String stepName;
				JsonNode argument;
				if (transform.isTextual()) {
					stepName = transform.asText();
					argument = null;
				}
				else if (transform.isObject() && transform.size() == 1) {
					stepName = transform.fieldNames().next();
					argument = transform.get(stepName);
					argument = (argument.isNull()) ? null : argument;
				}
				else {
					continue;
				}
				Step step = step(stepPath, stepName, argument, kind, field, targetClass);
				if (step == null) {
					stepFailed = true;
					continue;
				}
				steps.add(step);
				kind = switch (stepName) {
					case "currency" -> ValueKind.DECIMAL;
					case "first", "join", "trim", "upper", "lower", "truncate", "replace", "template", "dateFormat",
							"numberFormat" ->
						ValueKind.TEXT;
					default -> ValueKind.ANY;
				};
			}
			// after a transform that did not compile, what kind of value remains is
			// unknown:
			// say nothing rather than something that follows from the first error
			if (source != null && rule.has("from") && !stepFailed) {
				String from = rule.path("from").asText();
				if (kind == ValueKind.MONEY) {
					error(path + ".from", "'" + from + "' is a money value (amount and currency); add the currency "
							+ "transform, or map " + from + ".amount");
				}
				else if (kind == ValueKind.DEPRECIATION) {
					error(path + ".from",
							"'" + from + "' is an object; map " + from + ".method or " + from + ".months");
				}
				else if (kind == ValueKind.TEXT_LIST) {
					error(path + ".from", "'" + from + "' can hold several values; add the first or join transform");
				}
			}
			Integer maxLength = (field != null
					&& (field.type() == FieldType.STRING || field.type() == FieldType.REFERENCE)) ? field.maxLength()
							: null;
			if (source == null) {
				return null;
			}
			Location location = this.tree.locationOf(path);
			return new FieldRule(name, location.line(), source, when, steps, scalar(rule.get("default")),
					rule.path("required").asBoolean(false), type, maxLength);
		}

		/**
		 * One bounded evaluation on an empty item at load time, so that the engine's
		 * classes are loaded before the first real item: a cold first call must not use
		 * up that item's time bound.
		 */
		private static void warmUp(Jsonata expression) {
			try {
				Jsonata.Frame frame = expression.createFrame();
				frame.setRuntimeBounds(EXPRESSION_TIMEOUT_MILLIS, EXPRESSION_MAX_DEPTH);
				expression.evaluate(Map.of(), frame);
			}
			catch (RuntimeException ex) {
				// an empty item may well make an expression fail; only real items count
			}
		}

		private static boolean compatible(FieldType ruleType, FieldType catalogType) {
			// text-like platform fields take any value as text; dates may be given as
			// date-times
			return switch (catalogType) {
				case STRING, REFERENCE -> ruleType == FieldType.STRING || ruleType == FieldType.REFERENCE
						|| ruleType == FieldType.DATE || ruleType == FieldType.DATETIME;
				case DATE, DATETIME ->
					ruleType == FieldType.DATE || ruleType == FieldType.DATETIME || ruleType == FieldType.STRING;
				default -> false;
			};
		}

		private Step step(String path, String name, JsonNode argument, ValueKind kind, FieldCatalog.Field field,
				String targetClass) {
			if (Transforms.SHARED.contains(name) && !(name.equals("truncate") && argument == null)) {
				return Transforms.compile(path, name, argument, this.lookups, this::error);
			}
			switch (name) {
				case "truncate": {
					if (field == null || field.maxLength() == null) {
						if (field != null) {
							error(path,
									"truncate without a length cuts to the platform's maximum length, but the "
											+ this.catalog.platform() + " catalog gives none for " + field.name()
											+ " of " + targetClass + "; write {truncate: <length>}");
						}
						return null;
					}
					return Step.truncate(field.maxLength());
				}
				case "currency": {
					if (kind != ValueKind.MONEY && kind != ValueKind.ANY) {
						error(path, "currency needs a money value, such as from facts.purchase_cost");
						return null;
					}
					String code = (argument != null) ? argument.asText().toUpperCase(Locale.ROOT) : null;
					if (code != null) {
						try {
							Currency.getInstance(code);
						}
						catch (IllegalArgumentException ex) {
							error(path + ".currency", "'" + code + "' is not an ISO 4217 currency code");
							return null;
						}
					}
					return Step.currency(code);
				}
				case "template": {
					String template = (argument != null) ? argument.asText() : "";
					List<Object> parts = new ArrayList<>();
					Matcher matcher = PLACEHOLDER.matcher(template);
					int end = 0;
					boolean ok = true;
					while (matcher.find()) {
						parts.add(template.substring(end, matcher.start()));
						String placeholder = matcher.group(1).trim();
						if (placeholder.equals("value")) {
							parts.add(Step.VALUE);
						}
						else {
							try {
								parts.add(ItemPath.resolve(placeholder));
							}
							catch (IllegalArgumentException ex) {
								error(path + ".template", "{" + placeholder + "}: " + ex.getMessage());
								ok = false;
							}
						}
						end = matcher.end();
					}
					parts.add(template.substring(end));
					return ok ? Step.template(template, parts) : null;
				}
				default:
					return null;
			}
		}

		private Condition condition(String path, JsonNode node) {
			if (node == null || !node.isObject()) {
				return null;
			}
			if (node.has("all") || node.has("any")) {
				String key = node.has("all") ? "all" : "any";
				List<Condition> parts = new ArrayList<>();
				JsonNode list = node.get(key);
				for (int i = 0; i < list.size(); i++) {
					Condition part = condition(path + "." + key + "[" + i + "]", list.get(i));
					if (part == null) {
						return null;
					}
					parts.add(part);
				}
				if (node.size() > 1) {
					error(path, "combines " + key + " with other keys; put each test in its own condition");
				}
				return key.equals("all") ? Condition.all(parts) : Condition.any(parts);
			}
			if (node.has("not")) {
				Condition inner = condition(path + ".not", node.get("not"));
				return (inner != null) ? Condition.not(inner) : null;
			}
			if (!node.path("path").isTextual()) {
				error(path, "needs a path to test (or all, any, not)");
				return null;
			}
			ItemPath itemPath;
			try {
				itemPath = ItemPath.resolve(node.path("path").asText());
			}
			catch (IllegalArgumentException ex) {
				error(path + ".path", ex.getMessage());
				return null;
			}
			List<String> operators = new ArrayList<>();
			for (String operator : List.of("equals", "in", "matches", "exists")) {
				if (node.has(operator)) {
					operators.add(operator);
				}
			}
			if (operators.size() != 1) {
				error(path, (operators.isEmpty() ? "has no test" : "has " + operators.size() + " tests")
						+ "; give exactly one of equals, in, matches, exists");
				return null;
			}
			switch (operators.get(0)) {
				case "equals":
					return Condition.equalTo(itemPath, scalar(node.get("equals")));
				case "in": {
					List<Object> values = new ArrayList<>();
					node.get("in").forEach((value) -> values.add(scalar(value)));
					return Condition.in(itemPath, values);
				}
				case "matches":
					try {
						return Condition.matches(itemPath, Pattern.compile(node.get("matches").asText()));
					}
					catch (PatternSyntaxException ex) {
						error(path + ".matches", "is not a valid regular expression: " + ex.getDescription()
								+ " near index " + ex.getIndex());
						return null;
					}
				default:
					return Condition.exists(itemPath, node.get("exists").asBoolean());
			}
		}

		private String closestField(String targetClass, String field) {
			return this.catalog.targetClass(targetClass)
				.map((known) -> closest(known.fields().keySet(), field))
				.orElse("");
		}

		private static String closest(Iterable<String> candidates, String wanted) {
			return Transforms.closest(candidates, wanted);
		}

		private static String classIds() {
			return Arrays.stream(CiClass.values()).map(CiClass::id).collect(Collectors.joining(", "));
		}

		private static List<String> iterable(Iterator<String> names) {
			List<String> list = new ArrayList<>();
			names.forEachRemaining(list::add);
			return list;
		}

		private static Object scalar(JsonNode node) {
			return Transforms.scalar(node);
		}

	}

}
