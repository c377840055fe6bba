package io.itsmhub.connectors.haloitsm;

import io.itsmhub.api.target.TargetConnector;
import io.itsmhub.api.testing.contract.ConnectorSettings;
import io.itsmhub.api.testing.contract.ContractPlatform;
import io.itsmhub.api.testing.contract.ContractSamples;
import io.itsmhub.api.testing.contract.TargetConnectorContract;
import io.itsmhub.simulators.haloitsm.HaloItsmSimulator;
import io.itsmhub.simulators.http.SimulatorServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The connector contract, run against the HaloITSM simulator. */
class HaloItsmContractTest extends TargetConnectorContract {

	static SimulatorServer server;

	static HaloSimulatorPlatform platform;

	@BeforeAll
	static void start() {
		server = SimulatorServer.start(HaloItsmSimulator.builder().build());
		platform = new HaloSimulatorPlatform(server);
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
		HaloItsmProperties properties = HaloItsmProperties.of(settings.baseUrl(), HaloItsmSamples.CLIENT_ID,
				settings.validCredentials() ? HaloItsmSamples.CLIENT_SECRET : ConnectorSettings.WRONG_SECRET);
		return new HaloItsmConnector(properties.withPageSize(settings.pageSize()));
	}

	@Override
	protected ContractSamples samples() {
		return HaloItsmSamples.contract();
	}

}
