/**
 * REST pull sources: a paged JSON API read on a schedule, page by page, through a known
 * format (NetBox) or a mapping of JSON pointers to canonical fields.
 */
package io.itsmhub.app.pull;
