/**
 * The source side: where adapters hand records, and how rejections are reported.
 */
package io.itsmhub.api.ingest;
