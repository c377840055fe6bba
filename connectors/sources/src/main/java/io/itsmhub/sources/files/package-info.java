/**
 * File drops: CSV files read by a column mapping, and the ITAM asset register's default
 * mapping.
 */
package io.itsmhub.sources.files;
