/**
 * The HaloITSM target connector.
 */
package io.itsmhub.connectors.haloitsm;
