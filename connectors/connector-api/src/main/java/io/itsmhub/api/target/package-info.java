/**
 * What a platform mapping produces and a target connector consumes: the payload for one
 * item ({@link io.itsmhub.api.target.TargetPayload}), and the fields a platform really
 * has ({@link io.itsmhub.api.target.FieldCatalog}), against which mappings are checked.
 */
package io.itsmhub.api.target;
