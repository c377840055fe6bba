package io.itsmhub.connectors.jsmassets;

import io.itsmhub.api.target.TargetConnector;
import io.itsmhub.api.testing.contract.ConnectorSettings;
import io.itsmhub.api.testing.contract.ContractPlatform;
import io.itsmhub.api.testing.contract.ContractSamples;
import io.itsmhub.api.testing.contract.TargetConnectorContract;
import io.itsmhub.simulators.http.SimulatorServer;
import io.itsmhub.simulators.jsmassets.JsmAssetsSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The connector contract, run against the JSM Assets simulator through the object API,
 * after the one-time provisioning of the attributes and statuses the shipped mapping
 * needs.
 */
class JsmAssetsContractTest extends TargetConnectorContract {

	static SimulatorServer server;

	static JsmSimulatorPlatform platform;

	@BeforeAll
	static void start() {
		server = SimulatorServer.start(JsmAssetsSimulator.builder().basicUser("hub@example.com", "api-token").build());
		platform = new JsmSimulatorPlatform(server);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@BeforeEach
	void resetAndProvision() {
		platform.simulator().reset();
		new JsmAssetsConnector(
				JsmAssetsProperties.basic(server.baseUrl(), "hub@example.com", "api-token").withProvisioning())
			.provisionSchema(JsmAssetsSamples.SHIPPED_CATALOG, JsmAssetsSamples.STATUSES);
		platform.clearRequests();
	}

	@Override
	protected ContractPlatform platform() {
		return platform;
	}

	@Override
	protected TargetConnector connector(ConnectorSettings settings) {
		return new JsmAssetsConnector(JsmAssetsProperties
			.basic(settings.baseUrl(), "hub@example.com",
					settings.validCredentials() ? "api-token" : ConnectorSettings.WRONG_SECRET)
			.withPageSize(settings.pageSize()));
	}

	@Override
	protected ContractSamples samples() {
		return JsmAssetsSamples.contract();
	}

}
