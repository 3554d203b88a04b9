package org.involve.handlers.views;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.UkTime;
import org.involve.core.kit.Words;
import org.involve.core.payments.PaymentRecord;
import org.involve.core.payroll.FinanceDesk;
import org.involve.core.payroll.PayrollExport;
import org.involve.core.role.Money;
import org.involve.core.staff.StaffMember;

/** The finance pages (templates in staff/finance/): the payroll exports, and one export to download and mark paid. */
public final class FinancePages {
    public static final String AREA = "/staff/finance";
    private static final Words W = Words.of("payroll");

    private FinancePages() {}

    public record Exports(StaffMember member, List<PayrollExport> exports) {}

    public record One(
            StaffMember member, FinanceDesk.Detail detail, String notice, String problem) {
        public PayrollExport export() {
            return detail.export();
        }

        public List<SummaryRow> summary() {
            PayrollExport e = detail.export();
            List<SummaryRow> rows = new ArrayList<>();
            rows.add(
                    new SummaryRow(
                            W.get("page.financeExport.made"), UkTime.display(e.createdAt())));
            rows.add(
                    new SummaryRow(
                            W.get("page.financeExport.payments"), String.valueOf(e.payments())));
            rows.add(
                    new SummaryRow(
                            W.get("page.financeExport.partners"), String.valueOf(e.partners())));
            rows.add(
                    new SummaryRow(
                            W.get("page.financeExport.involvement"),
                            Money.pounds(e.involvementPence())));
            rows.add(
                    new SummaryRow(
                            W.get("page.financeExport.expenses"), Money.pounds(e.expensesPence())));
            rows.add(
                    new SummaryRow(
                            W.get("page.financeExport.total"), Money.pounds(e.totalPence())));
            rows.add(new SummaryRow(W.get("page.financeExport.status"), status(e)));
            return rows;
        }
    }

    public static String exports(StaffMember member, List<PayrollExport> exports) {
        return Templates.render("staff/finance/exports.jte", new Exports(member, exports));
    }

    public static String export(
            StaffMember member, FinanceDesk.Detail detail, String notice, String problem) {
        return Templates.render(
                "staff/finance/export.jte", new One(member, detail, notice, problem));
    }

    /** "November 2026". */
    public static String month(PayrollExport e) {
        return ClosingTime.monthAndYear(LocalDate.of(e.month().getYear(), e.month().getMonth(), 1));
    }

    public static String status(PayrollExport e) {
        return e.paid()
                ? W.format(
                        "page.financeExport.paidOn",
                        "date",
                        ClosingTime.displayDate(LocalDate.ofInstant(e.paidAt(), ClosingTime.UK)))
                : W.get("page.finance.status.ready");
    }

    public static String dates(PaymentRecord p) {
        return p.firstDate().equals(p.lastDate())
                ? ClosingTime.displayDate(p.firstDate())
                : W.format(
                        "dates.range",
                        "from",
                        ClosingTime.displayDate(p.firstDate()),
                        "to",
                        ClosingTime.displayDate(p.lastDate()));
    }
}
