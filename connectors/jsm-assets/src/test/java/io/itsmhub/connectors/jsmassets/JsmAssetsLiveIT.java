package io.itsmhub.connectors.jsmassets;

import java.util.List;

import io.itsmhub.api.target.FieldCatalog;
import io.itsmhub.api.target.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against a real Assets site, read-only: runs only when {@code JSM_SITE_URL} (and
 * {@code JSM_EMAIL}, {@code JSM_API_TOKEN}, optionally {@code JSM_OBJECT_SCHEMA}) are
 * set. Discovers the workspace, verifies and reads the catalog.
 */
@EnabledIfEnvironmentVariable(named = "JSM_SITE_URL", matches = ".+")
class JsmAssetsLiveIT {

	@Test
	void verifiesAndReadsTheCatalog() {
		String schema = System.getenv("JSM_OBJECT_SCHEMA");
		JsmAssetsProperties properties = new JsmAssetsProperties(true, System.getenv("JSM_SITE_URL"), null, null, null,
				JsmAssetsProperties.AuthMode.BASIC, System.getenv("JSM_EMAIL"),
				Secret.of(System.getenv("JSM_API_TOKEN")), null, (schema != null) ? schema : "IT Assets", null, null,
				null, null, null, 5000, 1000, null, 100, 100, false, null);
		JsmAssetsConnector connector = new JsmAssetsConnector(properties);
		assertThat(connector.verify()).isEmpty();
		FieldCatalog catalog = connector.fieldCatalog();
		assertThat(catalog.classes()).isNotEmpty();
		connector.find(List.of(JsmAssetsSamples.contract().items().get(1)));
	}

}
