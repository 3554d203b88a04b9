package org.involve.core.partners;

/** Whether the partner takes the role's involvement payment. Expenses are reimbursed whichever it is. */
public enum PaymentChoice {
    ACCEPTED,
    DECLINED,
    UNPAID_ROLE
}
