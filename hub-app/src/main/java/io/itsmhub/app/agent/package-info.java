/**
 * The inventory agent endpoint: {@code /agent/}, the server URL GLPI, FusionInventory and
 * OCS agents are given. It checks the agent credential, hands the body to the sources'
 * {@code AgentProtocol} and ingests what the agents report.
 */
package io.itsmhub.app.agent;
