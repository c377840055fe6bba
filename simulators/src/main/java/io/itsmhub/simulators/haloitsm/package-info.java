/**
 * The HaloITSM simulator: OAuth 2.0 client credentials at {@code /auth/token}, asset
 * types and assets ({@code Device}) below {@code /api}, with the upsert-by-array
 * {@code POST /api/Asset}, search and paging, parent, child and sibling links, and
 * {@code inactive} for retirement.
 */
package io.itsmhub.simulators.haloitsm;
