package io.itsmhub.sources.files;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.itsmhub.api.ingest.ParsedRecords;
import io.itsmhub.api.ingest.RecordRejection;
import io.itsmhub.api.model.CiClass;
import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.api.model.LifecycleStatus;
import io.itsmhub.api.model.Money;
import io.itsmhub.sources.SampleFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CsvItemReaderTest {

	private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

	private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	@Test
	void readsTheItamRegisterAndRejectsOnlyTheBadRows() {
		ParsedRecords records = ItamRegisterCsv.reader(CLOCK)
			.read(SampleFiles.bytes("files/itam-register.csv"), "itam");

		assertThat(records.items()).extracting(ParsedRecords.Indexed::index).containsExactly(0, 2, 5);
		DiscoveredItem first = records.items().get(0).item();
		assertThat(first.source()).isEqualTo("itam");
		assertThat(first.sourceKey()).isEqualTo("P1000091");
		assertThat(first.ciClass()).isEqualTo(CiClass.LAPTOP);
		assertThat(first.name()).isEqualTo("xps-jdoe");
		assertThat(first.identifiers().first(IdentifierType.ASSET_TAG)).isEqualTo("P1000091");
		assertThat(first.identifiers().first(IdentifierType.SERIAL_NUMBER)).isEqualTo("640HP72");
		assertThat(first.facts().owner()).isEqualTo("jane.doe@example.com");
		assertThat(first.facts().costCenter()).isEqualTo("CC-4100");
		assertThat(first.facts().purchaseCost()).isEqualTo(new Money(new BigDecimal("1849"), "EUR"));
		assertThat(first.facts().purchaseDate()).isEqualTo(LocalDate.of(2016, 3, 1));
		assertThat(first.facts().warrantyExpires()).isEqualTo(LocalDate.of(2019, 2, 28));
		assertThat(first.facts().contractId()).isEqualTo("CTR-101");
		assertThat(first.facts().lifecycleStatus()).isEqualTo(LifecycleStatus.RETIRED);
		assertThat(first.facts().location()).isEqualTo("FRA-HQ/Floor 3");
		assertThat(first.observedAt()).isEqualTo(NOW);
		// "Active" is how registers say in use; a quoted location keeps its comma
		DiscoveredItem third = records.items().get(1).item();
		assertThat(third.facts().lifecycleStatus()).isEqualTo(LifecycleStatus.IN_USE);
		assertThat(third.facts().location()).isEqualTo("LIS-Office/Floor 1, Desk 12");
		assertThat(third.facts().contractId()).isNull();
		assertThat(records.items().get(2).item().facts().purchaseCost()).isNull();

		assertThat(records.rejections()).extracting(RecordRejection::index).containsExactly(1, 3, 4, 6, 7);
		RecordRejection grouped = rejection(records, 1);
		assertThat(grouped.sourceKey()).isEqualTo("P1000092");
		assertThat(grouped.field()).isEqualTo("facts.purchase_cost");
		assertThat(grouped.reason()).contains("1,299.50").contains("'Purchase Cost'");
		RecordRejection twoErrors = rejection(records, 3);
		assertThat(twoErrors.errors()).extracting((error) -> error.field())
			.containsExactlyInAnyOrder("facts.purchase_cost", "facts.warranty_expires");
		assertThat(twoErrors.errors()).anySatisfy((error) -> assertThat(error.reason()).contains("XYZ"));
		assertThat(twoErrors.errors())
			.anySatisfy((error) -> assertThat(error.reason()).contains("not a date").contains("'Warranty Expires'"));
		RecordRejection shortRow = rejection(records, 4);
		assertThat(shortRow.sourceKey()).isEqualTo("P1000095");
		assertThat(shortRow.field()).isEqualTo("(row)");
		assertThat(shortRow.reason()).isEqualTo("has 12 values but the header has 13 columns");
		assertThat(rejection(records, 6).field()).isEqualTo("sourceKey");
		assertThat(rejection(records, 6).reason()).contains("'Asset Tag'");
		RecordRejection unknownClass = rejection(records, 7);
		assertThat(unknownClass.errors()).extracting((error) -> error.field())
			.containsExactlyInAnyOrder("ciClass", "facts.lifecycle_status");
	}

	@Test
	void aMissingMappedColumnRefusesTheWholeFile() {
		byte[] body = "Asset Tag,Name,Class,Owner\nP1,a,server,x\n".getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(CsvHeaderException.class)
			.isThrownBy(() -> ItamRegisterCsv.reader(CLOCK).read(body, "itam"))
			.satisfies((ex) -> assertThat(ex.missingColumns()).contains("Serial Number", "Cost Center", "Location")
				.doesNotContain("Owner", "Asset Tag"))
			.withMessageContaining("'Serial Number'");
	}

	@Test
	void splitsListIdentifiersAndReadsAnyDelimiterAndBom() {
		Map<String, String> columns = new LinkedHashMap<>();
		columns.put("identifiers.mac_address", "macs");
		columns.put("identifiers.hostname", "host");
		columns.put("attributes.os", "os");
		columns.put("facts.depreciation.method", "dep");
		columns.put("facts.depreciation.months", "months");
		columns.put("observedAt", "seen");
		CsvColumnMapping mapping = new CsvColumnMapping("id", null, "server", columns, "|", ';');
		String csv = "\uFEFFid;macs;host;os;dep;months;seen\n"
				+ "s1;00:1A:2B:3C:4D:5E|00:1A:2B:3C:4D:5F;db-01;Ubuntu;straight_line;60;2026-11-28T10:00:00Z\n" + "\n"
				+ "s2;;db-02;;;sixty;yesterday\n";
		ParsedRecords records = new CsvItemReader(mapping, CLOCK).read(csv.getBytes(StandardCharsets.UTF_8), "cmdb");

		assertThat(records.items()).hasSize(1);
		DiscoveredItem item = records.items().get(0).item();
		assertThat(item.identifiers().get(IdentifierType.MAC_ADDRESS)).containsExactly("00:1A:2B:3C:4D:5E",
				"00:1A:2B:3C:4D:5F");
		assertThat(item.attributes()).containsEntry("os", "Ubuntu");
		assertThat(item.facts().depreciation().months()).isEqualTo(60);
		assertThat(item.observedAt()).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
		assertThat(records.rejections()).singleElement().satisfies((rejection) -> {
			assertThat(rejection.index()).isEqualTo(1);
			assertThat(rejection.sourceKey()).isEqualTo("s2");
			assertThat(rejection.errors()).extracting((error) -> error.field())
				.containsExactlyInAnyOrder("facts.depreciation", "observedAt");
		});
	}

	@Test
	void anUnclosedQuoteEndsTheFileThereWithAReason() {
		CsvColumnMapping mapping = CsvColumnMapping.of("id", null, "server", Map.of("name", "name"));
		String csv = "id,name\na,\"alpha\"\nb,be\"ta\nc,\"gamma\nd,delta\n";
		ParsedRecords records = new CsvItemReader(mapping, CLOCK).read(csv.getBytes(StandardCharsets.UTF_8), "cmdb");
		// a quote inside an unquoted value is kept as text; an unclosed one swallows the
		// rest
		assertThat(records.discoveredItems()).extracting(DiscoveredItem::name).containsExactly("alpha", "be\"ta");
		assertThat(records.rejections()).singleElement().satisfies((rejection) -> {
			assertThat(rejection.index()).isEqualTo(2);
			assertThat(rejection.field()).isEqualTo("(row)");
			assertThat(rejection.reason()).startsWith("malformed CSV").endsWith("the rows after it were not read");
		});
	}

	@Test
	void anEmptyFileOrAHeaderAloneHasNoRecords() {
		CsvItemReader reader = ItamRegisterCsv.reader(CLOCK);
		assertThat(reader.read(new byte[0], "itam").total()).isZero();
		assertThat(
				reader.read((String.join(",", ItamRegisterCsv.HEADERS) + "\n").getBytes(StandardCharsets.UTF_8), "itam")
					.total())
			.isZero();
	}

	@Test
	void theMappingNamesEveryPathThatIsNotCanonical() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CsvColumnMapping.of("id", null, "server",
					Map.of("identifiers.imei", "IMEI", "facts.colour", "Colour", "name", "Name")))
			.withMessageContaining("'identifiers.imei'")
			.withMessageContaining("'facts.colour'")
			.withMessageNotContaining("'name'");
		assertThatIllegalArgumentException().isThrownBy(() -> CsvColumnMapping.of("id", null, null, Map.of()))
			.withMessageContaining("defaultCiClass");
		assertThatIllegalArgumentException().isThrownBy(() -> CsvColumnMapping.of("id", null, "gadget", Map.of()))
			.withMessageContaining("'gadget'");
	}

	@Test
	void bindsFromConfigurationAsSpringBootGivesIt() {
		// YAML binding splits keys on dots and drops underscores from unbracketed map
		// keys
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("source-key-column", "Asset Tag");
		config.put("default-ci-class", "server");
		config.put("delimiter", "tab");
		config.put("list-separator", "|");
		config.put("columns", Map.of("identifiers", Map.of("serialnumber", "Serial", "mac_address", "MACs"), "facts",
				Map.of("purchasecost", Map.of("amount", "Cost")), "[attributes.rack_unit]", "U", "name", "Name"));
		CsvColumnMapping mapping = CsvColumnMapping.fromMap(config);

		assertThat(mapping.sourceKeyColumn()).isEqualTo("Asset Tag");
		assertThat(mapping.delimiter()).isEqualTo('\t');
		assertThat(mapping.listSeparator()).isEqualTo("|");
		assertThat(mapping.columns()).containsEntry("identifiers.serial_number", "Serial")
			.containsEntry("identifiers.mac_address", "MACs")
			.containsEntry("facts.purchase_cost.amount", "Cost")
			.containsEntry("attributes.rack_unit", "U")
			.containsEntry("name", "Name");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CsvColumnMapping.fromMap(Map.of("sourceKeyColumn", "id", "colour", "x")))
			.withMessageContaining("'colour'");
	}

	private static RecordRejection rejection(ParsedRecords records, int index) {
		return records.rejections().stream().filter((r) -> r.index() == index).findFirst().orElseThrow();
	}

}
