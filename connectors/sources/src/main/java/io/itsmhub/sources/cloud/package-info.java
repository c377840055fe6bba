/**
 * Cloud inventories: AWS Config configuration items (notifications and snapshot files)
 * and Azure Resource Graph query results, keyed by the provider's resource id.
 */
package io.itsmhub.sources.cloud;
