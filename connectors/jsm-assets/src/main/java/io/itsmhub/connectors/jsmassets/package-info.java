/**
 * The Jira Service Management Assets target connector: object types and attributes
 * resolved by name from the object schema, objects found by AQL, written through the
 * object API or, for large loads, the external import API.
 */
package io.itsmhub.connectors.jsmassets;
