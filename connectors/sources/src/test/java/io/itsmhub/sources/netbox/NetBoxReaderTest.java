package io.itsmhub.sources.netbox;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.itsmhub.api.ingest.ParsedRecords;
import io.itsmhub.api.ingest.RecordRejection;
import io.itsmhub.api.model.CiClass;
import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.api.model.LifecycleStatus;
import io.itsmhub.sources.SampleFiles;

import static org.assertj.core.api.Assertions.assertThat;

class NetBoxReaderTest {

	private final NetBoxReader reader = new NetBoxReader(SampleFiles.CLOCK);

	@Test
	void theDemoDataGivesEveryNamedDeviceAndEveryVirtualMachine() {
		ParsedRecords records = this.reader
			.read(SampleFiles.bytes("samples/misc/netbox-demo-data-v3.6-cmdb-subset.json"), "netbox");
		List<DiscoveredItem> items = records.discoveredItems();
		// 72 devices (22 of them without name, serial or asset tag) and 180 virtual
		// machines
		assertThat(items).filteredOn((item) -> item.sourceKey().startsWith("dcim.device/")).hasSize(50);
		assertThat(items).filteredOn((item) -> item.ciClass() == CiClass.VIRTUAL_MACHINE).hasSize(180);
		assertThat(records.rejections()).hasSize(22).allSatisfy((rejection) -> {
			assertThat(rejection.field()).isEqualTo("identifiers");
			assertThat(rejection.reason()).contains("no name, serial or asset tag");
			assertThat(rejection.sourceKey()).startsWith("dcim.device/");
		});
		// 13 unnamed patch panels, 8 ToR switches named only by their virtual chassis
		// (not
		// in the subset), and one unnamed application server
		assertThat(records.rejections()).extracting(RecordRejection::reason)
			.filteredOn((reason) -> reason.contains("(role Patch Panel)"))
			.hasSize(13);
		assertThat(records.rejections()).extracting(RecordRejection::reason)
			.filteredOn((reason) -> reason.contains("(role ToR Switch); it is member"))
			.hasSize(8);
		assertThat(records.rejections()).extracting(RecordRejection::reason)
			.filteredOn((reason) -> reason.contains("(role Application Server)"))
			.hasSize(1);

		DiscoveredItem router = items.stream()
			.filter((item) -> item.sourceKey().equals("dcim.device/1"))
			.findFirst()
			.orElseThrow();
		assertThat(router.name()).isEqualTo("dmi01-akron-rtr01");
		assertThat(router.ciClass()).isEqualTo(CiClass.NETWORK_DEVICE);
		assertThat(router.identifiers().first(IdentifierType.HOSTNAME)).isEqualTo("dmi01-akron-rtr01");
		assertThat(router.facts().location()).isEqualTo("DM-Akron/Comms closet");
		assertThat(router.facts().lifecycleStatus()).isEqualTo(LifecycleStatus.IN_USE);
		assertThat(router.attributes()).containsEntry("role", "Router")
			.containsEntry("platform", "Cisco IOS")
			.containsEntry("rack_position", "4")
			.containsKey("manufacturer")
			.containsKey("model");

		DiscoveredItem vm = items.stream()
			.filter((item) -> item.sourceKey().equals("virtualization.virtualmachine/361"))
			.findFirst()
			.orElseThrow();
		assertThat(vm.name()).isEqualTo("vm1");
		assertThat(vm.attributes()).containsKey("cluster").containsKey("cluster_type");
	}

	@Test
	void anApiPageReadsNestedReferences() {
		ParsedRecords records = this.reader.read(SampleFiles.bytes("netbox/api-devices-page.json"), "netbox");
		DiscoveredItem server = records.items().get(0).item();
		assertThat(server.sourceKey()).isEqualTo("dcim.device/201");
		assertThat(server.ciClass()).isEqualTo(CiClass.SERVER);
		assertThat(server.identifiers().first(IdentifierType.SERIAL_NUMBER)).isEqualTo("CZ3420ABCD");
		assertThat(server.identifiers().first(IdentifierType.ASSET_TAG)).isEqualTo("P1000091");
		assertThat(server.facts().location()).isEqualTo("FRA-DC1/Row 4/Rack 12");
		assertThat(server.attributes()).containsEntry("manufacturer", "Dell")
			.containsEntry("model", "PowerEdge R740")
			.containsEntry("ip_addresses", List.of("10.1.2.3"))
			.containsEntry("rack_position", "20");
		assertThat(records.rejections()).singleElement().satisfies((r) -> {
			assertThat(r.index()).isEqualTo(1);
			assertThat(r.reason()).contains("Patch Panel");
		});
		assertThat(records.items().get(1).index()).isEqualTo(2);
		DiscoveredItem tor = records.items().get(1).item();
		assertThat(tor.ciClass()).isEqualTo(CiClass.NETWORK_DEVICE);
		assertThat(tor.facts().lifecycleStatus()).isEqualTo(LifecycleStatus.RETIRED);
	}

	@Test
	void otherBodiesAreRejected() {
		assertThat(this.reader.read("{\"detail\":\"Invalid token\"}".getBytes(), "netbox").rejections()).singleElement()
			.satisfies((r) -> assertThat(r.field()).isEqualTo("(body)"));
	}

}
