package io.itsmhub.reconciliation.identify;

/**
 * Small string operations on the identification hot path, without regular expressions.
 */
final class Text {

	private Text() {
	}

	/** Trims and folds every run of white space into one space. */
	static String collapseSpaces(String value) {
		String trimmed = value.strip();
		int length = trimmed.length();
		StringBuilder out = null;
		boolean space = false;
		for (int i = 0; i < length; i++) {
			char c = trimmed.charAt(i);
			boolean white = Character.isWhitespace(c);
			if (white && (space || c != ' ') && out == null) {
				out = new StringBuilder(length).append(trimmed, 0, i);
			}
			if (out != null) {
				if (!white) {
					out.append(c);
				}
				else if (!space) {
					out.append(' ');
				}
			}
			space = white;
		}
		return (out != null) ? out.toString() : trimmed;
	}

	/** The value without any of the given characters. */
	static String remove(String value, String characters) {
		StringBuilder out = null;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean drop = characters.indexOf(c) >= 0 || (characters.indexOf(' ') >= 0 && Character.isWhitespace(c));
			if (drop && out == null) {
				out = new StringBuilder(value.length()).append(value, 0, i);
			}
			else if (!drop && out != null) {
				out.append(c);
			}
		}
		return (out != null) ? out.toString() : value;
	}

}
