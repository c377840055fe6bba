package io.itsmhub.connectors.freshservice;

import java.util.List;

import io.itsmhub.api.model.CiClass;
import io.itsmhub.api.model.LifecycleStatus;
import io.itsmhub.api.target.PushOutcome;
import io.itsmhub.api.target.TargetConnector.RetireRequest;
import io.itsmhub.api.target.TargetConnector.UpsertRequest;
import io.itsmhub.api.target.TargetPayload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against a real Freshservice account, only when {@code FRESHSERVICE_URL} and
 * {@code FRESHSERVICE_API_KEY} are set (and {@code FRESHSERVICE_OWNER}, the email of a
 * requester the account has): verifies the settings, reads the catalog, creates one asset
 * of the hub's test serial number, finds it again by its identifiers, and retires it. The
 * asset stays in the account (retired, not deleted) for inspection.
 */
@EnabledIfEnvironmentVariable(named = "FRESHSERVICE_API_KEY", matches = ".+")
class FreshserviceLiveIT {

	@Test
	void roundTrip() {
		FreshserviceConnector connector = new FreshserviceConnector(
				FreshserviceProperties.of(System.getenv("FRESHSERVICE_URL"), System.getenv("FRESHSERVICE_API_KEY")));
		assertThat(connector.verify()).isEmpty();
		assertThat(connector.fieldCatalog().classes()).isNotEmpty();
		String owner = System.getenv().getOrDefault("FRESHSERVICE_OWNER", "alice@example.com");
		TargetPayload payload = FreshserviceSamples
			.map(FreshserviceSamples.machine(CiClass.SERVER, 990_001, owner, LifecycleStatus.IN_USE, List.of()));
		PushOutcome created = connector.upsert(List.of(new UpsertRequest(payload, null))).get(0);
		assertThat(created.status()).as("%s", created.failure())
			.isIn(PushOutcome.Status.CREATED, PushOutcome.Status.UPDATED);
		assertThat(connector.find(List.of(payload))).containsKey(payload.itemId());
		TargetPayload retired = FreshserviceSamples
			.map(FreshserviceSamples.machine(CiClass.SERVER, 990_001, owner, LifecycleStatus.RETIRED, List.of()));
		assertThat(
				connector.retire(List.of(new RetireRequest(payload.itemId(), created.ref(), retired))).get(0).status())
			.isEqualTo(PushOutcome.Status.RETIRED);
	}

}
