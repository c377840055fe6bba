/**
 * YAML read into a JSON tree that remembers where each node was written, so that every
 * error can name its line and column.
 */
package io.itsmhub.mappings.yaml;
