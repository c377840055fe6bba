package io.itsmhub.app.api;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.itsmhub.api.ingest.FieldError;
import io.itsmhub.api.json.CanonicalItemReader;
import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.app.mapping.MappingActivation;
import io.itsmhub.app.mapping.MappingConflictException;
import io.itsmhub.app.mapping.MappingNotFoundException;
import io.itsmhub.app.mapping.MappingService;
import io.itsmhub.app.mapping.MappingVersion;
import io.itsmhub.app.mapping.UnknownPlatformException;
import io.itsmhub.app.store.ItemQueries;
import io.itsmhub.mappings.MappingDiff;
import io.itsmhub.mappings.MappingError;
import io.itsmhub.mappings.MappingPreview;
import io.itsmhub.mappings.MappingValidationException;
import io.itsmhub.mappings.PayloadJson;
import io.itsmhub.reconciliation.item.ItemState;
import io.itsmhub.reconciliation.item.ItemViews;

/**
 * The mapping admin API: versions of each platform's mapping, validation, preview,
 * activation and rollback. Admins only (see {@code SecurityConfiguration}).
 */
@RestController
@RequestMapping("/api/mappings")
public class MappingsController {

	/**
	 * The header a comment for a new version may come in, instead of {@code ?comment=}.
	 */
	public static final String COMMENT_HEADER = "X-Mapping-Comment";

	static final String TEXT_YAML = "text/yaml";

	static final String APPLICATION_YAML = "application/yaml";

	private static final ObjectMapper JSON = new ObjectMapper()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

	private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

	private static final String PREVIEW_SOURCE = "preview";

	private final MappingService mappings;

	private final ItemQueries items;

	private final CanonicalItemReader reader = new CanonicalItemReader();

	public MappingsController(MappingService mappings, ItemQueries items) {
		this.mappings = mappings;
		this.items = items;
	}

	/**
	 * {@code GET /api/mappings}: each platform with its active version and version count.
	 */
	@GetMapping
	public JsonNode list() {
		ObjectNode answer = NODES.objectNode();
		ArrayNode array = answer.putArray("mappings");
		for (MappingService.PlatformSummary summary : this.mappings.summaries()) {
			ObjectNode node = array.addObject();
			node.put("platform", summary.platform());
			node.put("activeVersion", summary.activeVersion());
			node.put("versions", summary.versions());
			node.put("activatedBy", summary.activatedBy());
			node.put("activatedAt", (summary.activatedAt() != null) ? summary.activatedAt().toString() : null);
		}
		return answer;
	}

	/**
	 * {@code GET /api/mappings/{platform}}: the active version's YAML, or another's with
	 * {@code ?version=N}; headers {@code X-Mapping-Version} and {@code X-Mapping-Status}
	 * say which.
	 */
	@GetMapping(path = "/{platform}", produces = { TEXT_YAML, APPLICATION_YAML, MediaType.TEXT_PLAIN_VALUE })
	public ResponseEntity<String> document(@PathVariable String platform,
			@RequestParam(required = false) Integer version) {
		MappingService.VersionText text = this.mappings.text(platform, version);
		return ResponseEntity.ok()
			.header("X-Mapping-Version", Integer.toString(text.version().version()))
			.header("X-Mapping-Status", text.version().status())
			.body(text.text());
	}

	/** {@code GET /api/mappings/{platform}/versions}: every version's metadata. */
	@GetMapping("/{platform}/versions")
	public JsonNode versions(@PathVariable String platform) {
		List<MappingVersion> versions = this.mappings.versions(platform);
		ObjectNode answer = NODES.objectNode();
		answer.put("platform", platform);
		activation(answer, this.mappings.activation(platform).orElse(null));
		ArrayNode array = answer.putArray("versions");
		versions.forEach((version) -> array.add(version(version)));
		return answer;
	}

	/**
	 * {@code GET /api/mappings/{platform}/diff?from=N&to=M}: what changed, as JSON lines
	 * and as a unified diff; with {@code Accept: text/x-diff} the unified diff alone.
	 */
	@GetMapping(path = "/{platform}/diff", produces = MediaType.APPLICATION_JSON_VALUE)
	public JsonNode diff(@PathVariable String platform, @RequestParam int from, @RequestParam int to) {
		MappingDiff diff = this.mappings.diff(platform, from, to);
		ObjectNode answer = NODES.objectNode();
		answer.put("platform", platform);
		answer.put("from", from);
		answer.put("to", to);
		answer.put("added", diff.added());
		answer.put("removed", diff.removed());
		answer.put("unified", unified(platform, from, to, diff));
		ArrayNode lines = answer.putArray("lines");
		for (MappingDiff.Line line : diff.lines()) {
			lines.addObject()
				.put("kind", line.kind().name().toLowerCase())
				.put("oldLine", line.oldLine())
				.put("newLine", line.newLine())
				.put("text", line.text());
		}
		return answer;
	}

	/** The same diff in unified format, for {@code Accept: text/x-diff}. */
	@GetMapping(path = "/{platform}/diff", produces = { "text/x-diff", MediaType.TEXT_PLAIN_VALUE })
	public String unifiedDiff(@PathVariable String platform, @RequestParam int from, @RequestParam int to) {
		return unified(platform, from, to, this.mappings.diff(platform, from, to));
	}

	private static String unified(String platform, int from, int to, MappingDiff diff) {
		return diff.unified(platform + " v" + from, platform + " v" + to, 3);
	}

	/*
	 * The bodies below are taken as YAML or JSON types, text and octet-stream, never as
	 * form data: Spring rebuilds a form body from its parameters, which would mangle a
	 * document sent with curl's default content type. Such a request gets a 415 instead.
	 */

	/**
	 * {@code POST /api/mappings/{platform}/versions}: a YAML body becomes a new draft
	 * version, numbered by its {@code version}; 422 with every error when it is not
	 * valid. The comment comes from {@code ?comment=} or the {@value #COMMENT_HEADER}
	 * header.
	 */
	@PostMapping(path = "/{platform}/versions", consumes = { TEXT_YAML, APPLICATION_YAML, "application/x-yaml",
			"text/x-yaml", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE })
	public ResponseEntity<JsonNode> create(@PathVariable String platform, @RequestBody(required = false) byte[] body,
			@RequestParam(required = false) String comment,
			@RequestHeader(name = COMMENT_HEADER, required = false) String commentHeader, Principal user) {
		String yaml = yaml(body);
		String text = (comment != null) ? comment : commentHeader;
		if (text != null && text.length() > MappingService.MAX_COMMENT) {
			throw new BadRequestException("comment", "is longer than " + MappingService.MAX_COMMENT + " characters");
		}
		MappingVersion version = this.mappings.create(platform, yaml, user.getName(), text);
		return ResponseEntity.created(URI.create("/api/mappings/" + platform + "?version=" + version.version()))
			.body(version(version));
	}

	/**
	 * {@code POST /api/mappings/{platform}/validate}: the same checks as creating a
	 * version, nothing saved: 200 with {@code valid: true}, or 422 with every error.
	 */
	@PostMapping(path = "/{platform}/validate", consumes = { TEXT_YAML, APPLICATION_YAML, "application/x-yaml",
			"text/x-yaml", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE })
	public ResponseEntity<Object> validate(@PathVariable String platform, @RequestBody(required = false) byte[] body) {
		List<MappingError> errors = this.mappings.validate(platform, yaml(body));
		if (!errors.isEmpty()) {
			return invalid(errors);
		}
		ObjectNode answer = NODES.objectNode();
		answer.put("platform", platform);
		answer.put("valid", true);
		return ResponseEntity.ok(answer);
	}

	/**
	 * {@code POST /api/mappings/{platform}/preview}: a canonical item (JSON body), or a
	 * stored item ({@code ?itemId=}), through the active version (or {@code ?version=N}):
	 * the exact payload and, field by field, which rule produced each value.
	 */
	@PostMapping(path = "/{platform}/preview", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/*+json",
			MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE })
	public ResponseEntity<Object> preview(@PathVariable String platform,
			@RequestParam(required = false) Integer version, @RequestParam(required = false) String itemId,
			@RequestBody(required = false) byte[] body) {
		DiscoveredItem item;
		String id;
		if (itemId != null) {
			ItemState state = this.items.get(itemId);
			if (state == null) {
				throw new NotFoundException("no item with id " + itemId);
			}
			item = ItemViews.toDiscoveredItem(state);
			id = itemId;
		}
		else {
			if (body == null || body.length == 0) {
				throw new BadRequestException("itemId",
						"send a canonical item as the JSON body, or name a stored item " + "with ?itemId=");
			}
			List<FieldError> errors = new ArrayList<>();
			item = item(body, errors);
			if (item == null) {
				ProblemDetail problem = ApiExceptionHandler.problem(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid item",
						"the item cannot be read as a canonical item; see errors");
				problem.setProperty("errors",
						errors.stream()
							.map((error) -> Map.of("field", error.field(), "reason", error.reason()))
							.toList());
				return ResponseEntity.unprocessableEntity()
					.contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.body(problem);
			}
			id = PREVIEW_SOURCE;
		}
		MappingPreview preview = this.mappings.preview(platform, version, item, id);
		ObjectNode answer = NODES.objectNode();
		answer.put("platform", platform);
		answer.put("itemId", id);
		answer.setAll(PayloadJson.preview(preview));
		return ResponseEntity.ok(answer);
	}

	private DiscoveredItem item(byte[] body, List<FieldError> errors) {
		JsonNode node;
		try {
			node = JSON.readTree(body);
		}
		catch (JsonProcessingException ex) {
			throw new BadRequestException("(body)", "malformed JSON: " + ex.getOriginalMessage());
		}
		catch (IOException ex) {
			throw new BadRequestException("(body)", "cannot be read: " + ex.getMessage());
		}
		if (node instanceof ObjectNode object) {
			// a preview needs no real source record: fill in what the reader insists on
			if (!object.hasNonNull("source")) {
				object.put("source", PREVIEW_SOURCE);
			}
			if (!object.hasNonNull("sourceKey")) {
				object.put("sourceKey", PREVIEW_SOURCE);
			}
		}
		return this.reader.toItem(node, null, errors);
	}

	/**
	 * {@code POST /api/mappings/{platform}/versions/{version}/activate}: the next item
	 * processed, in every instance, uses this version.
	 */
	@PostMapping("/{platform}/versions/{version}/activate")
	public JsonNode activate(@PathVariable String platform, @PathVariable int version, Principal user) {
		return activation(NODES.objectNode().put("platform", platform),
				this.mappings.activate(platform, version, user.getName()));
	}

	/**
	 * {@code POST /api/mappings/{platform}/rollback}: re-activates the version that was
	 * active before the current one.
	 */
	@PostMapping("/{platform}/rollback")
	public JsonNode rollback(@PathVariable String platform, Principal user) {
		return activation(NODES.objectNode().put("platform", platform),
				this.mappings.rollback(platform, user.getName()));
	}

	@ExceptionHandler(MappingValidationException.class)
	ResponseEntity<Object> invalid(MappingValidationException ex) {
		return invalid(ex.errors());
	}

	@ExceptionHandler(UnknownPlatformException.class)
	ProblemDetail unknownPlatform(UnknownPlatformException ex) {
		ProblemDetail problem = ApiExceptionHandler.problem(HttpStatus.NOT_FOUND, "Unknown platform", ex.getMessage());
		problem.setProperty("platform", ex.platform());
		return problem;
	}

	@ExceptionHandler(MappingNotFoundException.class)
	ProblemDetail notFound(MappingNotFoundException ex) {
		return ApiExceptionHandler.problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
	}

	@ExceptionHandler(MappingConflictException.class)
	ProblemDetail conflict(MappingConflictException ex) {
		return ApiExceptionHandler.problem(HttpStatus.CONFLICT, "Conflict", ex.getMessage());
	}

	private static ResponseEntity<Object> invalid(List<MappingError> errors) {
		ProblemDetail problem = ApiExceptionHandler.problem(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid mapping",
				errors.size() + " error(s) in the mapping; see errors, each with its line and column");
		problem.setProperty("valid", false);
		problem.setProperty("errors", errors.stream().map(MappingsController::error).toList());
		return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static Map<String, Object> error(MappingError error) {
		Map<String, Object> node = new java.util.LinkedHashMap<>();
		node.put("line", error.line());
		node.put("column", error.column());
		node.put("path", error.path());
		node.put("message", error.message());
		node.put("document", error.document());
		node.put("version", error.version());
		node.put("text", error.toString());
		return node;
	}

	private static String yaml(byte[] body) {
		if (body == null || body.length == 0) {
			throw new BadRequestException("(body)", "send the mapping document as the body (YAML)");
		}
		String text = new String(body, StandardCharsets.UTF_8);
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}

	private static ObjectNode version(MappingVersion version) {
		ObjectNode node = NODES.objectNode();
		node.put("platform", version.platform());
		node.put("version", version.version());
		node.put("status", version.status());
		node.put("author", version.author());
		node.put("comment", version.comment());
		node.put("createdAt", version.createdAt().toString());
		node.put("contentHash", version.contentHash());
		return node;
	}

	private static ObjectNode activation(ObjectNode node, MappingActivation activation) {
		node.put("activeVersion", (activation != null) ? activation.activeVersion() : null);
		node.put("previousVersion", (activation != null) ? activation.previousVersion() : null);
		node.put("activatedBy", (activation != null) ? activation.activatedBy() : null);
		node.put("activatedAt", (activation != null) ? activation.activatedAt().toString() : null);
		return node;
	}

}
