/**
 * The Hornbill Service Manager target connector: XMLMC as JSON over HTTPS with an API
 * key, assets with their class extension records, asset links, retirement through the
 * operational state.
 */
package io.itsmhub.connectors.hornbill;
