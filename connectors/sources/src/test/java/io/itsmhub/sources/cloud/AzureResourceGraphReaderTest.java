package io.itsmhub.sources.cloud;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.itsmhub.api.ingest.ParsedRecords;
import io.itsmhub.api.model.CiClass;
import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.api.model.RelationshipType;
import io.itsmhub.sources.SampleFiles;

import static org.assertj.core.api.Assertions.assertThat;

class AzureResourceGraphReaderTest {

	private static final String DIR = "samples/cloud/azure-resource-graph/";

	private final AzureResourceGraphReader reader = new AzureResourceGraphReader(SampleFiles.CLOCK);

	@Test
	void theRestApiExampleGivesThreeResources() {
		ParsedRecords records = this.reader
			.read(SampleFiles.bytes(DIR + "azure-rest-api-specs_2021-03-01_ResourcesBasicQuery.json"), "azure");
		assertThat(records.rejections()).isEmpty();
		assertThat(records.discoveredItems()).extracting(DiscoveredItem::name)
			.containsExactly("myNetworkInterface", "myVnet", "myPublicIp");
		DiscoveredItem nic = records.discoveredItems().get(0);
		assertThat(nic.ciClass()).isEqualTo(CiClass.CLOUD_RESOURCE);
		assertThat(nic.identifiers().first(IdentifierType.CLOUD_RESOURCE_ID)).isEqualTo(
				"/subscriptions/cfbbd179-59d2-4052-aa06-9270a38aa9d6/resourceGroups/RG1/providers/Microsoft.Network/networkInterfaces/myNetworkInterface");
		assertThat(nic.sourceKey()).isEqualTo(nic.identifiers().first(IdentifierType.CLOUD_RESOURCE_ID));
		assertThat(nic.attributes()).containsEntry("region", "centralus")
			.containsEntry("resource_group", "RG1")
			.containsEntry("subscription_id", "cfbbd179-59d2-4052-aa06-9270a38aa9d6");
		assertThat(nic.observedAt()).isEqualTo(SampleFiles.NOW);
	}

	@Test
	void theSdkRecordingGivesTypesFromIdsWhenNotProjected() {
		ParsedRecords records = this.reader
			.read(SampleFiles.bytes(DIR + "azure-sdk-for-net_ResourcesAsyncTest_resourcegraph-response.json"), "azure");
		assertThat(records.rejections()).isEmpty();
		assertThat(records.discoveredItems()).extracting((item) -> item.attributes().get("resource_type"))
			.containsExactly("microsoft.storage/storageaccounts", "microsoft.network/dnszones");
		assertThat(records.discoveredItems().get(0).name()).isEqualTo("teststoragemgmt8010");
		assertThat(records.discoveredItems().get(0).attributes()).containsEntry("provisioning_state", "Succeeded");
	}

	@Test
	void virtualMachinesAndTheirInterfacesPointAtEachOther() {
		ParsedRecords records = this.reader.read(SampleFiles.bytes("cloud/azure-vm-nic.json"), "azure");
		DiscoveredItem vm = records.discoveredItems().get(0);
		assertThat(vm.ciClass()).isEqualTo(CiClass.VIRTUAL_MACHINE);
		assertThat(vm.identifiers().first(IdentifierType.HOSTNAME)).isEqualTo("db-prod-02");
		assertThat(vm.attributes()).containsEntry("vm_size", "Standard_D4s_v5")
			.containsEntry("os_type", "Linux")
			.containsEntry("power_state", "PowerState/running");
		assertThat(vm.relationships()).extracting((r) -> r.type())
			.containsExactly(RelationshipType.CONNECTED_TO, RelationshipType.DEPENDS_ON);
		DiscoveredItem nic = records.discoveredItems().get(1);
		assertThat(nic.attributes()).containsEntry("mac_address", "00-0D-3A-2B-4C-5D")
			.containsEntry("ip_addresses", List.of("10.20.1.4"));
		assertThat(nic.relationships()).singleElement()
			.satisfies((r) -> assertThat(r.target().first(IdentifierType.CLOUD_RESOURCE_ID)).isEqualTo(vm.sourceKey()));
		assertThat(records.rejections()).singleElement().satisfies((r) -> {
			assertThat(r.index()).isEqualTo(2);
			assertThat(r.field()).isEqualTo("id");
		});
	}

	@Test
	void theTableFormIsReadToo() {
		String table = "{\"data\":{\"columns\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"name\",\"type\":\"string\"},"
				+ "{\"name\":\"location\",\"type\":\"string\"}],\"rows\":[[\"/subscriptions/s/resourceGroups/g/providers/"
				+ "Microsoft.Sql/servers/sql1/databases/db1\",\"db1\",\"westus\"]]}}";
		ParsedRecords records = this.reader.read(table.getBytes(), "azure");
		assertThat(records.discoveredItems()).singleElement().satisfies((item) -> {
			assertThat(item.ciClass()).isEqualTo(CiClass.DATABASE);
			assertThat(item.attributes()).containsEntry("resource_type", "microsoft.sql/servers/databases")
				.containsEntry("region", "westus");
		});
		assertThat(this.reader.read("{\"value\":[]}".getBytes(), "azure").rejections()).hasSize(1);
	}

}
