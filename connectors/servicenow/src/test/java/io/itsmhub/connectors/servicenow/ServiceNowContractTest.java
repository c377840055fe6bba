package io.itsmhub.connectors.servicenow;

import java.util.Set;

import io.itsmhub.api.target.TargetConnector;
import io.itsmhub.api.testing.contract.ConnectorSettings;
import io.itsmhub.api.testing.contract.ContractPlatform;
import io.itsmhub.api.testing.contract.ContractSamples;
import io.itsmhub.api.testing.contract.TargetConnectorContract;
import io.itsmhub.simulators.http.SimulatorServer;
import io.itsmhub.simulators.servicenow.ServiceNowSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The connector contract, run against the ServiceNow simulator with basic auth. */
class ServiceNowContractTest extends TargetConnectorContract {

	static SimulatorServer server;

	static ServiceNowSimulatorPlatform platform;

	@BeforeAll
	static void start() {
		server = SimulatorServer.start(ServiceNowSimulator.builder().basicUser("hub", "hub-password").build());
		platform = new ServiceNowSimulatorPlatform(server);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@BeforeEach
	void reset() {
		platform.simulator().reset();
	}

	@Override
	protected ContractPlatform platform() {
		return platform;
	}

	@Override
	protected TargetConnector connector(ConnectorSettings settings) {
		return new ServiceNowConnector(ServiceNowProperties
			.basic(settings.baseUrl(), "hub",
					settings.validCredentials() ? "hub-password" : ConnectorSettings.WRONG_SECRET)
			.withPageSize(settings.pageSize()));
	}

	/**
	 * {@code alm_asset.lease_id} (Lease contract) is a base-system column, but the
	 * simulator's dictionary does not have it; it ignores the value as the platform does
	 * an unknown column.
	 */
	@Override
	protected Set<String> knownCatalogGaps() {
		return Set.of("alm_hardware.lease_id");
	}

	@Override
	protected ContractSamples samples() {
		return ServiceNowSamples.contract();
	}

}
