/**
 * Test support shared by every module through the connector-api test-jar: realistic
 * estates for benchmarks and the connector contract kit.
 */
package io.itsmhub.api.testing;
