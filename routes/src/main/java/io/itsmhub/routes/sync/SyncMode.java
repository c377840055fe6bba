package io.itsmhub.routes.sync;

/** How much of the estate a run considers. */
public enum SyncMode {

	/** Every item: catches drift and changed mappings. */
	FULL,
	/** Items changed since the last completed run of the integration. */
	INCREMENTAL,
	/** Named items only (webhooks, replays). */
	ITEMS

}
