package org.involve.core.payments;

import java.util.List;
import java.util.Map;

/**
 * The CSV payroll receives: one row per payment and type, taxable involvement payments apart from expenses (which are
 * reimbursements, not income). Only what payroll needs: the partner's payroll reference (never a National Insurance
 * number), the type, whether it is taxable, the amount in pounds with two decimals, the dates it covers and the claim,
 * so a question about a row can be traced. Column names are payroll's, not shown to partners.
 */
public final class PayrollCsv {
    public static final String HEADER =
            "payroll_reference,payment_type,taxable,amount_gbp,period_from,period_to,claim_id";

    private PayrollCsv() {}

    /**
     * @param payments   the payments in this export (each in exactly one export: the caller's job)
     * @param references each appointment's payroll reference; a payment whose partner has none is refused, so nothing
     *                   is paid to an unknown person
     */
    public static String of(List<PaymentRecord> payments, Map<String, String> references) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (PaymentRecord p : payments) {
            String reference = references.get(p.appointmentId());
            if (reference == null || reference.isBlank())
                throw new IllegalArgumentException(
                        "Payment for claim " + p.claimId() + " has no payroll reference");
            if (p.involvementPence() > 0)
                row(csv, reference, "involvement_payment", "yes", p.involvementPence(), p);
            if (p.expensesPence() > 0) row(csv, reference, "expenses", "no", p.expensesPence(), p);
        }
        return csv.toString();
    }

    /** Pence as payroll writes pounds: 15000 is 150.00, 5 is 0.05. */
    static String pounds(long pence) {
        if (pence < 0) throw new IllegalArgumentException("Payroll amounts are never negative");
        return pence / 100 + "." + String.format("%02d", pence % 100);
    }

    private static void row(
            StringBuilder csv,
            String reference,
            String type,
            String taxable,
            long pence,
            PaymentRecord p) {
        csv.append(cell(reference))
                .append(',')
                .append(type)
                .append(',')
                .append(taxable)
                .append(',')
                .append(pounds(pence))
                .append(',')
                .append(p.firstDate())
                .append(',')
                .append(p.lastDate())
                .append(',')
                .append(cell(p.claimId()))
                .append("\r\n");
    }

    /**
     * A text cell, quoted when it must be (RFC 4180), and never read as a formula by a spreadsheet: a value starting
     * with = + - @ or a tab is prefixed with an apostrophe.
     */
    static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r"))
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        return v;
    }
}
