/**
 * Identification and reconciliation: which item a record describes, and what the hub
 * believes about it.
 */
package io.itsmhub.reconciliation;
