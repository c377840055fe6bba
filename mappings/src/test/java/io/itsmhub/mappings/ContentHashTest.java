package io.itsmhub.mappings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.api.model.Identifiers;
import io.itsmhub.api.target.FieldValues;
import io.itsmhub.api.target.TargetRecord;
import io.itsmhub.api.target.TargetRelation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content hash is stored with every pushed payload: a change to its serialization
 * makes every item of every running hub look changed once. These values were taken before
 * the serialization was made faster; they must never change.
 */
class ContentHashTest {

	/** Text that takes every path of the serialization: escapes, UTF-8, surrogates. */
	static final List<String> AWKWARD_TEXT = List.of("", "plain", "with \"quotes\"", "back\\slash", "tab\there",
			"line\nbreak\r", "control \u0001\u001f", "delete \u007f", "zürich", "€ 12", "rocket \uD83D\uDE80",
			"lone high \uD800 end", "lone low \uDC00", "lone \uD800 and \"quote\"", "ends high \uD83D",
			"\"\uD83D\uDE80\" é\t", "ÿ\u0080\u00a0", "\u07ff\u0800\uffff", "x".repeat(5000), "é".repeat(3000) + "\"");

	@Test
	void awkwardTextHashesAsItAlwaysDid() {
		List<String> hashes = new ArrayList<>();
		for (String text : AWKWARD_TEXT) {
			hashes.add(hash(Map.of("f", text)));
		}
		assertThat(hashes).containsExactly(EXPECTED_TEXT);
	}

	@Test
	void numbersListsAndBooleansHashAsTheyAlwaysDid() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("zero", 0L);
		fields.put("negative", -42L);
		fields.put("min", Long.MIN_VALUE);
		fields.put("max", Long.MAX_VALUE);
		fields.put("decimal", new BigDecimal("12450.50"));
		fields.put("exponent", new BigDecimal("1E+3"));
		fields.put("yes", Boolean.TRUE);
		fields.put("list", List.of("a\"", 7L, List.of()));
		fields.put("b_sorted_before_list", "x");
		assertThat(hash(fields)).isEqualTo(EXPECTED_MIXED);
	}

	@Test
	void relationsHashAsTheyAlwaysDid() {
		Map<IdentifierType, List<String>> target = new LinkedHashMap<>();
		target.put(IdentifierType.HOSTNAME, List.of("san-01", "san \"01\""));
		target.put(IdentifierType.SERIAL_NUMBER, List.of("ü\uD800"));
		List<TargetRelation> relations = List.of(
				new TargetRelation("runs_on", "Runs on::Runs", false, Identifiers.of(target)),
				new TargetRelation("depends_on", "Depends on::Used by", true,
						Identifiers.of(IdentifierType.SERIAL_NUMBER, "J9X2K41")));
		assertThat(ContentHash.of("p", List.of(record(Map.of("f", "v"))), relations)).isEqualTo(EXPECTED_RELATIONS);
	}

	private static String hash(Map<String, Object> fields) {
		return ContentHash.of("p\u00e9", List.of(record(fields)), List.of());
	}

	private static TargetRecord record(Map<String, Object> fields) {
		return new TargetRecord("ci", "Class \"x\"", FieldValues.copyOf(fields), Map.of());
	}

	static final String[] EXPECTED_TEXT = { "a2ed4a03306a52be67af7095b3facec4c0bfd0b9e78e92c87dec307e06f7a76c",
			"3baa2403f91c5f63cd139e71d19890881a3f303498598f642e67469384464648",
			"9f13b4e0854323efc6ce59670ccb7348e7b229f84ba595270684e05384a09372",
			"8a85417d73db3cd5cc845108cce4bc3d530c8d229092ba6aea34a02279e11a02",
			"8a7ec68f9cad9ea9f550099ab8a5f7d6e3dc1582d56fa5f5d35f561c22a18605",
			"8717f8d7275e99b3e834669602ea1a58dcf19d599544cee93f8666459fc838d0",
			"6999104d71ea8712e6b96f4ca5d45d7c26c4611ab0e50d2006b5712b2632eac8",
			"3b86819828f24050e73df8e6db87b33f03205fd042852952713ed23c6f52632a",
			"1ee0fa42c80c462485703fb368000ac4a09d234555f60e6893460b813b7fde2b",
			"255172320e15eb4c585d45734b3818a724f88df1872caef2852674c7ac8b4817",
			"c21bcbd2a38965facdc46313ac8e716491cc8ec0b39dae3f7121aa7103d07f0f",
			"a265598a80bafefef5e6c42b2604e9e8c575c6fabea5710598987fb9fc6f6086",
			"ac6a75c892df698b502bbc4fdf4fd86ea72db171dff362fba347890a3243cde3",
			"0950fb2aceeddec0df1fed1978cd181b7776a989449c54dbdad69562db595d3d",
			"d0be9cf882defe6aad66d90ce480185433fd75f8ba2c89732078b3291fc18e7b",
			"ad5e915f9751e9d8c07ffaabe50e3989220a6eef05b6b2a6ca0a77c34502a515",
			"69faa692e5542bd0e2b7e98ecd43beb1208d135bc76b0b041e672bb102ce5f58",
			"992b858a87e0f7fbf71259cfc3fc62ad1ab63f1e9d1235aca94b8b1b1ed25523",
			"9e299c516e4a511775daf4bd6d0bc1682a3c2121c81b103de4e379cb46a20b93",
			"2b0e94e56c9d939b92bf00fdbaa9fa8316b35bf382d958833fc4e2faeb61eda5" };

	static final String EXPECTED_MIXED = "64b888560f632ed1659b3037c506714ef255d3a5ff39a2abf65392d3a874cf5d";

	static final String EXPECTED_RELATIONS = "f19fd0ef589ec619ac834dc9911728718f2f59adf1e72cbe518fbd85bfed5222";

}
