/**
 * The Jira Service Management Assets simulator: workspace discovery, schema, object types
 * and attributes, objects, AQL, and the external import API, at the official
 * specification's paths.
 */
package io.itsmhub.simulators.jsmassets;
