package io.itsmhub.mappings;

/**
 * One thing wrong with a mapping document, located so an admin can go straight to it.
 *
 * @param document the document's name, such as {@code servicenow/mapping.yaml}
 * @param version the document's {@code version}, {@code null} when it could not be read
 * @param line the line, from 1
 * @param column the column, from 1
 * @param path the path of the node at fault, such as {@code records.ci.fields.name.from}
 * @param message what is wrong and what to do about it
 */
public record MappingError(String document, Integer version, int line, int column, String path, String message) {

	@Override
	public String toString() {
		return this.document + ((this.version != null) ? " v" + this.version : "") + ":" + this.line + ":" + this.column
				+ ": " + (this.path.isEmpty() ? "(document)" : this.path) + ": " + this.message;
	}

}
