package io.itsmhub.sources.cloud;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.itsmhub.api.ingest.ParsedRecords;
import io.itsmhub.api.ingest.RecordRejection;
import io.itsmhub.api.model.CiClass;
import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.api.model.LifecycleStatus;
import io.itsmhub.api.model.Relationship;
import io.itsmhub.api.model.RelationshipType;
import io.itsmhub.sources.SampleFiles;

import static org.assertj.core.api.Assertions.assertThat;

class AwsConfigReaderTest {

	private static final String DIR = "samples/cloud/aws-config/asecurityteam-awsconfig-transformerd-testdata/";

	private static final String INSTANCE = "arn:aws:ec2:us-west-2:123456789012:instance/i-0a763ac3ee37d8d2b";

	private final AwsConfigReader reader = new AwsConfigReader(SampleFiles.CLOCK);

	/**
	 * The well-formed samples, each one configuration item, with whether it is a
	 * deletion.
	 */
	static final Map<String, Boolean> GOOD = Map.ofEntries(Map.entry("awsconfigpayload.json", false),
			Map.entry("ec2.0.json", false), Map.entry("ec2.1.json", false), Map.entry("ec2.2.json", false),
			Map.entry("ec2.3.json", false), Map.entry("ec2.4.json", true), Map.entry("ec2.5.json", false),
			Map.entry("ec2.6.json", true), Map.entry("ec2.deleted.json", true), Map.entry("elb.create.json", false),
			Map.entry("elb.update.json", false), Map.entry("elb.delete.json", true),
			Map.entry("elbv2.create.json", false), Map.entry("elbv2.create-notags.json", false),
			Map.entry("elbv2.update.json", false), Map.entry("elbv2.delete.json", true),
			Map.entry("eni.1.create.json", false), Map.entry("eni.1.update.json", false),
			Map.entry("eni.1.delete.json", true), Map.entry("eni.2.create.json", false),
			Map.entry("eni.2.update.json", false), Map.entry("eni.2.delete.json", true),
			Map.entry("eni.3.update.json", false), Map.entry("subnet.create.json", false),
			Map.entry("subnet.update.json", false), Map.entry("subnet.delete.json", true));

	@TestFactory
	Stream<DynamicTest> everyWellFormedNotificationIsOneItem() {
		return GOOD.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map((sample) -> DynamicTest.dynamicTest(sample.getKey(), () -> {
				ParsedRecords records = this.reader.read(SampleFiles.bytes(DIR + sample.getKey()), "aws-config");
				assertThat(records.rejections()).isEmpty();
				DiscoveredItem item = records.discoveredItems().get(0);
				assertThat(records.items()).hasSize(1);
				assertThat(item.identifiers().first(IdentifierType.CLOUD_RESOURCE_ID)).startsWith("arn:aws:")
					.isEqualTo(item.sourceKey());
				assertThat(item.facts().lifecycleStatus() == LifecycleStatus.RETIRED).isEqualTo(sample.getValue());
			}));
	}

	@Test
	void theMalformedSamplesAreRejectedWithTheirReason() {
		assertThat(rejection("ec2.deleted-malformed.json")).satisfies((r) -> {
			assertThat(r.field()).isEqualTo("Message");
			assertThat(r.reason()).startsWith("the SNS message is not a JSON document");
		});
		assertThat(rejection("ec2.malformed.json")).satisfies((r) -> {
			assertThat(r.sourceKey()).isEqualTo(INSTANCE);
			assertThat(r.field()).isEqualTo("configurationItemDiff.changedProperties.Configuration");
			assertThat(r.reason()).contains("got string \"NOTJSON\"");
		});
		assertThat(rejection("elb.malformed.json")).satisfies((r) -> {
			assertThat(r.field()).isEqualTo("configurationItem.awsAccountId");
			assertThat(r.reason()).startsWith("is required");
		});
		assertThat(rejection("elbv2.update.malformed-tags.json")).satisfies((r) -> {
			assertThat(r.field())
				.isEqualTo("configurationItemDiff.changedProperties.SupplementaryConfiguration.TagSet.1");
			assertThat(r.reason()).contains("neither previousValue nor updatedValue");
		});
	}

	@Test
	void anEc2InstanceIsAVirtualMachineWithItsNetworkIdentity() {
		DiscoveredItem vm = item("ec2.0.json");
		assertThat(vm.ciClass()).isEqualTo(CiClass.VIRTUAL_MACHINE);
		assertThat(vm.sourceKey()).isEqualTo(INSTANCE);
		assertThat(vm.identifiers().get(IdentifierType.MAC_ADDRESS)).containsExactly("02:17:59:ed:8b:0a");
		assertThat(vm.identifiers().first(IdentifierType.FQDN)).isEqualTo("ip-172-31-30-79.us-west-2.compute.internal");
		assertThat(vm.identifiers().first(IdentifierType.HOSTNAME)).isEqualTo("ip-172-31-30-79");
		assertThat(vm.attributes()).containsEntry("instance_type", "t2.micro")
			.containsEntry("state", "running")
			.containsEntry("region", "us-west-2")
			.containsEntry("tags", Map.of("service_name", "foo-bar", "business_unit", "CISO-Security"));
		assertThat(vm.observedAt()).hasToString("2019-02-22T20:43:10.208Z");
		assertThat(vm.relationships())
			.extracting(Relationship::type, (r) -> r.target().first(IdentifierType.CLOUD_RESOURCE_ID))
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(RelationshipType.CONTAINS,
							"arn:aws:ec2:us-west-2:123456789012:network-interface/eni-05721fa8354d07b8c"),
					org.assertj.core.groups.Tuple.tuple(RelationshipType.MEMBER_OF,
							"arn:aws:ec2:us-west-2:123456789012:security-group/sg-05d1b37a375dcca8e"),
					org.assertj.core.groups.Tuple.tuple(RelationshipType.MEMBER_OF,
							"arn:aws:ec2:us-west-2:123456789012:subnet/subnet-3d0b8c5a"),
					org.assertj.core.groups.Tuple.tuple(RelationshipType.CONNECTED_TO,
							"arn:aws:ec2:us-west-2:123456789012:volume/vol-0da7faa5400c54c4c"),
					org.assertj.core.groups.Tuple.tuple(RelationshipType.MEMBER_OF,
							"arn:aws:ec2:us-west-2:123456789012:vpc/vpc-b290fcd5"));
	}

	@Test
	void aDeletionRetiresTheSameResourceEvenWithoutAnArn() {
		DiscoveredItem deleted = item("ec2.4.json");
		assertThat(deleted.sourceKey()).isEqualTo(INSTANCE);
		assertThat(deleted.facts().lifecycleStatus()).isEqualTo(LifecycleStatus.RETIRED);
		assertThat(deleted.relationships()).isEmpty();
		DiscoveredItem noArn = item("ec2.deleted.json");
		assertThat(noArn.sourceKey()).isEqualTo("arn:aws:ec2:us-west-2:752631980301:instance/i-08f37101ae44e31e4");
		assertThat(noArn.facts().lifecycleStatus()).isEqualTo(LifecycleStatus.RETIRED);
	}

	@Test
	void aNetworkInterfaceKeepsItsMacAsAnAttributeAndRelationshipsWithoutSpaces() {
		DiscoveredItem eni = item("eni.1.update.json");
		assertThat(eni.ciClass()).isEqualTo(CiClass.CLOUD_RESOURCE);
		assertThat(eni.identifiers().get(IdentifierType.MAC_ADDRESS)).isEmpty();
		assertThat(eni.attributes()).containsEntry("mac_address", "00:aa:11:bb:22:cc");
		// "IscontainedinSubnet", "IsassociatedwithSecurityGroup"
		assertThat(eni.relationships()).extracting(Relationship::type).containsOnly(RelationshipType.MEMBER_OF);
	}

	@Test
	void aLoadBalancerIsACloudResourceAttachedToItsSubnets() {
		DiscoveredItem elb = item("elbv2.create.json");
		assertThat(elb.ciClass()).isEqualTo(CiClass.CLOUD_RESOURCE);
		assertThat(elb.name()).isEqualTo("config-test-alb");
		assertThat(elb.attributes()).containsEntry("dns_name",
				"internal-config-test-alb-012345678.us-west-2.elb.amazonaws.com");
		assertThat(elb.relationships()).filteredOn((r) -> r.type() == RelationshipType.CONNECTED_TO)
			.extracting((r) -> r.target().first(IdentifierType.CLOUD_RESOURCE_ID))
			.contains("arn:aws:ec2:us-west-2:123456789012:subnet/subnet-12345678");
	}

	@Test
	void aSnapshotFileIsOneRecordPerConfigurationItem() {
		ParsedRecords records = this.reader.read(SampleFiles.bytes("cloud/aws-config-snapshot.json"), "aws-config");
		assertThat(records.items()).extracting(ParsedRecords.Indexed::index).containsExactly(0, 1, 2, 3);
		// index 3 is in the Config API's form: lower-case arn, configuration as a string
		DiscoveredItem api = records.items().get(3).item();
		assertThat(api.sourceKey()).isEqualTo(INSTANCE);
		assertThat(api.identifiers().get(IdentifierType.MAC_ADDRESS)).containsExactly("02:17:59:ed:8b:0a");
		assertThat(records.rejections()).singleElement().satisfies((r) -> {
			assertThat(r.index()).isEqualTo(4);
			assertThat(r.errors()).extracting((e) -> e.field()).contains("configurationItem.resourceId");
		});
	}

	@Test
	void noticesWithoutItemsGiveNothingAndStrangersAreRejected() {
		assertThat(this.reader.read("{\"messageType\":\"ConfigurationSnapshotDeliveryCompleted\"}".getBytes(), "aws")
			.total()).isZero();
		assertThat(this.reader.read("{\"hello\":1}".getBytes(), "aws").rejections()).singleElement()
			.satisfies((r) -> assertThat(r.field()).isEqualTo("(body)"));
		assertThat(this.reader.read("[1,".getBytes(), "aws").rejections()).singleElement()
			.satisfies((r) -> assertThat(r.reason()).startsWith("malformed JSON"));
	}

	private DiscoveredItem item(String file) {
		ParsedRecords records = this.reader.read(SampleFiles.bytes(DIR + file), "aws-config");
		assertThat(records.rejections()).isEmpty();
		return records.discoveredItems().get(0);
	}

	private RecordRejection rejection(String file) {
		ParsedRecords records = this.reader.read(SampleFiles.bytes(DIR + file), "aws-config");
		assertThat(records.items()).isEmpty();
		assertThat(records.rejections()).hasSize(1);
		return records.rejections().get(0);
	}

}
