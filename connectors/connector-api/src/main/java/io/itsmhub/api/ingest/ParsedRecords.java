package io.itsmhub.api.ingest;

import java.util.ArrayList;
import java.util.List;

import io.itsmhub.api.model.DiscoveredItem;

/**
 * What a source adapter made of its input: the records it could read as canonical items,
 * each with its position, and the ones it rejected.
 *
 * @param items the readable records
 * @param rejections the rejected records
 */
public record ParsedRecords(List<Indexed> items, List<RecordRejection> rejections) {

	public ParsedRecords {
		items = List.copyOf(items);
		rejections = List.copyOf(rejections);
	}

	public static ParsedRecords of(List<DiscoveredItem> items) {
		List<Indexed> indexed = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			indexed.add(new Indexed(i, items.get(i)));
		}
		return new ParsedRecords(indexed, List.of());
	}

	/** The number of records read, good and bad. */
	public int total() {
		return this.items.size() + (int) this.rejections.stream().mapToInt(RecordRejection::index).distinct().count();
	}

	public List<DiscoveredItem> discoveredItems() {
		return this.items.stream().map(Indexed::item).toList();
	}

	/**
	 * A readable record and its position in the input.
	 *
	 * @param index the position, from 0
	 * @param item the record
	 * @param updateOnly whether the record only updates an item the source already
	 * reported, by its source key or identifiers: it brings some fields (an agent's
	 * partial inventory of its software), creates no item, and leaves the item's class as
	 * it is, because the source could not tell the class from what it sent
	 */
	public record Indexed(int index, DiscoveredItem item, boolean updateOnly) {

		public Indexed(int index, DiscoveredItem item) {
			this(index, item, false);
		}

	}

}
