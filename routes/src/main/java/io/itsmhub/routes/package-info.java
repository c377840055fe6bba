/**
 * Camel routes: they wire beans together and decide nothing themselves.
 */
package io.itsmhub.routes;
