package org.involve.handlers.views;

import java.util.List;
import java.util.Map;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Paging;
import org.involve.core.kit.Words;
import org.involve.core.paths.StaffPaths;
import org.involve.core.payments.ClaimDesk;
import org.involve.core.payments.PaymentRecord;
import org.involve.core.role.Money;
import org.involve.core.staff.StaffMember;

/** The staff claims pages (templates in staff/claims/): the claims waiting, and one claim to decide. */
public final class StaffClaimPages {
    public static final String AREA = "/staff/claims";
    public static final String REASON = "reason";
    private static final Words W = Words.of("payments");

    private StaffClaimPages() {}

    /** @param here the page shown, so a claim opened from it leads back to it once decided */
    public record Waiting(
            StaffMember member,
            Paging.Page<ClaimDesk.Waiting> page,
            Paging.Cursor here,
            String notice) {
        public List<ClaimDesk.Waiting> claims() {
            return page.items();
        }

        public String claimHref(ClaimDesk.Waiting w) {
            return StaffPaths.CLAIM.fill(w.claim().id())
                    + (here.isFirst() ? "" : "?" + here.query());
        }

        public String previousHref() {
            return page.previous() == null ? null : listHref(page.previous());
        }

        public String nextHref() {
            return page.next() == null ? null : listHref(page.next());
        }
    }

    /** The waiting list at the page {@code c} names. */
    public static String listHref(Paging.Cursor c) {
        return StaffPaths.CLAIMS.fill() + (c.isFirst() ? "" : "?" + c.query());
    }

    /**
     * @param receiptLinks a short-lived link to each receipt, by its key
     * @param from the page of the waiting list it was opened from, where deciding it leads back to
     */
    public record One(
            StaffMember member,
            ClaimDesk.Waiting waiting,
            Map<String, String> receiptLinks,
            Map<String, String> values,
            FieldErrors errors,
            String problem,
            Paging.Cursor from) {
        public String backHref() {
            return listHref(from);
        }

        public List<ClaimPages.Line> lines() {
            return ClaimPages.lines(waiting.claim());
        }

        /** Whether any line is a cost (the table then has a receipt column). */
        public boolean hasCosts() {
            return !waiting.claim().expenses().isEmpty();
        }

        public String receiptLink(ClaimPages.Line line) {
            return line.receiptKey() == null ? null : receiptLinks.get(line.receiptKey());
        }

        /** The guideline's warnings, then one for each cost that needs a receipt and has none. */
        public List<String> warnings() {
            List<String> all = new java.util.ArrayList<>(waiting.review().warnings());
            for (ClaimPages.Line l : lines())
                if (l.isCost() && l.needsReceipt() && !l.hasReceipt())
                    all.add(W.format("warning.noReceipt", "what", l.what(), "date", l.date()));
            return all;
        }

        public boolean hasErrors() {
            return (errors != null && !errors.isEmpty()) || problem != null;
        }

        public String error(String name) {
            return errors == null ? null : errors.asMap().get(name);
        }

        public String reason() {
            return values == null ? "" : values.getOrDefault(REASON, "");
        }
    }

    public static String waiting(
            StaffMember member,
            Paging.Page<ClaimDesk.Waiting> page,
            Paging.Cursor here,
            String notice) {
        return Templates.render(
                "staff/claims/waiting.jte", new Waiting(member, page, here, notice));
    }

    public static String claim(
            StaffMember member,
            ClaimDesk.Waiting waiting,
            Map<String, String> receiptLinks,
            Map<String, String> values,
            FieldErrors errors,
            String problem,
            Paging.Cursor from) {
        return Templates.render(
                "staff/claims/claim.jte",
                new One(member, waiting, receiptLinks, values, errors, problem, from));
    }

    /** What the claim pays if approved now: involvement, expenses and the total, in pounds. */
    public static List<SummaryRow> payment(ClaimDesk.Waiting w) {
        PaymentRecord p = w.review().preview();
        return List.of(
                new SummaryRow(
                        W.get("page.staffClaim.involvement"),
                        Money.pounds(p.involvementPence()),
                        null,
                        null),
                new SummaryRow(
                        W.get("page.staffClaim.expenses"),
                        Money.pounds(p.expensesPence()),
                        null,
                        null),
                new SummaryRow(
                        W.get("page.staffClaim.total"), Money.pounds(p.totalPence()), null, null));
    }

    public static String total(ClaimDesk.Waiting w) {
        return Money.pounds(w.review().preview().totalPence());
    }
}
