package io.itsmhub.mappings.yaml;

/**
 * Where a node was written in its document.
 *
 * @param line the line, from 1
 * @param column the column, from 1
 */
public record Location(int line, int column) {

	/** Used when a document could not be read far enough to tell. */
	public static final Location START = new Location(1, 1);

}
