package io.itsmhub.sources;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Test fixtures: the samples copied under {@code src/test/resources/samples}. */
public final class SampleFiles {

	/** The time test readers take as now. */
	public static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

	public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	private SampleFiles() {
	}

	/** A resource's bytes, by its path under {@code src/test/resources}. */
	public static byte[] bytes(String path) {
		try (InputStream in = SampleFiles.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalArgumentException("no test resource " + path);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
