package io.itsmhub.sources.agent;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.itsmhub.api.ingest.ParsedRecords;
import io.itsmhub.api.model.CiClass;
import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.api.model.Relationship;
import io.itsmhub.api.model.RelationshipType;
import io.itsmhub.sources.SampleFiles;

import static org.assertj.core.api.Assertions.assertThat;

class AgentInventoryReaderTest {

	private static final String GLPI = "samples/glpi/inventory_format/";

	private static final String XML = GLPI + "tests-data-xml/";

	private static final String FUSION = "samples/fusioninventory/";

	private final AgentInventoryReader reader = new AgentInventoryReader(SampleFiles.CLOCK);

	/** Every inventory sample, with how many items it holds (machine plus its VMs). */
	static final Map<String, Integer> SAMPLES = Map.ofEntries(Map.entry(GLPI + "examples_computer_1.json", 1),
			Map.entry(GLPI + "examples_computer_1_partial_softs.json", 1),
			Map.entry(GLPI + "examples_computer_2.json", 7),
			Map.entry(GLPI + "examples_computer_2_partial_dbs.json", 1),
			Map.entry(GLPI + "examples_computer_2_partial_vms.json", 7),
			Map.entry(GLPI + "examples_networkequipment_3.json", 1),
			Map.entry(GLPI + "examples_networkequipment_5.json", 1), Map.entry(GLPI + "examples_phone_1.json", 1),
			Map.entry(GLPI + "examples_printer_1.json", 1), Map.entry(XML + "1.xml", 4), Map.entry(XML + "2.xml", 1),
			Map.entry(XML + "3.xml", 1), Map.entry(XML + "4.xml", 1), Map.entry(XML + "5.xml", 1),
			Map.entry(XML + "6.xml", 1), Map.entry(XML + "7.xml", 1), Map.entry(XML + "8.xml", 1),
			Map.entry(XML + "10.xml", 1), Map.entry(XML + "12.xml", 1), Map.entry(XML + "18.xml", 1),
			Map.entry(FUSION + "fusioninventory-2.6-inventory-local-nosoftware.xml", 1),
			Map.entry(FUSION + "fusioninventory-2.6-inventory-local-trimmed.xml", 1),
			Map.entry(FUSION + "fusioninventory-netdiscovery-snmp-127.0.0.1.xml", 1),
			Map.entry(FUSION + "fusioninventory-netinventory-snmp-127.0.0.1.xml", 1),
			Map.entry(FUSION + "fusioninventory-protocol-02-inventory-request.xml", 1),
			Map.entry(FUSION + "fusioninventory-protocol-02-inventory-request.zlib.bin", 1));

	@TestFactory
	Stream<DynamicTest> everyInventorySampleIsReadWithoutRejection() {
		return SAMPLES.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map((sample) -> DynamicTest.dynamicTest(sample.getKey(), () -> {
				ParsedRecords records = this.reader.read(SampleFiles.bytes(sample.getKey()), "agent");
				assertThat(records.rejections()).isEmpty();
				assertThat(records.items()).hasSize(sample.getValue());
				assertThat(records.discoveredItems()).allSatisfy((item) -> {
					assertThat(item.source()).isEqualTo("agent");
					assertThat(item.sourceKey()).isNotBlank();
				});
			}));
	}

	@Test
	void glpiJsonLaptop() {
		DiscoveredItem item = only(GLPI + "examples_computer_1.json");
		assertThat(item.sourceKey()).isEqualTo("glpixps-2018-07-09-09-07-13");
		assertThat(item.ciClass()).isEqualTo(CiClass.LAPTOP);
		assertThat(item.name()).isEqualTo("glpixps");
		assertThat(item.identifiers().first(IdentifierType.SERIAL_NUMBER)).isEqualTo("640HP72");
		assertThat(item.identifiers().first(IdentifierType.UUID)).isEqualTo("4c4c4544-0034-3010-8048-b6c04f503732");
		// loopback and the libvirt bridge are left out; each NIC once
		assertThat(item.identifiers().get(IdentifierType.MAC_ADDRESS)).containsExactly("00:e0:4c:68:01:db",
				"44:85:00:2b:90:bc");
		assertThat(item.identifiers().first(IdentifierType.HOSTNAME)).isEqualTo("glpixps");
		assertThat(item.attributes()).containsEntry("manufacturer", "Dell Inc.")
			.containsEntry("model", "XPS 13 9350")
			.containsEntry("os", "Fedora")
			.containsEntry("os_version", "31 (Workstation Edition)")
			.containsEntry("memory_mb", 7800L)
			.containsEntry("cpu_count", 1L)
			.containsEntry("software_count", 6L);
		assertThat(item.attributes().get("software")).asList().hasSize(6);
		assertThat(item.attributes().get("disks")).asList().isNotEmpty();
		// logdate 2020-06-12 14:19:54 in CEST (+0200)
		assertThat(item.observedAt()).hasToString("2020-06-12T12:19:54Z");
	}

	@Test
	void hostedVirtualMachinesPointAtTheirHost() {
		ParsedRecords records = this.reader.read(SampleFiles.bytes(GLPI + "examples_computer_2.json"), "agent");
		DiscoveredItem host = records.items().get(0).item();
		assertThat(host.identifiers().first(IdentifierType.ASSET_TAG)).isEqualTo("COMP1");
		List<DiscoveredItem> vms = records.discoveredItems().subList(1, 7);
		assertThat(vms).extracting(DiscoveredItem::ciClass).containsOnly(CiClass.VIRTUAL_MACHINE);
		assertThat(vms).extracting(DiscoveredItem::name)
			.containsExactly("skydive-agent_1", "skydive-analyzer_1", "elasticsearch_1", "a'pache", "db", "'T");
		DiscoveredItem db = vms.get(4);
		assertThat(db.sourceKey()).isEqualTo("acomputer-2021-01-26-14-32-36/vm/7e64b4b09941");
		// a Docker container's id is where a VM's UUID would be: it is a container_id
		assertThat(db.identifiers().first(IdentifierType.CONTAINER_ID)).isEqualTo("7e64b4b09941");
		assertThat(db.identifiers().get(IdentifierType.UUID)).isEmpty();
		assertThat(vms.get(0).identifiers().first(IdentifierType.CONTAINER_ID)).isEqualTo("5506c9cf948e");
		assertThat(db.attributes()).containsEntry("vm_type", "docker").containsEntry("status", "running");
		Relationship hostedOn = db.relationships().get(0);
		assertThat(hostedOn.type()).isEqualTo(RelationshipType.HOSTED_ON);
		assertThat(hostedOn.target().first(IdentifierType.SERIAL_NUMBER)).isEqualTo("2FAGP34");
		assertThat(hostedOn.target().first(IdentifierType.UUID)).isEqualTo("4BDRGGFE-0046-4710-8047-B2C04F503732");
	}

	@Test
	void xmlLaptopWithLibvirtGuestsAndADomain() {
		ParsedRecords records = this.reader.read(SampleFiles.bytes(XML + "1.xml"), "agent");
		DiscoveredItem host = records.items().get(0).item();
		assertThat(host.ciClass()).isEqualTo(CiClass.LAPTOP);
		assertThat(host.identifiers().first(IdentifierType.SERIAL_NUMBER)).isEqualTo("9E113232I");
		assertThat(host.identifiers().first(IdentifierType.UUID)).isEqualTo("0055ADC9-1D3A-E411-8043-B05D95113232");
		assertThat(host.identifiers().first(IdentifierType.FQDN)).isEqualTo("LF014.ad.crosoft.com");
		assertThat(host.identifiers().get(IdentifierType.MAC_ADDRESS)).containsExactly("b8:6b:23:e0:5c:91",
				"b8:6b:23:e0:5c:81", "ae:ed:e7:56:9d:a0");
		assertThat(host.attributes()).containsEntry("os", "Fedora").containsEntry("os_version", "25");
		assertThat(records.discoveredItems().subList(1, 4)).extracting(DiscoveredItem::name)
			.containsExactly("centos7.0", "fedora23", "win8.1");
		// libvirt guests have real UUIDs
		assertThat(records.items().get(1).item().identifiers().get(IdentifierType.UUID)).hasSize(1);
		assertThat(records.items().get(1).item().identifiers().get(IdentifierType.CONTAINER_ID)).isEmpty();
		assertThat(records.items().get(1).item().relationships()).singleElement()
			.satisfies((r) -> assertThat(r.target().first(IdentifierType.SERIAL_NUMBER)).isEqualTo("9E113232I"));
	}

	@Test
	void windowsMacsSkipBluetoothTapAndVirtualAdapters() {
		DiscoveredItem item = only(XML + "12.xml");
		assertThat(item.identifiers().get(IdentifierType.MAC_ADDRESS)).containsExactly("68:b5:99:e6:84:eb",
				"00:22:10:d4:3e:74");
		assertThat(item.identifiers().first(IdentifierType.FQDN)).isEqualTo("pc-arg-23.cedre.local");
		assertThat(item.attributes()).containsEntry("os_full_name", "Microsoft Windows 8.1 Professionnel");
	}

	@Test
	void macsKeepTheirEthernetPortsThoughTheAgentFlagsThemVirtual() {
		DiscoveredItem imac = only(XML + "4.xml");
		assertThat(imac.ciClass()).isEqualTo(CiClass.DESKTOP);
		assertThat(imac.identifiers().get(IdentifierType.MAC_ADDRESS)).contains("0c:4d:e9:cd:a4:c8",
				"88:63:df:b8:00:2d");
		assertThat(imac.identifiers().first(IdentifierType.HOSTNAME)).isEqualTo("iMac-de-Marie");
		DiscoveredItem older = only(XML + "3.xml");
		assertThat(older.identifiers().get(IdentifierType.MAC_ADDRESS)).containsExactly("00:17:f2:d1:14:32",
				"00:19:e3:db:64:d2");
	}

	@Test
	void phonesAreMobileDevices() {
		DiscoveredItem phone = only(GLPI + "examples_phone_1.json");
		assertThat(phone.ciClass()).isEqualTo(CiClass.MOBILE_DEVICE);
		assertThat(phone.identifiers().get(IdentifierType.MAC_ADDRESS)).containsExactly("e0:dc:ff:ed:09:59");
		DiscoveredItem android = only(XML + "18.xml");
		assertThat(android.ciClass()).isEqualTo(CiClass.MOBILE_DEVICE);
		// Android reports its build tag where a BIOS would have an asset tag
		assertThat(android.identifiers().get(IdentifierType.ASSET_TAG)).isEmpty();
		assertThat(android.attributes()).containsEntry("software_count", 310L);
	}

	@Test
	void theCapturedAgentRunIsAVirtualMachineWithItsNic() {
		DiscoveredItem item = only(FUSION + "fusioninventory-protocol-02-inventory-request.zlib.bin");
		assertThat(item.sourceKey()).isEqualTo("vm-2026-11-29-06-07-15");
		assertThat(item.ciClass()).isEqualTo(CiClass.VIRTUAL_MACHINE);
		assertThat(item.identifiers().get(IdentifierType.MAC_ADDRESS)).containsExactly("02:fc:00:00:00:01");
		assertThat(item.identifiers().first(IdentifierType.HOSTNAME)).isEqualTo("vm");
		assertThat(item.attributes()).containsEntry("os", "Debian GNU/Linux")
			.containsEntry("os_version", "12.11")
			.containsEntry("memory_mb", 24105L)
			.containsEntry("cpu_cores", 2L)
			.containsEntry("disk_total_mb", 274877L)
			.containsEntry("ip_addresses", List.of("192.0.2.2", "fd00::2"));
		assertThat(item.observedAt()).hasToString("2026-11-29T06:07:27Z");
	}

	@Test
	void snmpNetworkInventoryGivesANetworkDeviceAndItsNeighbours() {
		DiscoveredItem sw = only(GLPI + "examples_networkequipment_3.json");
		assertThat(sw.ciClass()).isEqualTo(CiClass.NETWORK_DEVICE);
		assertThat(sw.sourceKey()).isEqualTo("serial:CN5BFP62CP");
		assertThat(sw.identifiers().first(IdentifierType.SERIAL_NUMBER)).isEqualTo("CN5BFP62CP");
		assertThat(sw.identifiers().get(IdentifierType.MAC_ADDRESS)).containsExactly("b0:5a:da:10:10:80");
		assertThat(sw.attributes()).containsEntry("model", "2530-48G").containsEntry("port_count", 61L);
		assertThat(sw.relationships()).extracting(Relationship::type).containsOnly(RelationshipType.CONNECTED_TO);
		assertThat(sw.relationships()).extracting((r) -> r.target().first(IdentifierType.MAC_ADDRESS))
			.contains("38:1c:1a:b5:73:20", "38:1c:1a:b5:73:22");

		DiscoveredItem cisco = only(XML + "6.xml");
		assertThat(cisco.identifiers().first(IdentifierType.SERIAL_NUMBER)).isEqualTo("SSI1912014B");
		assertThat(cisco.facts().location()).isEqualTo("paris.pa3");
		assertThat(cisco.relationships()).isNotEmpty();

		DiscoveredItem printer = only(XML + "8.xml");
		assertThat(printer.ciClass()).isEqualTo(CiClass.PRINTER);
		assertThat(printer.identifiers().first(IdentifierType.SERIAL_NUMBER)).isEqualTo("D9J230159");
		assertThat(printer.attributes()).containsEntry("ip_addresses", List.of("10.75.230.125"));

		DiscoveredItem discovered = only(XML + "10.xml");
		assertThat(discovered.ciClass()).isEqualTo(CiClass.NETWORK_DEVICE);
		assertThat(discovered.identifiers().first(IdentifierType.HOSTNAME)).isEqualTo("swdc-07-01-dc1");
		assertThat(discovered.identifiers().get(IdentifierType.MAC_ADDRESS)).containsExactly("00:23:04:ee:be:02");
	}

	@Test
	void aPartialInventoryWithoutHardwareOnlyUpdatesTheAgentsMachine() {
		String partial = """
				{"deviceid": "glpixps-2018-07-09-09-07-13", "action": "inventory", "partial": true,
				 "content": {"versionclient": "GLPI-Agent_v1.4",
				   "softwares": [{"name": "bash", "version": "5.0"}, {"name": "curl", "version": "7.69"}]}}
				""";
		ParsedRecords records = this.reader.read(partial.getBytes(), "agent");
		assertThat(records.rejections()).isEmpty();
		ParsedRecords.Indexed host = records.items().get(0);
		assertThat(host.updateOnly()).isTrue();
		assertThat(host.item().sourceKey()).isEqualTo("glpixps-2018-07-09-09-07-13");
		assertThat(host.item().identifiers().isEmpty()).isTrue();
		assertThat(host.item().attributes()).containsEntry("software_count", 2L);
		// the examples' partial inventories carry hardware and BIOS: full records
		assertThat(this.reader.read(SampleFiles.bytes(GLPI + "examples_computer_1_partial_softs.json"), "agent")
			.items()
			.get(0)
			.updateOnly()).isFalse();
		// nothing identifies a partial inventory without its deviceid
		assertThat(this.reader
			.read(partial.replace("\"deviceid\": \"glpixps-2018-07-09-09-07-13\",", "").getBytes(), "agent")
			.rejections()).singleElement().satisfies((r) -> {
				assertThat(r.field()).isEqualTo("deviceid");
				assertThat(r.reason()).contains("partial inventory");
			});
	}

	@Test
	void unreadableBodiesAreOneRejectionNamingWhy() {
		assertThat(this.reader.read("<REQUEST><QUERY>INVENTORY".getBytes(), "agent").rejections()).singleElement()
			.satisfies((r) -> assertThat(r.reason()).startsWith("malformed XML"));
		assertThat(this.reader.read("{\"deviceid\": 1,".getBytes(), "agent").rejections()).singleElement()
			.satisfies((r) -> assertThat(r.reason()).startsWith("malformed JSON"));
		assertThat(
				this.reader.read(SampleFiles.bytes(FUSION + "fusioninventory-protocol-01-prolog-request.xml"), "agent")
					.rejections())
			.singleElement()
			.satisfies((r) -> assertThat(r.reason()).isEqualTo("a PROLOG query carries no inventory"));
		assertThat(this.reader.read("{\"deviceid\": \"x\"}".getBytes(), "agent").rejections()).singleElement()
			.satisfies((r) -> assertThat(r.field()).isEqualTo("content"));
		assertThat(this.reader.read(new byte[] { 0x78, (byte) 0x9c, 1, 2, 3 }, "agent").rejections()).singleElement()
			.satisfies((r) -> assertThat(r.reason()).contains("zlib"));
	}

	@Test
	void externalEntitiesAreRefused() {
		String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
				+ "<REQUEST><QUERY>INVENTORY</QUERY><DEVICEID>&x;</DEVICEID><CONTENT/></REQUEST>";
		ParsedRecords records = this.reader.read(xxe.getBytes(), "agent");
		assertThat(records.items()).isEmpty();
		assertThat(records.rejections()).singleElement().satisfies((r) -> assertThat(r.reason()).contains("DOCTYPE"));
	}

	@Test
	void macAddressesThatNoNicHasAreDropped() {
		assertThat(GlpiInventoryMapper.normalizeMac("00-1A-2B-3C-4D-5E")).isEqualTo("00:1a:2b:3c:4d:5e");
		assertThat(GlpiInventoryMapper.normalizeMac("00:00:00:00:00:00")).isNull();
		assertThat(GlpiInventoryMapper.normalizeMac("ff:ff:ff:ff:ff:ff")).isNull();
		assertThat(GlpiInventoryMapper.normalizeMac("01:00:5e:00:00:01")).isNull();
		assertThat(GlpiInventoryMapper.normalizeMac("")).isNull();
		assertThat(GlpiInventoryMapper.normalizeMac("not a mac")).isNull();
	}

	private DiscoveredItem only(String path) {
		ParsedRecords records = this.reader.read(SampleFiles.bytes(path), "agent");
		assertThat(records.rejections()).isEmpty();
		return records.items().get(0).item();
	}

}
