/**
 * A stateful fake of the Xurrent (formerly 4me) GraphQL API: configuration items,
 * products, sites, organizations and people; cursor-paged queries, the create and update
 * mutations, the asynchronous bulk mutation, introspection of the input types, and the
 * request and query-cost budgets.
 */
package io.itsmhub.simulators.xurrent;
