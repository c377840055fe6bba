/**
 * Source adapters: each turns its input into canonical items.
 */
package io.itsmhub.sources;
