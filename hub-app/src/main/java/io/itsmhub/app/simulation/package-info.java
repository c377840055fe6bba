/**
 * The demo profile's simulated platforms: the ServiceNow and JSM Assets simulators served
 * by the hub's own process under {@code /sim/<platform>/}, where the demo targets point.
 */
package io.itsmhub.app.simulation;
