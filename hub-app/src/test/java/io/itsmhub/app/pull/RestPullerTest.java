package io.itsmhub.app.pull;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** A pull source whose mapping does not compile keeps the hub from starting. */
class RestPullerTest {

	@Test
	void aBadInboundMappingNamesTheSourceTheFieldAndTheProblem() {
		assertThatIllegalStateException()
			.isThrownBy(() -> puller(Map.of("inventory", source(Map.of(), "classpath:pull/broken.yaml", null), "flat",
					source(Map.of("sourceKey", "/id", "identifiers.serial", "$.sn", "name", "$..name"), null,
							"server"))))
			.withMessageContaining("hub.pull.inventory.mapping-file: classpath:pull/broken.yaml:6:")
			.withMessageContaining("fields.facts.owner.transforms[0].lookup: lookup 'owners' is not defined")
			.withMessageContaining("fields.identifiers.serial: 'identifiers.serial' is not an identifier")
			.withMessageContaining(
					"hub.pull.flat.mapping[identifiers.serial]: 'identifiers.serial' is not an identifier")
			.withMessageContaining("hub.pull.flat.mapping[name]: '$..name': recursive descent (..) is not supported");
		assertThatIllegalStateException()
			.isThrownBy(() -> puller(Map.of("gone", source(Map.of(), "classpath:pull/nowhere.yaml", null))))
			.withMessageContaining("hub.pull.gone.mapping-file: classpath:pull/nowhere.yaml does not exist");
	}

	private static RestPuller puller(Map<String, PullProperties.Source> sources) {
		return new RestPuller(sources, null, new MockEnvironment(), new DefaultResourceLoader(), Clock.systemUTC());
	}

	private static PullProperties.Source source(Map<String, String> mapping, String mappingFile, String ciClass) {
		return new PullProperties.Source(List.of("http://127.0.0.1:9/x"), null, PullProperties.Paging.OFFSET, 100, null,
				"offset", "page", "cursor", null, null, null, new PullProperties.Auth(null, null, null, "Bearer"), null,
				mapping, mappingFile, ciClass, Duration.ofSeconds(60));
	}

}
