/**
 * Adapters that serve a simulator over HTTP: a servlet for the hub's demo profile and a
 * standalone JDK HTTP server for tests.
 */
package io.itsmhub.simulators.http;
