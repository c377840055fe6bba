/**
 * The ServiceNow simulator: Table, Identification and Reconciliation, and Batch APIs,
 * OAuth token endpoint, over seeded CMDB, ITAM and dictionary tables.
 */
package io.itsmhub.simulators.servicenow;
