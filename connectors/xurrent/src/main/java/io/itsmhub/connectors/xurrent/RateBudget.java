package io.itsmhub.connectors.xurrent;

/**
 * What the last answer said is left of the token's budgets ({@code x-ratelimit-*} and
 * {@code x-costlimit-*} headers); {@code -1} where the header was absent.
 *
 * @param requestsRemaining requests left in the window
 * @param requestLimit requests per window
 * @param costRemaining query cost points left in the window
 * @param costLimit cost points per window
 * @param resetEpochSecond when the window starts again (epoch seconds)
 */
public record RateBudget(long requestsRemaining, long requestLimit, long costRemaining, long costLimit,
		long resetEpochSecond) {

	/** Nothing known yet. */
	public static final RateBudget UNKNOWN = new RateBudget(-1, -1, -1, -1, -1);

	/** Whether either budget is below a tenth of its limit. */
	public boolean low() {
		return (this.requestLimit > 0 && this.requestsRemaining >= 0 && this.requestsRemaining * 10 < this.requestLimit)
				|| (this.costLimit > 0 && this.costRemaining >= 0 && this.costRemaining * 10 < this.costLimit);
	}

	@Override
	public String toString() {
		return "requests " + this.requestsRemaining + "/" + this.requestLimit + ", cost " + this.costRemaining + "/"
				+ this.costLimit + ", reset " + this.resetEpochSecond;
	}

}
