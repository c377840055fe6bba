package io.itsmhub.reconciliation.identify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.api.model.Identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IdentifierNormalizerTest {

	private final IdentifierNormalizer normalizer = new IdentifierNormalizer(PlaceholderBlocklist.defaults());

	@ParameterizedTest
	@ValueSource(strings = { "00:E0:4C:68:01:DB", "00-e0-4c-68-01-db", "00e0.4c68.01db", "00E04C6801DB",
			" 00:e0:4c:68:01:db " })
	void macAddressesOfEveryFormatBecomeOne(String raw) {
		assertThat(this.normalizer.normalize(IdentifierType.MAC_ADDRESS, raw)).isEqualTo("00:e0:4c:68:01:db");
	}

	@ParameterizedTest
	@ValueSource(strings = { "To be filled by O.E.M.", "to be filled by o.e.m.", "System Serial Number",
			"Default string", "Not Specified", "None", "0", "00000000", "0123456789", "  N/A ", "XXXXXXXXXX",
			"Chassis Serial Number" })
	void placeholderSerialsIdentifyNothing(String raw) {
		assertThat(this.normalizer.normalize(IdentifierType.SERIAL_NUMBER, raw)).isNull();
	}

	@Test
	void serialsAreTrimmedAndUpperCased() {
		assertThat(this.normalizer.normalize(IdentifierType.SERIAL_NUMBER, " 640hp72 ")).isEqualTo("640HP72");
		assertThat(this.normalizer.normalize(IdentifierType.SERIAL_NUMBER, "VMware-42 1a\t\t2b  3c"))
			.isEqualTo("VMWARE-42 1A 2B 3C");
		assertThat(this.normalizer.normalize(IdentifierType.SERIAL_NUMBER, "To  be filled\tby O.E.M.")).isNull();
	}

	@Test
	void uuidsLoseBracesAndCase() {
		assertThat(this.normalizer.normalize(IdentifierType.UUID, "{4C4C4544-0034-3010-8048-B6C04F503732}"))
			.isEqualTo("4c4c4544-0034-3010-8048-b6c04f503732");
		assertThat(this.normalizer.normalize(IdentifierType.UUID, "00000000-0000-0000-0000-000000000000")).isNull();
		assertThat(this.normalizer.normalize(IdentifierType.UUID, "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF")).isNull();
		assertThat(this.normalizer.normalize(IdentifierType.UUID, "03000200-0400-0500-0006-000700080009")).isNull();
	}

	@Test
	void containerIdsMeetInTheirShortFormAndAreNoUuids() {
		String full = "7e64b4b09941c2f1a0a5d3c8b7e6f5a4d3c2b1a09f8e7d6c5b4a39281706f5e4";
		assertThat(this.normalizer.normalize(IdentifierType.CONTAINER_ID, full)).isEqualTo("7e64b4b09941");
		assertThat(this.normalizer.normalize(IdentifierType.CONTAINER_ID, "7E64B4B09941")).isEqualTo("7e64b4b09941");
		assertThat(this.normalizer.normalize(IdentifierType.CONTAINER_ID, "sha256:" + full)).isEqualTo("7e64b4b09941");
		assertThat(this.normalizer.normalize(IdentifierType.CONTAINER_ID, "000000000000")).isNull();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.normalizer.normalize(IdentifierType.CONTAINER_ID, "db-container"))
			.withMessageContaining("not a container id");
		// a container id stays no UUID: UUIDs keep their 32 digits
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.normalizer.normalize(IdentifierType.UUID, "7e64b4b09941"))
			.withMessage("is not a UUID");
	}

	@Test
	void allZeroAndSharedMacsAreDiscarded() {
		assertThat(this.normalizer.normalize(IdentifierType.MAC_ADDRESS, "00:00:00:00:00:00")).isNull();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.normalizer.normalize(IdentifierType.MAC_ADDRESS, "02:42:ac:11:00:02"))
			.withMessageContaining("virtual adapter");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.normalizer.normalize(IdentifierType.MAC_ADDRESS, "01:00:5e:00:00:fb"))
			.withMessageContaining("multicast");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.normalizer.normalize(IdentifierType.MAC_ADDRESS, "not-a-mac"))
			.withMessageContaining("not a MAC address");
	}

	@Test
	void awsArnsAndInstanceIdsMeet() {
		assertThat(this.normalizer.normalize(IdentifierType.CLOUD_RESOURCE_ID,
				"arn:aws:ec2:us-west-2:123456789012:instance/i-0a763ac3ee37d8d2b"))
			.isEqualTo("i-0a763ac3ee37d8d2b");
		assertThat(this.normalizer.normalize(IdentifierType.CLOUD_RESOURCE_ID, "i-0A763AC3EE37D8D2B"))
			.isEqualTo("i-0a763ac3ee37d8d2b");
		assertThat(this.normalizer.normalize(IdentifierType.CLOUD_RESOURCE_ID,
				"/subscriptions/ABC/resourceGroups/RG/providers/Microsoft.Compute/virtualMachines/VM1"))
			.isEqualTo("/subscriptions/abc/resourcegroups/rg/providers/microsoft.compute/virtualmachines/vm1");
		assertThat(this.normalizer.normalize(IdentifierType.CLOUD_RESOURCE_ID, "arn:aws:s3:::my-bucket"))
			.isEqualTo("arn:aws:s3:::my-bucket");
	}

	@Test
	void hostNamesAreFoldedAndLocalhostIsNoName() {
		assertThat(this.normalizer.normalize(IdentifierType.FQDN, "DB-Prod-01.Corp.Example."))
			.isEqualTo("db-prod-01.corp.example");
		assertThat(this.normalizer.normalize(IdentifierType.HOSTNAME, "localhost")).isNull();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.normalizer.normalize(IdentifierType.FQDN, "db-prod-01"))
			.withMessageContaining("not fully qualified");
	}

	@Test
	void resultKeepsDiscardedValuesWithReasons() {
		IdentifierNormalizer.Result result = this.normalizer
			.normalize(Identifiers.of(IdentifierType.SERIAL_NUMBER, "To be filled by O.E.M."));
		assertThat(result.isEmpty()).isTrue();
		assertThat(result.discarded()).singleElement()
			.satisfies((discarded) -> assertThat(discarded.reason()).contains("placeholder"));
	}

	@Test
	void configuredPlaceholdersAreAddedToTheDefaults() {
		IdentifierNormalizer custom = new IdentifierNormalizer(
				PlaceholderBlocklist.withAdditional(java.util.List.of("SN-UNKNOWN")));
		assertThat(custom.normalize(IdentifierType.SERIAL_NUMBER, "sn-unknown")).isNull();
		assertThat(custom.normalize(IdentifierType.SERIAL_NUMBER, "To be filled by O.E.M.")).isNull();
	}

}
