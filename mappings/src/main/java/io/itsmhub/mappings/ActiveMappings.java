package io.itsmhub.mappings;

import java.util.Optional;

/**
 * The mapping in force for each platform. The sync engine asks for every batch, so an
 * activation applies to the next item processed, without a restart.
 */
public interface ActiveMappings {

	/** The active mapping of a platform, empty when the platform has none. */
	Optional<CompiledMapping> active(String platform);

}
