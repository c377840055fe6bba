/**
 * The Ivanti Neurons for ITSM target connector: CIs as OData business objects, looked up
 * by {@code $filter} on their identifiers, created with {@code POST}, updated with
 * {@code PATCH}, linked through {@code $Ref} and retired through their status field; the
 * business objects' fields and relationships are read from the tenant's
 * {@code $metadata}.
 */
package io.itsmhub.connectors.ivanti;
