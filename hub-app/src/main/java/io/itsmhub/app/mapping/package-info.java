/**
 * Mapping versions: the store, the service that keeps each platform's active mapping
 * compiled (and notices activations made by other instances), and the import of
 * {@code config/mappings/} at start.
 */
package io.itsmhub.app.mapping;
