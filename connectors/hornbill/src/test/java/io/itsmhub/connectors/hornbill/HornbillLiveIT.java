package io.itsmhub.connectors.hornbill;

import java.util.List;

import io.itsmhub.api.target.FieldCatalog;
import io.itsmhub.api.target.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against a real Hornbill instance, read-only: runs only when {@code HORNBILL_INSTANCE}
 * and {@code HORNBILL_API_KEY} are set (optionally {@code HORNBILL_API_ENDPOINT} to skip
 * discovery). Discovers the endpoint, verifies the key and the asset types, reads the
 * catalog and looks one sample up (no writes).
 */
@EnabledIfEnvironmentVariable(named = "HORNBILL_API_KEY", matches = ".+")
class HornbillLiveIT {

	@Test
	void verifiesAndLooksUp() {
		HornbillProperties properties = new HornbillProperties(true, System.getenv("HORNBILL_INSTANCE"), null,
				System.getenv("HORNBILL_API_ENDPOINT"), Secret.of(System.getenv("HORNBILL_API_KEY")), null, null, null,
				true, null, null, 100, 100, 100, null, null);
		HornbillConnector connector = new HornbillConnector(properties);
		assertThat(connector.verify()).isEmpty();
		FieldCatalog catalog = connector.fieldCatalog();
		assertThat(catalog.classes()).isNotEmpty();
		connector.find(List.of(HornbillSamples.contract().items().get(1)));
	}

}
