/**
 * Per-platform field mappings: spec, validation by compiling, engine and content hashing.
 */
package io.itsmhub.mappings;
