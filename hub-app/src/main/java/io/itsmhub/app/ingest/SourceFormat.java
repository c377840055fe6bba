package io.itsmhub.app.ingest;

/**
 * What a source sends, configured per source as {@code hub.ingest.formats.<source>}. The
 * drop folder, the ingest API and the Kafka and pull sources all read a source's input in
 * its format.
 */
public enum SourceFormat {

	/** Canonical items: a JSON array, one object, or NDJSON (the default). */
	CANONICAL,

	/** AWS Config notifications (raw or SNS), snapshot and history files. */
	AWS_CONFIG,

	/** Azure Resource Graph query results. */
	AZURE_RESOURCE_GRAPH,

	/** NetBox {@code dumpdata} exports and REST API pages. */
	NETBOX,

	/** GLPI JSON or FusionInventory / OCS XML inventories, zlib, gzip or plain. */
	GLPI_INVENTORY,

	/** CSV with the source's column mapping from {@code hub.ingest.csv.<source>}. */
	CSV

}
