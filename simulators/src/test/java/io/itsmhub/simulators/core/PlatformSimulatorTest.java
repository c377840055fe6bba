package io.itsmhub.simulators.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared pipeline on a trivial platform, in process: fault selection, rate-limit
 * windows on a clock the test moves, and recording.
 */
class PlatformSimulatorTest {

	private final MovableClock clock = new MovableClock();

	private final EchoSimulator simulator = new EchoSimulator(this.clock,
			List.of(RateLimitRule.path("/limited", null, 2, Duration.ofSeconds(10))));

	@Test
	void spreadsAShareEvenlyAndStopsAfterTimes() {
		this.simulator.injectFault(Fault.errorStatus(503).share(0.25).times(2));
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			statuses.add(this.simulator.handle(get("/x")).status());
		}
		assertThat(statuses).containsExactly(200, 200, 200, 503, 200, 200, 200, 503, 200, 200, 200, 200);
		assertThat(this.simulator.activeFaults()).isEmpty();
	}

	@Test
	void matchesFaultsOnPathPrefixAndMethod() {
		this.simulator.injectFault(Fault.errorStatus(500).matching("api/write", "POST"));
		assertThat(this.simulator.handle(get("/api/write")).status()).isEqualTo(200);
		assertThat(this.simulator.handle(request("POST", "/api/read")).status()).isEqualTo(200);
		assertThat(this.simulator.handle(request("POST", "/api/write/1")).status()).isEqualTo(500);
	}

	@Test
	void limitsPerWindowAndPrincipalAndReopensWhenTheWindowEnds() {
		assertThat(this.simulator.handle(get("/limited")).status()).isEqualTo(200);
		this.clock.advance(Duration.ofSeconds(4));
		assertThat(this.simulator.handle(get("/limited")).status()).isEqualTo(200);
		SimResponse limited = this.simulator.handle(get("/limited"));
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.firstHeader("Retry-After")).isEqualTo("6");
		assertThat(limited.firstHeader("X-RateLimit-Limit")).isEqualTo("2");
		assertThat(this.simulator.handle(get("/limited", "other")).status()).isEqualTo(200);
		assertThat(this.simulator.handle(get("/free")).status()).isEqualTo(200);
		this.clock.advance(Duration.ofSeconds(6));
		assertThat(this.simulator.handle(get("/limited")).status()).isEqualTo(200);
		assertThat(this.simulator.recordedRequests()).extracting(RecordedRequest::fault).contains("rateLimited");
	}

	@Test
	void keepsOnlyTheNewestRequests() {
		EchoSimulator small = new EchoSimulator(this.clock, List.of(), 3);
		for (int i = 0; i < 5; i++) {
			small.handle(get("/r" + i));
		}
		assertThat(small.recordedRequests()).extracting(RecordedRequest::path).containsExactly("/r2", "/r3", "/r4");
	}

	@Test
	void readsFaultsFromJson() {
		Fault fault = Fault
			.fromJson(Json.MAPPER.valueToTree(Map.of("status", 429, "retryAfterSeconds", 3, "share", 0.5)));
		assertThat(fault.times()).isZero();
		assertThat(fault.share()).isEqualTo(0.5);
		assertThat(fault.toJson().path("retryAfterSeconds").asLong()).isEqualTo(3);
	}

	private static SimRequest get(String path) {
		return get(path, "alice");
	}

	private static SimRequest get(String path, String user) {
		return SimRequest.of("GET", path, null, Map.of("Authorization", List.of(user)), null, "http://localhost");
	}

	private static SimRequest request(String method, String path) {
		return SimRequest.of(method, path, null, Map.of("Authorization", List.of("alice")), null, "http://localhost");
	}

	static final class EchoSimulator extends PlatformSimulator {

		EchoSimulator(Clock clock, List<RateLimitRule> rules) {
			this(clock, rules, 100);
		}

		EchoSimulator(Clock clock, List<RateLimitRule> rules, int capacity) {
			super(clock, rules, capacity);
		}

		@Override
		public String platformId() {
			return "echo";
		}

		@Override
		protected String authenticate(SimRequest request) {
			return request.header("Authorization");
		}

		@Override
		protected SimResponse route(SimRequest request, String principal) {
			ObjectNode body = Json.object();
			body.put("path", request.path());
			return SimResponse.json(200, body);
		}

		@Override
		protected SimResponse errorResponse(int status, String message, String detail) {
			return SimResponse.text(status, message);
		}

		@Override
		protected ObjectNode recordsSnapshot(SimRequest request) {
			return Json.object();
		}

		@Override
		protected void resetState() {
		}

	}

	static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
