/**
 * The HaloITSM target connector: OAuth 2.0 client credentials, assets ({@code Device})
 * upserted as arrays through {@code POST /api/Asset}, asset types discovered by name,
 * parent, child and sibling links, {@code inactive} for retirement.
 */
package io.itsmhub.connectors.haloitsm;
