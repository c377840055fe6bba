package io.itsmhub.connectors.servicenow;

import java.util.List;

import io.itsmhub.api.target.FieldCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against a real instance, read-only: runs only when {@code SERVICENOW_URL} (and
 * {@code SERVICENOW_USER}, {@code SERVICENOW_PASSWORD}) are set. Verifies the settings,
 * reads the field catalog from {@code sys_dictionary} and looks a serial number up.
 */
@EnabledIfEnvironmentVariable(named = "SERVICENOW_URL", matches = ".+")
class ServiceNowLiveIT {

	private final ServiceNowConnector connector = new ServiceNowConnector(ServiceNowProperties.basic(
			System.getenv("SERVICENOW_URL"), System.getenv("SERVICENOW_USER"), System.getenv("SERVICENOW_PASSWORD")));

	@Test
	void verifiesReadsTheCatalogAndLooksUp() {
		assertThat(this.connector.verify()).isEmpty();
		FieldCatalog catalog = this.connector.fieldCatalog();
		assertThat(catalog.field("cmdb_ci_server", "serial_number")).isPresent();
		assertThat(catalog.field("alm_hardware", "ci")).isPresent();
		assertThat(catalog.relationTypes()).contains("Runs on::Runs");
		this.connector.find(List.of(ServiceNowSamples.contract().items().get(0)));
	}

}
