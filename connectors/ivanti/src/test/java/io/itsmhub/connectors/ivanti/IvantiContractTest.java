package io.itsmhub.connectors.ivanti;

import io.itsmhub.api.target.TargetConnector;
import io.itsmhub.api.testing.contract.ConnectorSettings;
import io.itsmhub.api.testing.contract.ContractPlatform;
import io.itsmhub.api.testing.contract.ContractSamples;
import io.itsmhub.api.testing.contract.TargetConnectorContract;
import io.itsmhub.simulators.http.SimulatorServer;
import io.itsmhub.simulators.ivanti.IvantiSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The connector contract, run against the Ivanti simulator with the shipped mapping's
 * payloads, with $metadata discovery, compare-before-write and link checks on (the
 * defaults).
 */
class IvantiContractTest extends TargetConnectorContract {

	static SimulatorServer server;

	static IvantiSimulatorPlatform platform;

	@BeforeAll
	static void start() {
		server = SimulatorServer.start(IvantiSimulator.builder().apiKey("contract-key").build());
		platform = new IvantiSimulatorPlatform(server);
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
		return new IvantiConnector(IvantiProperties
			.of(settings.baseUrl(), settings.validCredentials() ? "contract-key" : ConnectorSettings.WRONG_SECRET)
			.withPageSize(settings.pageSize()));
	}

	@Override
	protected ContractSamples samples() {
		return IvantiSamples.contract();
	}

}
