package io.itsmhub.connectors.freshservice;

import io.itsmhub.api.target.TargetConnector;
import io.itsmhub.api.testing.contract.ConnectorSettings;
import io.itsmhub.api.testing.contract.ContractPlatform;
import io.itsmhub.api.testing.contract.ContractSamples;
import io.itsmhub.api.testing.contract.TargetConnectorContract;
import io.itsmhub.simulators.http.SimulatorServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The connector contract, run against the Freshservice simulator. */
class FreshserviceContractTest extends TargetConnectorContract {

	static SimulatorServer server;

	static FreshserviceSimulatorPlatform platform;

	@BeforeAll
	static void start() {
		server = SimulatorServer.start(FreshserviceSamples.account().build());
		platform = new FreshserviceSimulatorPlatform(server);
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
		return new FreshserviceConnector(FreshserviceProperties
			.of(settings.baseUrl(),
					settings.validCredentials() ? FreshserviceSamples.API_KEY : ConnectorSettings.WRONG_SECRET)
			.withPageSize(settings.pageSize()));
	}

	@Override
	protected ContractSamples samples() {
		return FreshserviceSamples.contract();
	}

}
