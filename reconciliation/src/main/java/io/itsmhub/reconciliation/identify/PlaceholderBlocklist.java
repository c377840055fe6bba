package io.itsmhub.reconciliation.identify;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Values that BIOSes, hypervisors and agents emit when they know nothing: "To be filled
 * by O.E.M.", "System Serial Number", all zeros and the like. Such a value must never
 * identify an item, or it would join every machine that carries it into one.
 */
public final class PlaceholderBlocklist {

	/** The values every estate sees; configuration may add more. */
	public static final List<String> DEFAULT_VALUES = List.of("To be filled by O.E.M.", "To Be Filled By O.E.M.",
			"System Serial Number", "Chassis Serial Number", "Base Board Serial Number", "Default string",
			"Default String", "Not Specified", "Not Applicable", "Not Available", "None", "N/A", "NA", "Null",
			"Unknown", "Invalid", "Empty", "OEM", "O.E.M.", "Serial", "Serial Number", "SerialNumber",
			"System Product Name", "System Manufacturer", "Type1ProductConfigId", "0123456789", "123456789",
			"1234567890", "1234567", "12345678", "0000000000", "$(DEFAULT_STRING)", "xxxxxxxxxxx", "localhost",
			"localhost.localdomain", "(none)", "03000200-0400-0500-0006-000700080009");

	/**
	 * A value made of one repeated character (0000, FFFF, ----, xxxx) identifies nothing.
	 */
	private static final Pattern ONE_CHARACTER = Pattern.compile("^(.)\\1*$");

	/** Zeros and separators only, as in an all-zero UUID or MAC address. */
	private static final Pattern ZEROS = Pattern.compile("^[0\\-:.\\s]+$");

	private final Set<String> values;

	private PlaceholderBlocklist(Set<String> values) {
		this.values = values;
	}

	public static PlaceholderBlocklist defaults() {
		return withAdditional(List.of());
	}

	/** The default values plus those an administrator configured. */
	public static PlaceholderBlocklist withAdditional(Collection<String> additional) {
		return new PlaceholderBlocklist(Stream.concat(DEFAULT_VALUES.stream(), additional.stream())
			.map(PlaceholderBlocklist::fold)
			.collect(Collectors.toUnmodifiableSet()));
	}

	/**
	 * Whether a value is a placeholder.
	 * @param value a trimmed value
	 */
	public boolean isPlaceholder(String value) {
		String folded = fold(value);
		if (folded.isEmpty() || this.values.contains(folded)) {
			return true;
		}
		String compact = Text.remove(folded, " -:.");
		return compact.isEmpty() || ONE_CHARACTER.matcher(compact).matches() || ZEROS.matcher(folded).matches();
	}

	private static String fold(String value) {
		return Text.collapseSpaces(value).toLowerCase(Locale.ROOT);
	}

}
