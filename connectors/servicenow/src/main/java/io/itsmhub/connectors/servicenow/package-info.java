/**
 * The ServiceNow target connector: CIs and their identification through the
 * Identification and Reconciliation API, asset facts and relations through the Batch API,
 * look-ups through the Table API, the field catalog from {@code sys_dictionary}. One
 * handler class per API resource; query parameters and headers in
 * {@link io.itsmhub.connectors.servicenow.ServiceNowParams}.
 */
package io.itsmhub.connectors.servicenow;
