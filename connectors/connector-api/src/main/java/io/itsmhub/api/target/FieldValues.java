package io.itsmhub.api.target;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable, ordered map of field name to value, without {@code null} values: the
 * fields of a {@link TargetRecord}. A mapping engine builds one per record for every item
 * of every sync, so it is two arrays rather than a hash map, and a record takes it as it
 * is instead of copying it again. Lookups compare names linearly, which is quick for the
 * few dozen fields a record has.
 */
public final class FieldValues extends AbstractMap<String, Object> {

	private static final FieldValues EMPTY = new FieldValues(new String[0], new Object[0]);

	private final String[] names;

	private final Object[] values;

	private FieldValues(String[] names, Object[] values) {
		this.names = names;
		this.values = values;
	}

	/** No fields. */
	public static FieldValues empty() {
		return EMPTY;
	}

	/**
	 * The fields whose value is not {@code null}, in the order given. The arrays are
	 * copied; names must be unique.
	 */
	public static FieldValues of(String[] names, Object[] values) {
		if (names.length != values.length) {
			throw new IllegalArgumentException(names.length + " names but " + values.length + " values");
		}
		int size = 0;
		for (Object value : values) {
			size += (value != null) ? 1 : 0;
		}
		String[] keptNames = new String[size];
		Object[] keptValues = new Object[size];
		int at = 0;
		for (int i = 0; i < names.length; i++) {
			if (values[i] != null) {
				keptNames[at] = Objects.requireNonNull(names[i], "name");
				keptValues[at++] = values[i];
			}
		}
		return (size == 0) ? EMPTY : new FieldValues(keptNames, keptValues);
	}

	/** The same entries as a map, in its iteration order, without {@code null} values. */
	public static FieldValues copyOf(Map<String, ?> map) {
		if (map instanceof FieldValues values) {
			return values;
		}
		String[] names = new String[map.size()];
		Object[] values = new Object[map.size()];
		int at = 0;
		for (Map.Entry<String, ?> entry : map.entrySet()) {
			names[at] = entry.getKey();
			values[at++] = entry.getValue();
		}
		return of(Arrays.copyOf(names, at), Arrays.copyOf(values, at));
	}

	@Override
	public Object get(Object key) {
		int index = indexOf(key);
		return (index >= 0) ? this.values[index] : null;
	}

	@Override
	public boolean containsKey(Object key) {
		return indexOf(key) >= 0;
	}

	@Override
	public int size() {
		return this.names.length;
	}

	private int indexOf(Object key) {
		for (int i = 0; i < this.names.length; i++) {
			// names usually are the very strings the mapping holds: try identity first
			if (this.names[i] == key) {
				return i;
			}
		}
		for (int i = 0; i < this.names.length; i++) {
			if (this.names[i].equals(key)) {
				return i;
			}
		}
		return -1;
	}

	@Override
	public Set<Entry<String, Object>> entrySet() {
		return new AbstractSet<>() {

			@Override
			public Iterator<Entry<String, Object>> iterator() {
				return new Iterator<>() {

					private int next;

					@Override
					public boolean hasNext() {
						return this.next < FieldValues.this.names.length;
					}

					@Override
					public Entry<String, Object> next() {
						if (!hasNext()) {
							throw new NoSuchElementException();
						}
						int at = this.next++;
						return new SimpleImmutableEntry<>(FieldValues.this.names[at], FieldValues.this.values[at]);
					}

				};
			}

			@Override
			public int size() {
				return FieldValues.this.names.length;
			}

		};
	}

}
