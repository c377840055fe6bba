/**
 * A stateful fake of Hornbill Service Manager's XMLMC API, spoken as JSON: zoneinfo
 * discovery, {@code ESP-APIKEY} authentication, the {@code data::entityBrowseRecords2},
 * {@code entityAddRecord} and {@code entityUpdateRecord} methods on the {@code Asset}
 * entity and its class extension entities, {@code Asset::linkAsset}, and Hornbill's
 * {@code @status}/{@code state.error} answers.
 */
package io.itsmhub.simulators.hornbill;
