/**
 * The Xurrent (formerly 4me) target connector: configuration items through the GraphQL
 * API, with reference resolution, the asynchronous bulk mutation for large loads,
 * relations, retirement by status, and a field catalog introspected from the account.
 */
package io.itsmhub.connectors.xurrent;
