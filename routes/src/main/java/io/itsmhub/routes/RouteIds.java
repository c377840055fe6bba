package io.itsmhub.routes;

/** Stable route and step ids, for tests and operations. */
public final class RouteIds {

	/** Reads the file-drop folder. */
	public static final String INGEST_FILE_DROP = "ingest-file-drop";

	/** The step that hands a dropped file to the ingest service. */
	public static final String INGEST_FILE_STEP = "ingest-file";

	private RouteIds() {
	}

}
