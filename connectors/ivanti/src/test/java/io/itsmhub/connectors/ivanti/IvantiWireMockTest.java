package io.itsmhub.connectors.ivanti;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.itsmhub.api.model.CiClass;
import io.itsmhub.api.model.LifecycleStatus;
import io.itsmhub.api.target.PushOutcome;
import io.itsmhub.api.target.TargetConnector.UpsertRequest;
import io.itsmhub.api.target.TargetException;
import io.itsmhub.api.target.TargetFailure;
import io.itsmhub.api.target.TargetPayload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Wire details a simulator journal hides: the raw {@code Authorization} header, a 204
 * answer to a look-up without matches (reported for some releases), a 403 from a key
 * group without the right, and an HTML error page.
 */
class IvantiWireMockTest {

	WireMockServer wiremock;

	@BeforeEach
	void start() {
		this.wiremock = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		this.wiremock.start();
	}

	@AfterEach
	void stop() {
		this.wiremock.stop();
	}

	private IvantiConnector connector() {
		return new IvantiConnector(IvantiProperties.of(this.wiremock.baseUrl(), "s3cret-key").withMetadata(false));
	}

	private static TargetPayload payload() {
		return IvantiSamples
			.map(IvantiSamples.machine(CiClass.SERVER, 9, "a@example.com", LifecycleStatus.IN_USE, List.of()));
	}

	@Test
	void aNoContentLookUpMeansNoMatchAndTheKeyGoesInTheRestApiKeyHeader() {
		this.wiremock.stubFor(
				get(urlPathEqualTo("/api/odata/businessobject/CI__Servers")).willReturn(aResponse().withStatus(204)));
		this.wiremock.stubFor(
				post(urlPathEqualTo("/api/odata/businessobject/CI__Servers")).willReturn(aResponse().withStatus(201)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"RecId\":\"7E6F1C0B2D3A4B5C8D9E0F1A2B3C4D5E\",\"Name\":\"srv-9\"}")));
		PushOutcome outcome = connector().upsert(List.of(new UpsertRequest(payload(), null))).get(0);
		assertThat(outcome.status()).isEqualTo(PushOutcome.Status.CREATED);
		assertThat(outcome.ref().recordId()).isEqualTo("7E6F1C0B2D3A4B5C8D9E0F1A2B3C4D5E");
		this.wiremock.verify(getRequestedFor(urlPathEqualTo("/api/odata/businessobject/CI__Servers"))
			.withHeader("Authorization", equalTo("rest_api_key=s3cret-key"))
			.withQueryParam("$filter",
					equalTo("SerialNumber eq 'CZ800009' or AssetTag eq 'P3000009' or Name eq 'srv-9'")));
		this.wiremock.verify(postRequestedFor(urlPathEqualTo("/api/odata/businessobject/CI__Servers"))
			.withHeader("Authorization", equalTo("rest_api_key=s3cret-key"))
			.withHeader("Content-Type", equalTo("application/json")));
		// no '+' for spaces: the query string carries %20
		assertThat(this.wiremock.getAllServeEvents().get(1).getRequest().getUrl()).contains("SerialNumber%20eq%20")
			.doesNotContain("+");
	}

	@Test
	void aForbiddenKeyIsAnAuthenticationFailureNamingTheKey() {
		this.wiremock
			.stubFor(get(urlPathEqualTo("/api/odata/businessobject/CI__Servers")).willReturn(aResponse().withStatus(403)
				.withBody("{\"code\":\"ISM_4030\",\"description\":\"Forbidden\",\"message\":[\"Access denied\"]}")));
		assertThatThrownBy(() -> connector().upsert(List.of(new UpsertRequest(payload(), null))))
			.isInstanceOfSatisfying(TargetException.class, (ex) -> {
				assertThat(ex.failure().kind()).isEqualTo(TargetFailure.Kind.AUTHENTICATION);
				assertThat(ex.failure().property()).isEqualTo("hub.targets.ivanti.api-key");
				assertThat(ex.failure().message()).isEqualTo("ISM_4030: Access denied");
				assertThat(ex.getMessage()).doesNotContain("s3cret-key");
			});
	}

	@Test
	void anHtmlGatewayErrorIsTransientWithItsText() {
		this.wiremock.stubFor(get(urlPathEqualTo("/api/odata/businessobject/CI__Servers"))
			.willReturn(aResponse().withStatus(502).withBody("<html><body>Bad Gateway</body></html>")));
		assertThatThrownBy(() -> connector().upsert(List.of(new UpsertRequest(payload(), null))))
			.isInstanceOfSatisfying(TargetException.class, (ex) -> {
				assertThat(ex.failure().kind()).isEqualTo(TargetFailure.Kind.TRANSIENT);
				assertThat(ex.failure().message()).contains("Bad Gateway");
			});
	}

}
