package io.itsmhub.routes.sync;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import io.itsmhub.api.target.TargetException;
import io.itsmhub.api.target.TargetFailure;

/**
 * The resilience around one target, shared by everything that pushes to it: a rate-limit
 * budget, retries with exponential backoff and jitter that honour {@code Retry-After},
 * and a circuit breaker that stops hammering a platform that is down. Only failures the
 * connector classified as retryable are retried.
 */
public final class TargetGuard {

	private final RateLimiter rateLimiter;

	private final CircuitBreaker circuitBreaker;

	private final Retry retry;

	private final Settings settings;

	public TargetGuard(String target, Settings settings) {
		this.settings = settings;
		this.rateLimiter = RateLimiter.of(target,
				RateLimiterConfig.custom()
					.limitForPeriod(settings.callsPerSecond())
					.limitRefreshPeriod(Duration.ofSeconds(1))
					.timeoutDuration(Duration.ofMinutes(5))
					.build());
		this.circuitBreaker = CircuitBreaker.of(target,
				CircuitBreakerConfig.custom()
					.failureRateThreshold(50)
					.minimumNumberOfCalls(settings.circuitMinimumCalls())
					.slidingWindowSize(Math.max(10, settings.circuitMinimumCalls()))
					.waitDurationInOpenState(settings.circuitOpenFor())
					.recordException(TargetGuard::isTransient)
					.build());
		this.retry = Retry.of(target,
				RetryConfig.<Object>custom()
					.maxAttempts(settings.maxAttempts())
					.retryOnException(TargetGuard::isRetryable)
					.intervalBiFunction(this::waitBefore)
					.build());
	}

	/**
	 * Runs one call to the platform within the budget, retrying what may succeed later.
	 * @throws TargetException when the call failed for good or ran out of attempts
	 */
	public <T> T call(Supplier<T> call) {
		Supplier<T> limited = RateLimiter.decorateSupplier(this.rateLimiter, call);
		Supplier<T> broken = CircuitBreaker.decorateSupplier(this.circuitBreaker, limited);
		try {
			return Retry.decorateSupplier(this.retry, broken).get();
		}
		catch (CallNotPermittedException ex) {
			throw new TargetException(new TargetFailure(TargetFailure.Kind.TRANSIENT,
					"the circuit breaker is open after repeated failures; calls resume after "
							+ this.settings.circuitOpenFor().toSeconds() + " s",
					null, this.settings.circuitOpenFor(), null), ex);
		}
	}

	public CircuitBreaker.State circuitState() {
		return this.circuitBreaker.getState();
	}

	private long waitBefore(Integer attempt, Either<Throwable, Object> outcome) {
		if (outcome.isLeft() && outcome.getLeft() instanceof TargetException ex && ex.failure().retryAfter() != null) {
			return Math.min(ex.failure().retryAfter().toMillis(), this.settings.maxWait().toMillis());
		}
		long base = this.settings.backoff().toMillis() * (1L << Math.min(attempt - 1, 16));
		long capped = Math.min(base, this.settings.maxWait().toMillis());
		return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
	}

	private static boolean isRetryable(Throwable ex) {
		return ex instanceof TargetException target && target.failure().retryable();
	}

	private static boolean isTransient(Throwable ex) {
		return ex instanceof TargetException target && target.failure().kind() == TargetFailure.Kind.TRANSIENT;
	}

	/**
	 * How hard to push one target.
	 *
	 * @param callsPerSecond the rate-limit budget
	 * @param maxAttempts attempts per call, the first included
	 * @param backoff the first wait; it doubles with every attempt, with jitter
	 * @param maxWait the longest wait between two attempts, {@code Retry-After} included
	 * @param circuitMinimumCalls calls before the breaker judges the failure rate
	 * @param circuitOpenFor how long an open breaker refuses calls
	 */
	public record Settings(int callsPerSecond, int maxAttempts, Duration backoff, Duration maxWait,
			int circuitMinimumCalls, Duration circuitOpenFor) {

		public static Settings defaults() {
			return new Settings(20, 5, Duration.ofMillis(500), Duration.ofSeconds(60), 20, Duration.ofSeconds(30));
		}

	}

}
