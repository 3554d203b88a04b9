package org.involve.core.payroll;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Letter;
import org.involve.core.kit.Words;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerLetters;
import org.involve.core.paths.StaffPaths;
import org.involve.core.payments.PaymentLetters;
import org.involve.core.payments.PaymentRecord;
import org.involve.core.payments.TaxYear;
import org.involve.core.role.Money;
import org.involve.core.role.Role;

/**
 * The payroll e-mails: finance are told an export is ready (a link to it on the finance page, no names or amounts per
 * person); each partner in an export gets a statement when it is paid, and once a tax year a summary for HMRC and the
 * DWP. Every partner's letter carries the benefits-advice signpost and their "your involvement" link. Message ids name
 * the export (or tax year) and the appointment, so writing one twice is one e-mail.
 */
public final class PayrollLetters {
    private static final Words WORDS = Words.of("payroll");
    private final PartnerLetters partnerLetters;
    private final String staffSiteUrl;

    public PayrollLetters(PartnerLetters partnerLetters, String staffSiteUrl) {
        if (staffSiteUrl == null || !staffSiteUrl.matches("https?://[^\\s]+"))
            throw new IllegalArgumentException("The staff site address must be an http(s) address");
        this.partnerLetters = partnerLetters;
        this.staffSiteUrl = staffSiteUrl.replaceAll("/+$", "");
    }

    /** To finance: an export is ready to download and pay. */
    public OutboxMessage exportReady(PayrollExport e, String financeEmail, Instant now) {
        Letter l =
                Letter.of(WORDS, "exportReady")
                        .say(
                                "intro",
                                "month",
                                month(e),
                                "payments",
                                e.payments(),
                                "partners",
                                e.partners())
                        .say(
                                "totals",
                                "involvement",
                                Money.pounds(e.involvementPence()),
                                "expenses",
                                Money.pounds(e.expensesPence()))
                        .say("next")
                        .linked("link", staffSiteUrl + StaffPaths.FINANCE_EXPORT.fill(e.id()));
        return new OutboxMessage(
                "payroll-export-" + e.id(),
                l.send(financeEmail, "month", month(e)),
                now,
                now,
                0,
                "payroll-export");
    }

    /** To a partner, when the export holding {@code theirs} (their payments in it) is paid. */
    public OutboxMessage statement(
            Role role, Partner p, PayrollExport e, List<PaymentRecord> theirs, Instant now) {
        long involvement = theirs.stream().mapToLong(PaymentRecord::involvementPence).sum();
        long expenses = theirs.stream().mapToLong(PaymentRecord::expensesPence).sum();
        Letter l =
                Letter.of(WORDS, "statement")
                        .say("greeting", "name", p.involvement().name())
                        .say("intro", "month", month(e), "role", role.title());
        l.bullets(theirs.stream().map(PayrollLetters::line).toList());
        if (involvement > 0) l.say("involvement", "amount", Money.pounds(involvement));
        if (expenses > 0) l.say("expenses", "amount", Money.pounds(expenses));
        l.say("keep");
        PaymentLetters.benefits(l, role);
        partnerLetters.withLink(l, p.id(), now);
        return new OutboxMessage(
                "payroll-statement-" + e.id() + "-" + p.id(),
                l.send(p.involvement().email(), "month", month(e)),
                now,
                now,
                0,
                "payroll-statement");
    }

    /** To a partner once a tax year: what was paid to them through payroll in {@code year}, to declare it. */
    public OutboxMessage taxYearSummary(
            Role role,
            Partner p,
            TaxYear year,
            long involvementPence,
            long expensesPence,
            Instant now) {
        Letter l =
                Letter.of(WORDS, "taxYear")
                        .say("greeting", "name", p.involvement().name())
                        .say(
                                "intro",
                                "from",
                                ClosingTime.displayDate(year.first()),
                                "to",
                                ClosingTime.displayDate(year.last()),
                                "role",
                                role.title())
                        .say("involvement", "amount", Money.pounds(involvementPence))
                        .say("expenses", "amount", Money.pounds(expensesPence))
                        .say("hmrc")
                        .say("dwp");
        PaymentLetters.benefits(l, role);
        partnerLetters.withLink(l, p.id(), now);
        return new OutboxMessage(
                "payroll-tax-year-" + year.startYear() + "-" + p.id(),
                l.send(p.involvement().email(), "year", year.label()),
                now,
                now,
                0,
                "payroll-tax-year");
    }

    /** "1 March 2027 to 3 March 2027: involvement payment £150.00, expenses £23.40". */
    private static String line(PaymentRecord pay) {
        String dates =
                pay.firstDate().equals(pay.lastDate())
                        ? ClosingTime.displayDate(pay.firstDate())
                        : WORDS.format(
                                "dates.range",
                                "from",
                                ClosingTime.displayDate(pay.firstDate()),
                                "to",
                                ClosingTime.displayDate(pay.lastDate()));
        return WORDS.format(
                "email.statement.line",
                "dates",
                dates,
                "involvement",
                Money.pounds(pay.involvementPence()),
                "expenses",
                Money.pounds(pay.expensesPence()));
    }

    static String month(PayrollExport e) {
        return ClosingTime.monthAndYear(LocalDate.of(e.month().getYear(), e.month().getMonth(), 1));
    }
}
