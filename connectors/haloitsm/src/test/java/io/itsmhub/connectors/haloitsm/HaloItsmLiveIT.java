package io.itsmhub.connectors.haloitsm;

import java.util.List;

import io.itsmhub.api.target.FieldCatalog;
import io.itsmhub.api.target.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against a real Halo tenant, read-only: runs only when {@code HALO_BASE_URL},
 * {@code HALO_CLIENT_ID} and {@code HALO_CLIENT_SECRET} are set (optionally
 * {@code HALO_AUTH_URL}, {@code HALO_TENANT}). Gets a token, verifies, reads the asset
 * types, and looks a sample asset up by search and through the asset list.
 */
@EnabledIfEnvironmentVariable(named = "HALO_BASE_URL", matches = ".+")
@EnabledIfEnvironmentVariable(named = "HALO_CLIENT_SECRET", matches = ".+")
class HaloItsmLiveIT {

	@Test
	void verifiesReadsTheAssetTypesAndLooksUp() {
		HaloItsmProperties properties = new HaloItsmProperties(true, System.getenv("HALO_BASE_URL"),
				System.getenv("HALO_AUTH_URL"), System.getenv("HALO_TENANT"), System.getenv("HALO_CLIENT_ID"),
				Secret.of(System.getenv("HALO_CLIENT_SECRET")), null, null, null, null, 100, 100, 3, null, null);
		HaloItsmConnector connector = new HaloItsmConnector(properties);
		assertThat(connector.verify()).isEmpty();
		FieldCatalog catalog = connector.fieldCatalog();
		assertThat(catalog.classes()).hasSizeGreaterThan(1);
		// a few payloads are searched, many read the asset list: both must answer
		connector.find(List.of(HaloItsmSamples.contract().items().get(1)));
		connector.find(HaloItsmSamples.many(5));
	}

}
