package org.involve.handlers.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Words;
import org.involve.core.payments.ApprovedClaim;
import org.involve.core.payments.Claim;
import org.involve.core.payments.ClaimMaking;
import org.involve.core.payments.Receipts;
import org.involve.core.payments.Vehicle;
import org.involve.core.role.Money;
import org.involve.core.role.Role;

/**
 * The partner's claim pages (templates in payments/), behind their "your involvement" link: the claim being made,
 * with its lines so far, and one page for each kind of line (a cost, a journey, time given).
 */
public final class ClaimPages {
    private static final Words W = Words.of("payments");

    private ClaimPages() {}

    /**
     * One line of the draft as the partner reads it; {@code index} is what removing it posts. {@code cost} is its place
     * among the costs (what a receipt is added for), -1 for time and journeys; {@code receiptKey} its receipt, if any.
     */
    public record Line(
            int index,
            String what,
            String date,
            String amount,
            int cost,
            boolean needsReceipt,
            String receiptKey) {
        public Line(int index, String what, String date, String amount) {
            this(index, what, date, amount, -1, false, null);
        }

        public boolean isCost() {
            return cost >= 0;
        }

        public boolean hasReceipt() {
            return receiptKey != null;
        }
    }

    /**
     * The claim being made. {@code base} is the partner's "your involvement" page; {@code draft} may be null.
     */
    public record Overview(
            Layout.Chrome chrome,
            String base,
            String backLink,
            Role role,
            Claim draft,
            String notice,
            String problem,
            String actingFor,
            boolean receipts) {
        /** Without receipts (staff making a claim for a partner). */
        public Overview(
                Layout.Chrome chrome,
                String base,
                String backLink,
                Role role,
                Claim draft,
                String notice,
                String problem,
                String actingFor) {
            this(chrome, base, backLink, role, draft, notice, problem, actingFor, false);
        }

        public List<Line> lines() {
            return ClaimPages.lines(draft);
        }

        public String action(String step) {
            return base + "/" + step;
        }

        /** The page that adds (or changes) cost {@code cost}'s receipt. */
        public String receipt(int cost) {
            return action(ClaimMaking.RECEIPT) + "?cost=" + cost;
        }
    }

    /**
     * The form that sends one cost's receipt straight to the receipts store (never through our function): it posts to
     * the store's address with the signed hidden fields, the file last. {@code errors} come from the check after an
     * upload (a file that was not a PDF, JPEG or PNG, or too big).
     */
    public record ReceiptForm(
            Layout.Chrome chrome,
            String backLink,
            Role role,
            Line line,
            Receipts.UploadForm form,
            FieldErrors errors) {
        public boolean hasErrors() {
            return errors != null && !errors.isEmpty();
        }

        public String error() {
            return errors == null ? null : errors.asMap().get(ClaimMaking.FILE);
        }

        public String fileField() {
            return Receipts.FILE_FIELD;
        }

        public String forWhat() {
            return W.format(
                    "page.claimReceipt.for",
                    "what",
                    line.what(),
                    "date",
                    line.date(),
                    "amount",
                    line.amount());
        }
    }

    public static String receipt(ReceiptForm page) {
        return Templates.render("payments/claimReceipt.jte", page);
    }

    /** Cost {@code cost} of the claim as a line, or null when there is no such cost. */
    public static Line cost(Claim c, int cost) {
        return lines(c).stream().filter(l -> l.cost() == cost).findFirst().orElse(null);
    }

    /** One line's form: {@code step} is {@link ClaimMaking#COST}, {@link ClaimMaking#JOURNEY} or {@link ClaimMaking#TIME}. */
    public record LineForm(
            Layout.Chrome chrome,
            String step,
            String action,
            String backLink,
            Role role,
            Map<String, String> values,
            FieldErrors errors,
            String problem,
            String actingFor) {
        public boolean hasErrors() {
            return (errors != null && !errors.isEmpty()) || problem != null;
        }

        public String error(String name) {
            return errors == null ? null : errors.asMap().get(name);
        }

        public String value(String name) {
            return values == null ? "" : values.getOrDefault(name, "");
        }

        public String title() {
            return W.get(
                    switch (step) {
                        case ClaimMaking.COST -> "page.claimCost.title";
                        case ClaimMaking.JOURNEY -> "page.claimJourney.title";
                        default -> "page.claimTime.title";
                    });
        }
    }

    public static String overview(Overview page) {
        return Templates.render("payments/claim.jte", page);
    }

    public static String line(LineForm page) {
        return Templates.render("payments/claimLine.jte", page);
    }

    public static Field kind() {
        List<Field.Option> options = new ArrayList<>();
        for (ApprovedClaim.ExpenseKind k : ApprovedClaim.ExpenseKind.values()) {
            String slug = k.name().toLowerCase(Locale.ROOT);
            options.add(
                    new Field.Option(
                            slug,
                            W.get("field.kind." + slug),
                            W.has("field.kind." + slug + ".hint")
                                    ? W.get("field.kind." + slug + ".hint")
                                    : null,
                            false));
        }
        return Field.radios(
                "kind", W.get("field.kind.label"), null, options, W.get("field.kind.error"));
    }

    public static Field vehicle() {
        List<Field.Option> options = new ArrayList<>();
        for (Vehicle v : Vehicle.values())
            options.add(
                    new Field.Option(v.slug(), W.get("field.vehicle." + v.slug()), null, false));
        return Field.radios(
                "vehicle",
                W.get("field.vehicle.label"),
                null,
                options,
                W.get("field.vehicle.error"));
    }

    public static Field amount() {
        return number("amount", W.get("field.amount.label"), W.get("field.amount.hint"));
    }

    public static Field miles() {
        return number("miles", W.get("field.miles.label"), W.get("field.miles.hint"));
    }

    public static Field hours() {
        return number("hours", W.get("field.hours.label"), null);
    }

    public static Field minutes() {
        return number("minutes", W.get("field.minutes.label"), null);
    }

    public static Field reason() {
        return Field.text(
                "reason",
                W.get("field.reason.label"),
                W.get("field.reason.hint"),
                false,
                200,
                null,
                null);
    }

    private static Field number(String name, String label, String hint) {
        return new Field(name, label, hint, Field.Kind.NUMBER, true, 10, List.of(), null, null);
    }

    static List<Line> lines(Claim c) {
        List<Line> lines = new ArrayList<>();
        if (c == null) return lines;
        int i = 0;
        for (ApprovedClaim.Session s : c.involvement())
            lines.add(
                    new Line(
                            i++,
                            W.format("page.claim.line.time", "time", time(s.minutes())),
                            ClosingTime.displayDate(s.date()),
                            W.get("page.claim.amount.worked")));
        int cost = 0;
        for (Claim.ClaimExpense e : c.expenses()) {
            String kind = W.get("field.kind." + e.kind().name().toLowerCase(Locale.ROOT));
            lines.add(
                    new Line(
                            i++,
                            e.reason() == null
                                    ? W.format("page.claim.line.cost", "kind", kind)
                                    : W.format(
                                            "page.claim.line.costReason",
                                            "kind",
                                            kind,
                                            "reason",
                                            e.reason()),
                            ClosingTime.displayDate(e.date()),
                            Money.pounds(e.pence()),
                            cost++,
                            e.kind().needsReceipt(),
                            e.receiptKey()));
        }
        for (ApprovedClaim.Journey j : c.journeys())
            lines.add(
                    new Line(
                            i++,
                            W.format(
                                    "page.claim.line.journey",
                                    "vehicle",
                                    W.get("field.vehicle." + j.vehicle().slug()),
                                    "miles",
                                    j.tenths() % 10 == 0
                                            ? String.valueOf(j.tenths() / 10)
                                            : j.tenths() / 10 + "." + j.tenths() % 10),
                            ClosingTime.displayDate(j.date()),
                            W.get("page.claim.amount.worked")));
        return lines;
    }

    private static String time(int minutes) {
        int h = minutes / 60, m = minutes % 60;
        String hours = h == 0 ? "" : W.format(h == 1 ? "time.hour" : "time.hours", "n", h);
        String mins = m == 0 ? "" : W.format(m == 1 ? "time.minute" : "time.minutes", "n", m);
        return (hours + " " + mins).strip();
    }
}
