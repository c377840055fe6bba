package io.itsmhub.sources.agent;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.itsmhub.api.ingest.ParsedRecords;
import io.itsmhub.api.model.CiClass;
import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.sources.SampleFiles;

import static org.assertj.core.api.Assertions.assertThat;

class LshwReaderTest {

	private final LshwReader reader = new LshwReader(SampleFiles.CLOCK);

	@Test
	void theSampleIsTheSameGuestTheAgentReported() {
		ParsedRecords records = this.reader.read(SampleFiles.bytes("samples/misc/lshw-B.02.19-localhost.json"), "lshw");
		assertThat(records.rejections()).isEmpty();
		DiscoveredItem item = records.discoveredItems().get(0);
		assertThat(item.sourceKey()).isEqualTo("vm");
		assertThat(item.ciClass()).isEqualTo(CiClass.VIRTUAL_MACHINE);
		assertThat(item.identifiers().first(IdentifierType.HOSTNAME)).isEqualTo("vm");
		// the same NIC as in the FusionInventory capture of this machine
		assertThat(item.identifiers().get(IdentifierType.MAC_ADDRESS)).containsExactly("02:fc:00:00:00:01");
		assertThat(item.attributes()).containsEntry("memory_mb", 24576L)
			.containsEntry("cpu_count", 1L)
			.containsEntry("cpu_model", "AMD EPYC")
			.containsEntry("ip_addresses", List.of("192.0.2.2"));
	}

	@Test
	void otherJsonIsRejected() {
		assertThat(this.reader.read("{\"class\":\"bus\"}".getBytes(), "lshw").rejections()).singleElement()
			.satisfies((r) -> assertThat(r.reason()).startsWith("not lshw output"));
	}

}
