package io.itsmhub.connectors.xurrent;

import io.itsmhub.api.target.TargetConnector;
import io.itsmhub.api.testing.contract.ConnectorSettings;
import io.itsmhub.api.testing.contract.ContractPlatform;
import io.itsmhub.api.testing.contract.ContractSamples;
import io.itsmhub.api.testing.contract.TargetConnectorContract;
import io.itsmhub.simulators.http.SimulatorServer;
import io.itsmhub.simulators.xurrent.XurrentSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The connector contract, run against the Xurrent simulator (GraphQL, with the documented
 * request and cost budgets in force).
 */
class XurrentContractTest extends TargetConnectorContract {

	static SimulatorServer server;

	static XurrentSimulatorPlatform platform;

	@BeforeAll
	static void start() {
		server = SimulatorServer.start(XurrentSimulatorPlatform.seeded().build());
		platform = new XurrentSimulatorPlatform(server);
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
		return new XurrentConnector(XurrentProperties
			.of(settings.baseUrl(), XurrentSimulator.DEFAULT_ACCOUNT,
					settings.validCredentials() ? XurrentSimulator.DEFAULT_TOKEN : ConnectorSettings.WRONG_SECRET)
			.withPageSize(settings.pageSize()));
	}

	@Override
	protected ContractSamples samples() {
		return XurrentSamples.contract();
	}

}
