package io.itsmhub.app.api;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.app.store.ItemQueries;
import io.itsmhub.reconciliation.item.ItemState;

/** The read API over reconciled items. */
@RestController
@RequestMapping("/api")
public class ItemsController {

	private static final int MAX_PAGE_SIZE = 500;

	private final ItemQueries queries;

	public ItemsController(ItemQueries queries) {
		this.queries = queries;
	}

	/**
	 * {@code GET /api/items}: by identifier
	 * ({@code ?identifier=serial_number:CZ3420ABCD}), by source record
	 * ({@code ?source=agent&sourceKey=...}), or all, page by page.
	 */
	@GetMapping("/items")
	public JsonNode items(@RequestParam(required = false) String identifier,
			@RequestParam(required = false) String source, @RequestParam(required = false) String sourceKey,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		List<ItemState> items;
		ObjectNode answer = JsonNodeFactory.instance.objectNode();
		if (identifier != null) {
			int colon = identifier.indexOf(':');
			if (colon <= 0) {
				throw new BadRequestException("identifier",
						"expected <type>:<value>, such as serial_number:CZ3420ABCD, got '" + identifier + "'");
			}
			IdentifierType type = IdentifierType.fromId(identifier.substring(0, colon))
				.orElseThrow(() -> new BadRequestException("identifier", "'" + identifier.substring(0, colon)
						+ "' is not an identifier type; use one of " + IdentifierType.wireNames()));
			try {
				items = this.queries.findByIdentifier(type, identifier.substring(colon + 1));
			}
			catch (IllegalArgumentException ex) {
				throw new BadRequestException("identifier",
						"'" + identifier.substring(colon + 1) + "' " + ex.getMessage());
			}
		}
		else if (source != null || sourceKey != null) {
			if (source == null || sourceKey == null) {
				throw new BadRequestException((source == null) ? "source" : "sourceKey",
						"source and sourceKey go together");
			}
			items = this.queries.findBySource(source, sourceKey);
		}
		else {
			if (page < 0) {
				throw new BadRequestException("page", "must be 0 or more");
			}
			if (size < 1 || size > MAX_PAGE_SIZE) {
				throw new BadRequestException("size", "must be between 1 and " + MAX_PAGE_SIZE);
			}
			items = this.queries.page(page, size);
			answer.put("page", page);
			answer.put("size", size);
			answer.put("total", this.queries.count());
		}
		ArrayNode array = answer.putArray("items");
		items.forEach((item) -> array.add(ItemViews.summary(item)));
		return answer;
	}

	/** {@code GET /api/items/{id}}: the whole item. */
	@GetMapping("/items/{id}")
	public JsonNode item(@PathVariable String id) {
		ItemState item = this.queries.get(id);
		if (item == null) {
			throw new NotFoundException("item " + id + " does not exist");
		}
		return ItemViews.detail(item, this.queries.resolve(item.allRelationships()), this.queries.targets(id));
	}

	/** {@code GET /api/items/{id}/history}: every accepted change, oldest first. */
	@GetMapping("/items/{id}/history")
	public List<ItemQueries.HistoryEntry> history(@PathVariable String id) {
		if (this.queries.get(id) == null) {
			throw new NotFoundException("item " + id + " does not exist");
		}
		return this.queries.history(id);
	}

	/** {@code GET /api/conflicts}: identifier collisions ({@code ?status=open}). */
	@GetMapping("/conflicts")
	public List<ItemQueries.ConflictView> conflicts(@RequestParam(required = false) String status) {
		return this.queries.conflicts(status);
	}

}
