/**
 * The connector contract kit: an abstract JUnit 5 class every target connector's test
 * extends, run against a simulator or WireMock, asserting on the requests the platform
 * recorded as well as on what the connector returned.
 */
package io.itsmhub.api.testing.contract;
