package io.itsmhub.api.model;

/**
 * How an asset depreciates.
 *
 * @param method the method, such as {@code straight_line} or {@code declining_balance}
 * @param months the depreciation period in months
 */
public record Depreciation(String method, Integer months) {

}
