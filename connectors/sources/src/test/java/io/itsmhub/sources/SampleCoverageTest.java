package io.itsmhub.sources;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.itsmhub.api.ingest.ParsedRecords;
import io.itsmhub.api.ingest.RecordRejection;
import io.itsmhub.sources.agent.AgentInventoryReader;
import io.itsmhub.sources.agent.LshwReader;
import io.itsmhub.sources.cloud.AwsConfigReader;
import io.itsmhub.sources.cloud.AzureResourceGraphReader;
import io.itsmhub.sources.netbox.NetBoxReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file copied from the shared samples is accounted for: each record file is read by
 * its reader with the expected number of items, and its only rejections are the expected,
 * explained ones; the rest are named as not records. A new sample fails this test until
 * someone decides what it is.
 */
class SampleCoverageTest {

	private static final String AWS = "cloud/aws-config/asecurityteam-awsconfig-transformerd-testdata/";

	/**
	 * Files that hold no inventory or cloud record: licences, provenance, HTTP headers,
	 * protocol messages.
	 */
	private static final List<String> NOT_RECORDS = List.of("LICENSE", "LICENSE.txt", "SOURCE.txt", "README.md",
			"netbox-demo-data-LICENSE.md", ".http-headers.txt", "prolog-request.xml", "prolog-request.zlib.bin");

	/**
	 * Expected items and rejections per file, by path under {@code samples/}; files not
	 * listed under glpi, fusioninventory and the AWS folder hold one item and no
	 * rejection.
	 */
	private static final Map<String, Expected> EXPECTED = Map.ofEntries(
			Map.entry("glpi/inventory_format/examples_computer_2.json", new Expected(7, List.of())),
			Map.entry("glpi/inventory_format/examples_computer_2_partial_vms.json", new Expected(7, List.of())),
			Map.entry("glpi/inventory_format/tests-data-xml/1.xml", new Expected(4, List.of())),
			Map.entry(AWS + "ec2.deleted-malformed.json",
					new Expected(0, List.of("Message: the SNS message is not a JSON document"))),
			Map.entry(AWS + "ec2.malformed.json",
					new Expected(0,
							List.of("configurationItemDiff.changedProperties.Configuration: expected an object"))),
			Map.entry(AWS + "elb.malformed.json",
					new Expected(0, List.of("configurationItem.awsAccountId: is required"))),
			Map.entry(AWS + "elbv2.update.malformed-tags.json",
					new Expected(0,
							List.of("configurationItemDiff.changedProperties.SupplementaryConfiguration.TagSet.1: "
									+ "has neither previousValue nor updatedValue"))),
			Map.entry("cloud/azure-resource-graph/azure-rest-api-specs_2021-03-01_ResourcesBasicQuery.json",
					new Expected(3, List.of())),
			Map.entry("cloud/azure-resource-graph/azure-sdk-for-net_ResourcesAsyncTest_resourcegraph-response.json",
					new Expected(2, List.of())),
			Map.entry("misc/netbox-demo-data-v3.6-cmdb-subset.json",
					new Expected(230, java.util.Collections.nCopies(22, "identifiers: the device has no name"))));

	@TestFactory
	Stream<DynamicTest> everySampleIsReadOrNamedAsNoRecord() throws IOException, URISyntaxException {
		Path root = Path.of(Objects.requireNonNull(getClass().getClassLoader().getResource("samples")).toURI());
		List<Path> files;
		try (Stream<Path> walk = Files.walk(root)) {
			files = walk.filter(Files::isRegularFile).sorted().toList();
		}
		return files.stream()
			.filter((file) -> NOT_RECORDS.stream()
				.noneMatch((suffix) -> file.getFileName().toString().endsWith(suffix)))
			.map((file) -> {
				String path = root.relativize(file).toString().replace('\\', '/');
				return DynamicTest.dynamicTest(path, () -> check(path, Files.readAllBytes(file)));
			});
	}

	private static void check(String path, byte[] body) {
		ParsedRecords records = read(path, body);
		Expected expected = EXPECTED.getOrDefault(path, new Expected(1, List.of()));
		assertThat(records.items()).as("items of %s", path).hasSize(expected.items());
		assertThat(records.rejections()).as("rejections of %s", path).hasSize(expected.rejections().size());
		for (int i = 0; i < records.rejections().size(); i++) {
			RecordRejection rejection = records.rejections().get(i);
			assertThat(rejection.field() + ": " + rejection.reason()).startsWith(expected.rejections().get(i));
		}
	}

	private static ParsedRecords read(String path, byte[] body) {
		if (path.startsWith("glpi/") || path.startsWith("fusioninventory/")) {
			return new AgentInventoryReader(SampleFiles.CLOCK).read(body, "agent");
		}
		if (path.startsWith("cloud/aws-config/")) {
			return new AwsConfigReader(SampleFiles.CLOCK).read(body, "aws-config");
		}
		if (path.startsWith("cloud/azure-resource-graph/")) {
			return new AzureResourceGraphReader(SampleFiles.CLOCK).read(body, "azure");
		}
		if (path.startsWith("misc/netbox")) {
			return new NetBoxReader(SampleFiles.CLOCK).read(body, "netbox");
		}
		if (path.startsWith("misc/lshw")) {
			return new LshwReader(SampleFiles.CLOCK).read(body, "lshw");
		}
		throw new AssertionError("no reader for the sample " + path + ": add one, or name it in NOT_RECORDS");
	}

	private record Expected(int items, List<String> rejections) {

	}

}
