/**
 * Stateful fakes of the platforms' APIs, for tests and the demo profile.
 */
package io.itsmhub.simulators;
