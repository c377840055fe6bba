package io.itsmhub.connectors.servicenow;

import io.itsmhub.api.target.TargetConnector;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The connector bean exists only when enabled; its settings bind and never print. */
class ServiceNowAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ServiceNowAutoConfiguration.class));

	@Test
	void noBeanUnlessEnabled() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(TargetConnector.class));
		this.runner.withPropertyValues("hub.targets.servicenow.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TargetConnector.class));
	}

	@Test
	void enabledBindsEverySettingAndHidesTheSecrets() {
		this.runner
			.withPropertyValues("hub.targets.servicenow.enabled=true",
					"hub.targets.servicenow.base-url=https://acme.service-now.com",
					"hub.targets.servicenow.auth=oauth2", "hub.targets.servicenow.client-id=hub",
					"hub.targets.servicenow.client-secret=t0p-s3cret", "hub.targets.servicenow.batch-size=250")
			.run((context) -> {
				assertThat(context).hasSingleBean(TargetConnector.class);
				ServiceNowProperties properties = context.getBean(ServiceNowProperties.class);
				assertThat(properties.auth()).isEqualTo(ServiceNowProperties.AuthMode.OAUTH2);
				assertThat(properties.clientSecret().reveal()).isEqualTo("t0p-s3cret");
				assertThat(properties.batchSize()).isEqualTo(250);
				assertThat(properties.dataSource()).isEqualTo("ITSMHub");
				assertThat(properties.toString()).doesNotContain("t0p-s3cret");
				assertThat(context.getBean(TargetConnector.class).maxBatchSize()).isEqualTo(250);
			});
	}

	@Test
	void aBatchSizeAbove500FailsTheStart() {
		this.runner.withPropertyValues("hub.targets.servicenow.enabled=true",
				"hub.targets.servicenow.base-url=https://acme.service-now.com", "hub.targets.servicenow.batch-size=900")
			.run((context) -> assertThat(context).hasFailed());
	}

}
