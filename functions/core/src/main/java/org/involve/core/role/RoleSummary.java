package org.involve.core.role;

import org.involve.core.kit.Words;

/**
 * The three lines at the top of a public role page (issue 14, item 4), built from the role's own fields so they never
 * disagree with the details below them: what you would do (the first thing the role does and the time it asks), what
 * you would get (the payment, or none, and costs paid back either way), and who cannot apply (the four groups, with
 * all NHS staff or NHS England staff as the role says). Each line's label and wording are in the apply content file.
 */
public record RoleSummary(String whatYouWouldDo, String whatYouWouldGet, String whoCannotApply) {
    private static final Words WORDS = Words.of("apply");

    public static RoleSummary of(Role role) {
        String what =
                role.whatTheRoleDoes().isEmpty()
                        ? role.summary()
                        : WORDS.format(
                                "page.role.summary.do.duty",
                                "duty",
                                withoutFullStop(role.whatTheRoleDoes().get(0)));
        String does =
                blank(role.commitment().timeAsked())
                        ? what
                        : WORDS.format(
                                "page.role.summary.do.withTime",
                                "what",
                                what,
                                "time",
                                withoutFullStop(role.commitment().timeAsked()));
        String gets =
                role.payment().isPaid()
                        ? WORDS.format(
                                "page.role.summary.get.paid", "payment", role.payment().describe())
                        : WORDS.get("page.role.summary.get.unpaid");
        String cannot =
                WORDS.get(
                        role.eligibility().excludesAllNhsStaff()
                                ? "page.role.summary.cannot.allNhsStaff"
                                : "page.role.summary.cannot.nhsEnglandStaff");
        return new RoleSummary(does, gets, cannot);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String withoutFullStop(String s) {
        String t = s.strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
