package io.itsmhub.simulators.jsmassets;

import java.util.ArrayList;
import java.util.List;

import io.itsmhub.simulators.core.RecordedRequest;

/**
 * Collects every request the JSM Assets simulator recorded during the test run, for
 * {@link JsmAssetsContractTest} (ordered last by {@code junit-platform.properties}).
 */
final class JsmRecordedTraffic {

	private static final List<RecordedRequest> REQUESTS = new ArrayList<>();

	private JsmRecordedTraffic() {
	}

	static synchronized void addAll(List<RecordedRequest> requests) {
		REQUESTS.addAll(requests);
	}

	static synchronized List<RecordedRequest> all() {
		return List.copyOf(REQUESTS);
	}

}
