package io.itsmhub.simulators.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The faults currently armed, and which of them the next request triggers.
 */
final class FaultPlan {

	private final List<Armed> armed = new ArrayList<>();

	synchronized void add(Fault fault) {
		this.armed.add(new Armed(fault));
	}

	synchronized void clear() {
		this.armed.clear();
	}

	synchronized List<Fault> faults() {
		return this.armed.stream().map((a) -> a.fault).toList();
	}

	/**
	 * Picks the first armed fault that fires for this request, and uses it up.
	 * @param request the request
	 * @return the fault, or {@code null}
	 */
	synchronized Fault next(SimRequest request) {
		for (int i = 0; i < this.armed.size(); i++) {
			Armed candidate = this.armed.get(i);
			if (!candidate.fault.matches(request)) {
				continue;
			}
			// A share is spread evenly with an accumulator rather than a random draw, so
			// "half of the requests" is exactly every second one and tests stay
			// deterministic.
			candidate.credit += candidate.fault.share();
			if (candidate.credit + 1e-9 < 1.0) {
				continue;
			}
			candidate.credit -= 1.0;
			candidate.fired++;
			if (candidate.fault.times() > 0 && candidate.fired >= candidate.fault.times()) {
				this.armed.remove(i);
			}
			return candidate.fault;
		}
		return null;
	}

	private static final class Armed {

		private final Fault fault;

		private double credit;

		private int fired;

		Armed(Fault fault) {
			this.fault = fault;
		}

	}

}
