package io.itsmhub.api.model;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money with its ISO 4217 currency. Equal amounts with different scales
 * ({@code 12.5} and {@code 12.50}) are equal, so re-ingesting the same cost changes
 * nothing.
 *
 * @param amount the amount, never {@code null}
 * @param currency the ISO 4217 currency code, never {@code null}
 */
public record Money(BigDecimal amount, String currency) {

	public Money {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(currency, "currency");
		Currency.getInstance(currency);
		amount = amount.stripTrailingZeros();
		if (amount.scale() < 0) {
			amount = amount.setScale(0);
		}
	}

	/** The amount with two decimals, as platforms expect it. */
	public String plainAmount() {
		return this.amount.setScale(Math.max(2, this.amount.scale())).toPlainString();
	}

}
