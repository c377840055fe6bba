/**
 * The canonical item's JSON form, read record by record with errors naming the field.
 */
package io.itsmhub.api.json;
