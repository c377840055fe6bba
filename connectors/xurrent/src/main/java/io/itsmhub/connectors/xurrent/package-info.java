/**
 * The Xurrent target connector.
 */
package io.itsmhub.connectors.xurrent;
