/**
 * The framework-neutral core every simulator shares: requests and responses, the pipeline
 * with recording, fault injection and rate limits, and the {@code _sim/} inspection
 * endpoints.
 */
package io.itsmhub.simulators.core;
