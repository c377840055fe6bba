package io.itsmhub.routes.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import io.itsmhub.routes.RouteIds;

/**
 * Watches the drop folder: one sub-folder per source ({@code drop/itam/register.csv}). A
 * read file moves to its folder's {@code .done}; a file that cannot be read at all moves
 * to {@code .failed} with a {@code <name>.reason.txt} beside it. Nothing is deleted.
 */
public class FileDropRoutes extends RouteBuilder {

	private final Path directory;

	private final long pollDelay;

	private final DropFileHandler handler;

	public FileDropRoutes(Path directory, long pollDelay, DropFileHandler handler) {
		this.directory = directory;
		this.pollDelay = pollDelay;
		this.handler = handler;
	}

	@Override
	public void configure() {
		onException(Exception.class).handled(false).process(this::writeReason).id("write-failure-reason");

		from("file:" + this.directory.toAbsolutePath() + "?recursive=true&minDepth=2&maxDepth=2"
		// .xml for dropped agent inventories, .gz for AWS Config's gzipped snapshots
				+ "&include=RAW((?i).*\\.(json|ndjson|jsonl|csv|xml)(\\.gz)?)"
				+ "&readLock=changed&readLockCheckInterval=200&readLockMinAge=200" + "&delay=" + this.pollDelay
				+ "&move=${file:parent}/.done/${file:onlyname.noext}-${date:now:yyyyMMdd-HHmmssSSS}.${file:ext}"
				+ "&moveFailed=${file:parent}/.failed/${file:onlyname}")
			.routeId(RouteIds.INGEST_FILE_DROP)
			.process((exchange) -> this.handler.handle(source(exchange),
					exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class),
					exchange.getIn().getBody(byte[].class)))
			.id(RouteIds.INGEST_FILE_STEP);
	}

	/** The source is the folder the file was dropped in. */
	private static String source(Exchange exchange) {
		String relative = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class).replace('\\', '/');
		return relative.substring(0, relative.indexOf('/'));
	}

	private void writeReason(Exchange exchange) throws IOException {
		Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
		String relative = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class).replace('\\', '/');
		Path failed = this.directory.resolve(source(exchange)).resolve(".failed");
		Files.createDirectories(failed);
		String name = relative.substring(relative.lastIndexOf('/') + 1);
		String reason = (failure != null && failure.getMessage() != null) ? failure.getMessage()
				: String.valueOf(failure);
		Files.writeString(failed.resolve(name + ".reason.txt"), reason + System.lineSeparator(),
				StandardCharsets.UTF_8);
	}

}
