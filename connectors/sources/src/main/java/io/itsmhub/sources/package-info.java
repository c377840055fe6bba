/**
 * Source adapters, one package per source kind, each turning its input into canonical
 * items. What they share lives here: {@link io.itsmhub.sources.CanonicalDraft} builds a
 * record's canonical JSON form and {@link io.itsmhub.sources.RecordCollector} validates
 * it with the canonical reader, so every source rejects bad records the same way.
 */
package io.itsmhub.sources;
