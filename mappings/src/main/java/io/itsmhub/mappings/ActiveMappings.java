package io.itsmhub.mappings;

import java.util.Optional;

/**
 * Which mapping each platform uses now. The sync engine asks for every batch, so an
 * activation (or a rollback) applies to the next item processed, without a restart, in
 * every instance that shares the mapping store. Implementations answer from memory and
 * look for changes made elsewhere at most about once a second, so asking is cheap.
 */
public interface ActiveMappings {

	/**
	 * The active mapping of a platform, compiled.
	 * @param platform the platform (connector) id, such as {@code servicenow}
	 * @return the compiled active version, empty when the platform has no mapping
	 */
	Optional<CompiledMapping> active(String platform);

}
