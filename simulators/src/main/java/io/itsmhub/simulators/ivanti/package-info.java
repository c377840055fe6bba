/**
 * The Ivanti Neurons for ITSM simulator: OData business objects (CIs and their subtypes)
 * with {@code $filter}, {@code $top}/{@code $skip} paging, create, update, relationship
 * links through {@code $Ref}, a CSDL {@code $metadata} document per business object, and
 * REST API key authentication.
 */
package io.itsmhub.simulators.ivanti;
