/**
 * The Spring Boot application.
 */
package io.itsmhub.app;
