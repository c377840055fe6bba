package io.itsmhub.connectors.servicenow;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.itsmhub.api.target.TargetConnector.UpsertRequest;
import io.itsmhub.api.target.TargetException;
import io.itsmhub.api.target.TargetFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Answers the simulator does not give: {@code Retry-After} as an HTTP date, and a 403 for
 * a missing role on the IRE endpoint.
 */
class ServiceNowWireMockTest {

	private WireMockServer wireMock;

	private ServiceNowConnector connector;

	@BeforeEach
	void start() {
		this.wireMock = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		this.wireMock.start();
		this.connector = new ServiceNowConnector(
				ServiceNowProperties.basic(this.wireMock.baseUrl(), "hub", "hub-password"));
	}

	@AfterEach
	void stop() {
		this.wireMock.stop();
	}

	@Test
	void retryAfterAsAnHttpDateIsRead() {
		String in90Seconds = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(90));
		this.wireMock.stubFor(post(urlPathEqualTo("/api/now/identifyreconcile")).willReturn(aResponse().withStatus(429)
			.withHeader("Retry-After", in90Seconds)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"{\"error\":{\"message\":\"Rate limit exceeded\",\"detail\":\"rule 'hub' 1000/h\"},\"status\":\"failure\"}")));
		assertThatThrownBy(() -> this.connector
			.upsert(List.of(new UpsertRequest(ServiceNowSamples.contract().items().get(0), null))))
			.isInstanceOfSatisfying(TargetException.class, (ex) -> {
				assertThat(ex.failure().kind()).isEqualTo(TargetFailure.Kind.RATE_LIMITED);
				assertThat(ex.failure().retryAfter()).isBetween(Duration.ofSeconds(80), Duration.ofSeconds(91));
				assertThat(ex.failure().message()).isEqualTo("Rate limit exceeded: rule 'hub' 1000/h");
			});
		this.wireMock.verify(postRequestedFor(urlPathEqualTo("/api/now/identifyreconcile")));
	}

	@Test
	void aMissingRoleNamesTheAccount() {
		this.wireMock.stubFor(post(urlPathEqualTo("/api/now/identifyreconcile")).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"{\"error\":{\"message\":\"Insufficient rights\",\"detail\":\"requires role itil or asset\"},\"status\":\"failure\"}")));
		assertThatThrownBy(() -> this.connector
			.upsert(List.of(new UpsertRequest(ServiceNowSamples.contract().items().get(0), null))))
			.isInstanceOfSatisfying(TargetException.class, (ex) -> {
				assertThat(ex.failure().kind()).isEqualTo(TargetFailure.Kind.AUTHENTICATION);
				assertThat(ex.failure().property()).isEqualTo("hub.targets.servicenow.username");
				assertThat(ex.failure().message()).contains("requires role itil or asset");
			});
	}

}
