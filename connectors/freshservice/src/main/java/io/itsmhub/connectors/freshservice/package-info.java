/**
 * The Freshservice target connector: assets of asset types through the API v2, matched
 * with the filter query, and relationships created by bulk jobs.
 */
package io.itsmhub.connectors.freshservice;
