package io.itsmhub.app.ingest;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How records come in.
 *
 * @param maxBodySize the largest body {@code POST /api/sources/{source}/items} takes; a
 * larger one is refused with 413
 * @param batchSize how many records are reconciled and stored together
 * @param drop the file-drop folder
 * @param csv per source, how the columns of its CSV files map to canonical fields
 * @param formats per source, what it sends when not canonical JSON ({@code aws-config},
 * {@code azure-resource-graph}, {@code netbox}, {@code glpi-inventory}, {@code csv})
 */
@ConfigurationProperties("hub.ingest")
public record IngestProperties(@DefaultValue("32MB") DataSize maxBodySize, @DefaultValue("1000") int batchSize,
		@DefaultValue Drop drop, @DefaultValue Map<String, Map<String, Object>> csv,
		@DefaultValue Map<String, SourceFormat> formats) {

	/**
	 * The file-drop folder: one sub-folder per source ({@code drop/itam/register.csv}).
	 * Read files move to {@code .done}, unreadable ones to {@code .failed} with a
	 * {@code .reason.txt} beside them.
	 *
	 * @param enabled whether the folder is watched
	 * @param directory the folder
	 * @param pollDelay milliseconds between two looks
	 */
	public record Drop(@DefaultValue("true") boolean enabled, @DefaultValue("drop") Path directory,
			@DefaultValue("2000") long pollDelay) {

	}

}
