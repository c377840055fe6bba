package io.itsmhub.connectors.ivanti;

import java.util.List;

import io.itsmhub.api.target.FieldCatalog;
import io.itsmhub.api.target.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against a real Ivanti Neurons for ITSM tenant, read-only: runs only when
 * {@code IVANTI_BASE_URL} and {@code IVANTI_API_KEY} are set (optionally
 * {@code IVANTI_BUSINESS_OBJECTS}, comma-separated collections such as
 * {@code CI__Computers,CI__Servers}). Verifies the settings and the key, reads the
 * catalog from the tenant's {@code $metadata}, and looks a sample up by its identifiers.
 * It prints what the tenant has, to settle the reference's open points (collection names,
 * field names, relationship names).
 */
@EnabledIfEnvironmentVariable(named = "IVANTI_BASE_URL", matches = ".+")
class IvantiLiveIT {

	@Test
	void verifiesReadsTheMetadataAndLooksUp() {
		String businessObjects = System.getenv("IVANTI_BUSINESS_OBJECTS");
		IvantiProperties properties = new IvantiProperties(true, System.getenv("IVANTI_BASE_URL"),
				Secret.of(System.getenv("IVANTI_API_KEY")), (businessObjects != null && !businessObjects.isBlank())
						? List.of(businessObjects.split("\\s*,\\s*")) : null,
				null, null, null, true, true, true, 100, 100, 1800, null);
		IvantiConnector connector = new IvantiConnector(properties);
		assertThat(connector.verify()).isEmpty();
		FieldCatalog catalog = connector.fieldCatalog();
		catalog.classes()
			.forEach((name, targetClass) -> System.out.printf("Ivanti live: %s fields %s%n", name,
					targetClass.fields().keySet()));
		System.out.printf("Ivanti live: relationships %s%n", catalog.relationTypes());
		assertThat(catalog.classes()).isNotEmpty();
		connector.find(List.of(IvantiSamples.contract().items().get(1)));
	}

}
