/**
 * Paying partners: the money rules (involvement payments by the role's model, mileage at HMRC's rates, the
 * days-a-month guideline). Money is whole pence in a {@code long}, never floating point; the one rounding rule is
 * {@link org.involve.core.payments.Pence#share}.
 */
package org.involve.core.payments;
