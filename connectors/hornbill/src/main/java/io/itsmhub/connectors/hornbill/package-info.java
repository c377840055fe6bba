/**
 * The Hornbill Service Manager target connector.
 */
package io.itsmhub.connectors.hornbill;
