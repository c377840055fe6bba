/**
 * Inventory agents: the GLPI, FusionInventory and OCS agents' XML and JSON inventory
 * formats mapped to canonical items, and their protocol (PROLOG, CONTACT, compressed
 * bodies) without the HTTP layer.
 */
package io.itsmhub.sources.agent;
