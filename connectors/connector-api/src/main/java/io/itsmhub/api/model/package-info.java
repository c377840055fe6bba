/**
 * The canonical item: what one source says about one real-world thing.
 */
package io.itsmhub.api.model;
