/**
 * A stateful simulator of the Freshservice API v2: assets, asset types and their fields,
 * the filter query, relationships by bulk job, requesters, locations and departments.
 */
package io.itsmhub.simulators.freshservice;
