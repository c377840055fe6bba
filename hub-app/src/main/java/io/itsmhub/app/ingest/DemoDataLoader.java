package io.itsmhub.app.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Ingests the demo data at start: each sub-folder of {@code hub.demo.data-dir} is a
 * source, each file in it is read as a dropped file would be (but left in place).
 */
@Component
@Order(0)
@ConditionalOnProperty("hub.demo.data-dir")
public class DemoDataLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	private final IngestService ingest;

	private final Path directory;

	public DemoDataLoader(IngestService ingest, org.springframework.core.env.Environment environment) {
		this.ingest = ingest;
		this.directory = Path.of(environment.getRequiredProperty("hub.demo.data-dir"));
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (!Files.isDirectory(this.directory)) {
			log.warn("Demo data folder {} does not exist: nothing to load", this.directory.toAbsolutePath());
			return;
		}
		for (Path sourceDir : list(this.directory)) {
			if (!Files.isDirectory(sourceDir)) {
				continue;
			}
			String source = sourceDir.getFileName().toString();
			for (Path file : list(sourceDir)) {
				if (Files.isRegularFile(file)) {
					try {
						this.ingest.ingestFile(source, file.getFileName().toString(), Files.readAllBytes(file), "demo");
					}
					catch (UnreadableFileException ex) {
						log.warn("Demo file {} was not read: {}", file, ex.getMessage());
					}
				}
			}
		}
	}

	private static List<Path> list(Path directory) throws IOException {
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.filter((path) -> !path.getFileName().toString().startsWith(".")).sorted().toList();
		}
	}

}
