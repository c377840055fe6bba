/**
 * The Ivanti Neurons for ITSM target connector.
 */
package io.itsmhub.connectors.ivanti;
