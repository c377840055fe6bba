package io.itsmhub.api.target;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The fields of a target record: ordered, immutable, no nulls. */
class FieldValuesTest {

	@Test
	void keepsOrderDropsNullsAndCopiesItsInput() {
		String[] names = { "name", "serial_number", "cost" };
		Object[] values = { "db-01", null, 12L };
		FieldValues fields = FieldValues.of(names, values);
		values[0] = "changed";
		assertThat(fields).containsExactly(Map.entry("name", "db-01"), Map.entry("cost", 12L));
		assertThat(fields.get("serial_number")).isNull();
		assertThat(fields.containsKey("cost")).isTrue();
		assertThat(fields.get(new String("name"))).isEqualTo("db-01");
		assertThat(fields).isEqualTo(Map.of("name", "db-01", "cost", 12L));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> fields.put("x", "y"));
	}

	@Test
	void aRecordKeepsFieldValuesAsTheyAreAndCopiesOtherMaps() {
		FieldValues fields = FieldValues.of(new String[] { "name" }, new Object[] { "db-01" });
		assertThat(new TargetRecord("ci", "cmdb_ci_server", fields, FieldValues.empty()).fields()).isSameAs(fields);
		Map<String, Object> mutable = new LinkedHashMap<>();
		mutable.put("b", 1L);
		mutable.put("a", 2L);
		TargetRecord record = new TargetRecord("ci", "cmdb_ci_server", mutable, Map.of());
		mutable.put("c", 3L);
		assertThat(record.fields()).containsExactly(Map.entry("b", 1L), Map.entry("a", 2L));
	}

}
