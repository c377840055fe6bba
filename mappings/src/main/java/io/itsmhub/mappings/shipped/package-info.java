/**
 * The default mappings that ship with the hub, one per platform, with the field catalogs
 * that stand in for a connector's own until the connector exists.
 */
package io.itsmhub.mappings.shipped;
