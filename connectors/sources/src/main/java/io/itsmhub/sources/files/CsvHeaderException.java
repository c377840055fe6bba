package io.itsmhub.sources.files;

import java.util.List;

/**
 * A CSV file whose header lacks columns the mapping needs: no row of it can be read, so
 * the whole file is refused (and moved aside by the file-drop route) with the missing
 * columns named.
 */
public class CsvHeaderException extends RuntimeException {

	private final List<String> missingColumns;

	public CsvHeaderException(List<String> missingColumns, List<String> header) {
		super("the CSV header lacks the mapped column(s) "
				+ String.join(", ", missingColumns.stream().map((c) -> "'" + c + "'").toList()) + "; the header is "
				+ header);
		this.missingColumns = List.copyOf(missingColumns);
	}

	/** The mapped headers that the file does not have. */
	public List<String> missingColumns() {
		return this.missingColumns;
	}

}
