package io.itsmhub.simulators.core;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The part every platform simulator shares: the request pipeline (record, fault
 * injection, authentication, rate limit, route), and the inspection and fault-injection
 * endpoints under {@code _sim/}.
 *
 * <p>
 * A subclass implements authentication, routing, the platform's error shape and its
 * store. Routing runs under one lock per simulator: the simulators are about fidelity,
 * not throughput, and a single lock makes every write atomic the way the platform's own
 * transactions are.
 */
public abstract class PlatformSimulator {

	private static final Pattern FORM_SECRET = Pattern.compile("((?:client_secret|password|refresh_token)=)[^&]*");

	/** The clock behind every timestamp and rate-limit window. */
	protected final Clock clock;

	private final Object stateLock = new Object();

	private final FaultPlan faultPlan = new FaultPlan();

	private final RateLimiter rateLimiter;

	private final List<RateLimitRule> initialRateLimits;

	private final int journalCapacity;

	private final Deque<RecordedRequest> journal = new ArrayDeque<>();

	private final AtomicLong sequence = new AtomicLong();

	/**
	 * Creates the shared part.
	 * @param clock the clock
	 * @param rateLimits the rate limits in force at start and after a reset
	 * @param journalCapacity how many requests to keep for inspection; older ones are
	 * dropped so that a long-running demo does not grow without bound
	 */
	protected PlatformSimulator(Clock clock, List<RateLimitRule> rateLimits, int journalCapacity) {
		this.clock = clock;
		this.rateLimiter = new RateLimiter(clock);
		this.initialRateLimits = List.copyOf(rateLimits);
		this.rateLimiter.replaceRules(this.initialRateLimits);
		this.journalCapacity = journalCapacity;
	}

	/**
	 * The platform id, as used in the hub's mount path {@code /sim/<platform>/}.
	 * @return the id
	 */
	public abstract String platformId();

	/**
	 * Checks the credentials of a request.
	 * @param request the request
	 * @return the principal (used to key rate limits)
	 * @throws SimulatorException with status 401 when the credentials are missing or
	 * wrong
	 */
	protected abstract String authenticate(SimRequest request);

	/**
	 * Handles an authenticated request that was not stopped by a fault or a limit. Runs
	 * under the simulator's lock.
	 * @param request the request
	 * @param principal the authenticated principal
	 * @return the response
	 */
	protected abstract SimResponse route(SimRequest request, String principal);

	/**
	 * Builds an error response in the platform's own shape.
	 * @param status the status
	 * @param message the message
	 * @param detail the detail, may be {@code null}
	 * @return the response
	 */
	protected abstract SimResponse errorResponse(int status, String message, String detail);

	/**
	 * Returns every record, grouped per table or object type, for {@code _sim/records}.
	 * @param request the inspection request (for optional filters)
	 * @return the records
	 */
	protected abstract ObjectNode recordsSnapshot(SimRequest request);

	/**
	 * Puts the store back to its seeded state.
	 */
	protected abstract void resetState();

	/**
	 * Handles one request end to end. Thread-safe.
	 * @param request the request
	 * @return the response for the adapter to deliver
	 */
	public final SimResponse handle(SimRequest request) {
		if (request.path().equals("/_sim") || request.path().startsWith("/_sim/")) {
			try {
				return inspect(request);
			}
			catch (SimulatorException ex) {
				return errorResponse(ex.status(), ex.getMessage(), ex.detail());
			}
		}
		Fault fault = this.faultPlan.next(request);
		String note = null;
		SimResponse response;
		if (fault != null && fault.delayMillis() > 0) {
			note = "delay " + fault.delayMillis() + "ms";
			pause(fault.delayMillis());
		}
		if (fault != null && fault.connectionReset()) {
			note = "connectionReset";
			response = SimResponse.dropConnection();
		}
		else if (fault != null && fault.status() > 0 && !fault.lostResponseAfterCommit()) {
			note = "status " + fault.status();
			response = errorResponse(fault.status(), "Injected fault",
					"Simulated failure with status " + fault.status());
			if (fault.retryAfterSeconds() > 0) {
				response.header("Retry-After", Long.toString(fault.retryAfterSeconds()));
			}
		}
		else {
			response = process(request);
			if (fault != null && fault.lostResponseAfterCommit()) {
				note = "lostResponseAfterCommit (handled with status " + response.status() + ")";
				response = (fault.lostResponseStatus() > 0) ? errorResponse(fault.lostResponseStatus(),
						"Transaction cancelled", "The response was lost after the transaction committed")
						: SimResponse.dropConnection();
			}
			else if (fault != null && fault.malformedBody()) {
				note = "malformedBody";
				byte[] body = response.body();
				response.replaceBody((body.length > 1) ? Arrays.copyOf(body, body.length / 2)
						: "{\"result\":".getBytes(StandardCharsets.UTF_8));
			}
		}
		if (note == null && response.status() == 429) {
			note = "rateLimited";
		}
		record(request, response, note);
		return response;
	}

	private SimResponse process(SimRequest request) {
		try {
			String principal = authenticate(request);
			RateLimiter.Exceeded exceeded = this.rateLimiter.acquire(request, principal);
			if (exceeded != null) {
				return rateLimited(exceeded);
			}
			synchronized (this.stateLock) {
				return route(request, principal);
			}
		}
		catch (SimulatorException ex) {
			return errorResponse(ex.status(), ex.getMessage(), ex.detail());
		}
		catch (RuntimeException ex) {
			return errorResponse(500, "Internal simulator error", ex.toString());
		}
	}

	private SimResponse rateLimited(RateLimiter.Exceeded exceeded) {
		RateLimitRule rule = exceeded.rule();
		SimResponse response = errorResponse(429, "Rate limit exceeded", "Rule '" + rule.name() + "' allows "
				+ rule.limit() + " requests per " + rule.window().toSeconds() + " seconds");
		response.header("Retry-After", Long.toString(exceeded.retryAfterSeconds()));
		response.header("X-RateLimit-Limit", Integer.toString(rule.limit()));
		response.header("X-RateLimit-Reset", Long.toString(exceeded.resetEpochSecond()));
		response.header("X-RateLimit-Rule", rule.name());
		return response;
	}

	/**
	 * Runs a request through authentication-free routing under the lock; used for the
	 * parts of a batch request, which the platform runs inside the outer request.
	 * @param request the inner request
	 * @param principal the outer request's principal
	 * @return the inner response
	 */
	protected final SimResponse routeInner(SimRequest request, String principal) {
		try {
			return route(request, principal);
		}
		catch (SimulatorException ex) {
			return errorResponse(ex.status(), ex.getMessage(), ex.detail());
		}
		catch (RuntimeException ex) {
			return errorResponse(500, "Internal simulator error", ex.toString());
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void record(SimRequest request, SimResponse response, String note) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		request.headers().forEach((name, values) -> headers.put(name, redactHeader(name, values)));
		String body = request.bodyText();
		String contentType = request.header("content-type");
		if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("x-www-form-urlencoded")) {
			body = FORM_SECRET.matcher(body).replaceAll("$1***");
		}
		int status = (response.delivery() == SimResponse.Delivery.DROP_CONNECTION) ? 0 : response.status();
		RecordedRequest recorded = new RecordedRequest(this.sequence.incrementAndGet(), this.clock.instant(),
				request.method(), request.path(), request.query(), headers, body, status, note);
		synchronized (this.journal) {
			this.journal.addLast(recorded);
			while (this.journal.size() > this.journalCapacity) {
				this.journal.removeFirst();
			}
		}
	}

	private static List<String> redactHeader(String name, List<String> values) {
		if (name.equals("authorization") || name.equals("proxy-authorization")) {
			return values.stream().map((v) -> {
				int space = v.indexOf(' ');
				return (space > 0) ? v.substring(0, space) + " ***" : "***";
			}).toList();
		}
		if (name.equals("cookie")) {
			return List.of("***");
		}
		return List.copyOf(values);
	}

	private SimResponse inspect(SimRequest request) {
		String what = request.path().substring("/_sim".length());
		String method = request.method();
		switch (what) {
			case "/records":
				requireMethod(method, "GET");
				synchronized (this.stateLock) {
					return SimResponse.json(200, recordsSnapshot(request));
				}
			case "/requests":
				if (method.equals("DELETE")) {
					clearRecordedRequests();
					return SimResponse.empty(204);
				}
				requireMethod(method, "GET");
				ArrayNode list = Json.array();
				String prefix = request.queryParam("pathPrefix");
				for (RecordedRequest recorded : recordedRequests()) {
					if (prefix == null || recorded.path().startsWith(prefix.startsWith("/") ? prefix : "/" + prefix)) {
						list.add(recorded.toJson());
					}
				}
				return SimResponse.json(200, list);
			case "/faults":
				if (method.equals("DELETE")) {
					clearFaults();
					return SimResponse.empty(204);
				}
				if (method.equals("GET")) {
					return SimResponse.json(200, faultsJson());
				}
				requireMethod(method, "POST");
				JsonNode body = Json.parse(request.body());
				for (JsonNode node : body.isArray() ? body : Json.array().add(body)) {
					injectFault(Fault.fromJson(node));
				}
				return SimResponse.json(201, faultsJson());
			case "/ratelimits":
				if (method.equals("DELETE")) {
					setRateLimits(List.of());
					return SimResponse.empty(204);
				}
				if (method.equals("PUT")) {
					List<RateLimitRule> rules = new ArrayList<>();
					JsonNode rulesJson = Json.parse(request.body());
					for (JsonNode node : rulesJson.isArray() ? rulesJson : Json.array().add(rulesJson)) {
						rules.add(RateLimitRule.fromJson(node));
					}
					setRateLimits(rules);
				}
				else {
					requireMethod(method, "GET");
				}
				ArrayNode rulesOut = Json.array();
				rateLimits().forEach((rule) -> rulesOut.add(rule.toJson()));
				return SimResponse.json(200, rulesOut);
			case "/reset":
				requireMethod(method, "POST");
				reset();
				return SimResponse.empty(204);
			default:
				return errorResponse(404, "Unknown simulator endpoint", request.path());
		}
	}

	private static void requireMethod(String actual, String expected) {
		if (!actual.equals(expected)) {
			throw new SimulatorException(405, "Method not allowed", actual);
		}
	}

	private ArrayNode faultsJson() {
		ArrayNode array = Json.array();
		activeFaults().forEach((fault) -> array.add(fault.toJson()));
		return array;
	}

	/**
	 * Arms a fault.
	 * @param fault the fault
	 */
	public void injectFault(Fault fault) {
		this.faultPlan.add(fault);
	}

	/**
	 * Disarms every fault.
	 */
	public void clearFaults() {
		this.faultPlan.clear();
	}

	/**
	 * The faults still armed.
	 * @return the faults
	 */
	public List<Fault> activeFaults() {
		return this.faultPlan.faults();
	}

	/**
	 * Replaces the rate limits in force and resets their counters.
	 * @param rules the rules
	 */
	public void setRateLimits(List<RateLimitRule> rules) {
		this.rateLimiter.replaceRules(rules);
	}

	/**
	 * The rate limits in force.
	 * @return the rules
	 */
	public List<RateLimitRule> rateLimits() {
		return this.rateLimiter.rules();
	}

	/**
	 * The recorded requests, oldest first (inspection requests are not recorded).
	 * @return the requests
	 */
	public List<RecordedRequest> recordedRequests() {
		synchronized (this.journal) {
			return List.copyOf(this.journal);
		}
	}

	/**
	 * Forgets the recorded requests.
	 */
	public void clearRecordedRequests() {
		synchronized (this.journal) {
			this.journal.clear();
		}
	}

	/**
	 * Every record, grouped per table or object type, as {@code GET _sim/records}
	 * answers.
	 * @return the records
	 */
	public ObjectNode records() {
		synchronized (this.stateLock) {
			return recordsSnapshot(SimRequest.of("GET", "/_sim/records", null, Map.of(), null, "http://localhost"));
		}
	}

	/**
	 * Puts the simulator back to its initial state: seeded store, no recorded requests,
	 * no faults, the initial rate limits with fresh counters.
	 */
	public void reset() {
		synchronized (this.stateLock) {
			resetState();
		}
		clearRecordedRequests();
		clearFaults();
		this.rateLimiter.replaceRules(this.initialRateLimits);
	}

}
