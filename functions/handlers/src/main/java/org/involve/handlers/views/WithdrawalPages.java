package org.involve.handlers.views;

import org.involve.core.withdrawal.Withdrawal;

/** The applicant's withdrawal pages (templates in withdrawal/), reached from the link in any e-mail they got. */
public final class WithdrawalPages {
    private WithdrawalPages() {}

    public record Confirm(Withdrawal.Confirm page, String action) {}

    public record Withdrawn(Withdrawal.Withdrawn page, boolean emailed) {}

    public static String confirm(Withdrawal.Confirm page, String action) {
        return Templates.render("withdrawal/confirm.jte", new Confirm(page, action));
    }

    public static String withdrawn(Withdrawal.Withdrawn page, boolean emailed) {
        return Templates.render("withdrawal/withdrawn.jte", new Withdrawn(page, emailed));
    }

    public static String tooLate(Withdrawal.TooLate page) {
        return Templates.render("withdrawal/tooLate.jte", page);
    }

    public static String refused(Withdrawal.Refused page) {
        return Templates.render("withdrawal/refused.jte", page);
    }
}
