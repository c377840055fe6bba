package io.itsmhub.app.mapping;

import java.time.Instant;

/**
 * Which version of a platform's mapping is active.
 *
 * @param platform the platform (connector) id
 * @param activeVersion the version in use
 * @param previousVersion the version in use before it (what a rollback re-activates),
 * {@code null} when there was none
 * @param activatedBy who activated it
 * @param activatedAt when
 */
public record MappingActivation(String platform, int activeVersion, Integer previousVersion, String activatedBy,
		Instant activatedAt) {

}
