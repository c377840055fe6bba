package io.itsmhub.mappings;

import org.junit.jupiter.api.Test;

import io.itsmhub.mappings.MappingDiff.Kind;
import io.itsmhub.mappings.MappingDiff.Line;

import static org.assertj.core.api.Assertions.assertThat;

class MappingDiffTest {

	private static final String V1 = """
			apiVersion: hub.mapping/v1
			platform: servicenow
			version: 1
			scope: [server]
			records:
			  ci:
			    fields:
			      name: {from: name}
			""";

	@Test
	void aChangedLineIsOneRemovedAndOneAddedWithBothLineNumbers() {
		String v2 = V1.replace("version: 1", "version: 2").replace("{from: name}", "{from: name, required: true}");
		MappingDiff diff = MappingDiff.of(V1, v2);
		assertThat(diff.added()).isEqualTo(2);
		assertThat(diff.removed()).isEqualTo(2);
		assertThat(diff.lines()).contains(new Line(Kind.REMOVED, 3, null, "version: 1"),
				new Line(Kind.ADDED, null, 3, "version: 2"), new Line(Kind.SAME, 4, 4, "scope: [server]"),
				new Line(Kind.ADDED, null, 8, "      name: {from: name, required: true}"));
		assertThat(diff.unified("v1", "v2", 1)).isEqualTo("""
				--- v1
				+++ v2
				@@ -2,3 +2,3 @@
				 platform: servicenow
				-version: 1
				+version: 2
				 scope: [server]
				@@ -7,2 +7,2 @@
				     fields:
				-      name: {from: name}
				+      name: {from: name, required: true}
				""");
	}

	@Test
	void insertedLinesKeepTheOthersAligned() {
		String v2 = V1.replace("scope: [server]\n", "scope: [server]\ndescription: servers only\n");
		MappingDiff diff = MappingDiff.of(V1, v2);
		assertThat(diff.removed()).isZero();
		assertThat(diff.lines()).filteredOn((line) -> line.kind() == Kind.ADDED)
			.containsExactly(new Line(Kind.ADDED, null, 5, "description: servers only"));
		assertThat(diff.lines()).contains(new Line(Kind.SAME, 5, 6, "records:"));
		assertThat(diff.unified("a", "b", 0)).isEqualTo("--- a\n+++ b\n@@ -4,0 +5,1 @@\n+description: servers only\n");
	}

	@Test
	void equalTextsHaveNoChangesWhateverTheLineEndings() {
		MappingDiff diff = MappingDiff.of(V1, V1.replace("\n", "\r\n"));
		assertThat(diff.isEmpty()).isTrue();
		assertThat(diff.unified("a", "b", 3)).isEmpty();
		assertThat(diff.lines()).hasSize(8);
	}

	@Test
	void fromNothingEveryLineIsAdded() {
		MappingDiff diff = MappingDiff.of("", V1);
		assertThat(diff.added()).isEqualTo(8);
		assertThat(diff.unified("empty", "v1", 3)).startsWith("--- empty\n+++ v1\n@@ -0,0 +1,8 @@\n+apiVersion");
	}

}
