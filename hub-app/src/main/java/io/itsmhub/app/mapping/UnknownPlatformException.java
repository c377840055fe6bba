package io.itsmhub.app.mapping;

import java.util.Collection;

/** A platform id that no connector (and no shipped mapping) has. */
public class UnknownPlatformException extends RuntimeException {

	private final String platform;

	public UnknownPlatformException(String platform, Collection<String> known) {
		super("'" + platform + "' is not a platform; known platforms are " + String.join(", ", known));
		this.platform = platform;
	}

	public String platform() {
		return this.platform;
	}

}
