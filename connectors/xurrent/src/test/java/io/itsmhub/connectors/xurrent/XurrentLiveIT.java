package io.itsmhub.connectors.xurrent;

import java.util.List;

import io.itsmhub.api.target.FieldCatalog;
import io.itsmhub.api.target.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against a real Xurrent account, read-only: runs only when {@code XURRENT_TOKEN} and
 * {@code XURRENT_ACCOUNT} are set ({@code XURRENT_GRAPHQL_URL} optional, default
 * {@code https://graphql.xurrent.com/}; {@code XURRENT_ACCOUNT_HEADER} optional).
 * Verifies, introspects the catalog and the enums, and looks items up (no writes).
 */
@EnabledIfEnvironmentVariable(named = "XURRENT_TOKEN", matches = ".+")
class XurrentLiveIT {

	@Test
	void verifiesIntrospectsAndLooksUp() {
		String url = System.getenv("XURRENT_GRAPHQL_URL");
		XurrentProperties properties = new XurrentProperties(true, (url != null) ? url : "https://graphql.xurrent.com/",
				System.getenv("XURRENT_ACCOUNT"), System.getenv("XURRENT_ACCOUNT_HEADER"),
				Secret.of(System.getenv("XURRENT_TOKEN")), null, 100, 100, 20, 50, null, null, null, false, true, null);
		XurrentConnector connector = new XurrentConnector(properties);
		assertThat(connector.verify()).isEmpty();
		FieldCatalog catalog = connector.fieldCatalog();
		assertThat(catalog.field("Server", "productId")).isPresent();
		System.out.println("Xurrent live: relation types " + catalog.relationTypes() + ", fields "
				+ catalog.targetClass("Server").orElseThrow().fields().keySet());
		connector.find(List.of(XurrentSamples.contract().items().get(1)));
		System.out.println("Xurrent live budget: " + connector.rateBudget());
	}

}
