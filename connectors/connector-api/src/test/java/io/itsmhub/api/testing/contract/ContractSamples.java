package io.itsmhub.api.testing.contract;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

import io.itsmhub.api.target.TargetPayload;
import io.itsmhub.api.target.TargetRelation;

/**
 * Sample payloads from a connector's default mapping, for the contract kit.
 *
 * @param items at least two payloads of different items; the first relates to the second
 * through {@code relation}
 * @param relation a relation the default mapping produces, from {@code items[0]} to
 * {@code items[1]}
 * @param changed the same item with a changed value (an owner, a cost center)
 * @param retired the item mapped with lifecycle status retired
 * @param invalid a payload the platform refuses with a 4xx validation error
 * @param validationMessage a part of the platform's own message for {@code invalid}
 * @param many {@code n} distinct payloads of one target class, for paging
 * @param mappedFields every field the default mapping writes, by target class
 * @param credentialProperty the property an authentication failure must name, such as
 * {@code hub.targets.servicenow.password}
 */
public record ContractSamples(List<TargetPayload> items, TargetRelation relation, UnaryOperator<TargetPayload> changed,
		UnaryOperator<TargetPayload> retired, TargetPayload invalid, String validationMessage,
		IntFunction<List<TargetPayload>> many, Map<String, Set<String>> mappedFields, String credentialProperty) {

}
