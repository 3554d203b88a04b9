package org.involve.core.payments;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.DateInput;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Words;
import org.involve.core.partners.Partner;

/**
 * A partner (or staff for a partner who chose telephone or post) making a claim: each line is added on its own page
 * and checked by {@link ClaimRules}; every line that passes is stored at once in the partner's draft, so a mistake
 * in one line loses nothing already added. The draft is sent for a decision when they say so.
 *
 * <p>Form fields: a date as {@code date-day}, {@code date-month}, {@code date-year}; {@code kind} (an expense's
 * {@link ApprovedClaim.ExpenseKind}, lower case); {@code amount} in pounds; {@code reason}; {@code vehicle} ({@link
 * Vehicle#slug()}); {@code miles}; {@code hours} and {@code minutes}.
 */
public final class ClaimMaking {
    public static final String OVERVIEW = "claim";
    public static final String COST = "claim-cost";
    public static final String JOURNEY = "claim-journey";
    public static final String TIME = "claim-time";
    public static final String SEND = "claim-send";
    public static final String REMOVE = "claim-remove";

    /** The page with the form that sends one cost's receipt straight to the receipts store ({@code ?cost=<n>}). */
    public static final String RECEIPT = "claim-receipt";

    /** Where the store sends the browser back after an upload ({@code ?cost=<n>&key=...}): we check and keep it. */
    public static final String RECEIPT_ADDED = "claim-receipt-added";

    public static final List<String> STEPS =
            List.of(OVERVIEW, COST, JOURNEY, TIME, SEND, REMOVE, RECEIPT, RECEIPT_ADDED);

    /** The date input of each line of a claim: date-day, date-month and date-year. */
    public static final String DATE = "date";

    /** The file field of the receipt form, for its error. */
    public static final String FILE = Receipts.FILE_FIELD;

    /** The largest single amount taken without a call to the team, and the most miles for one journey. */
    public static final long MOST_PENCE = 50_000;

    public static final long MOST_TENTHS = 5_000;

    private static final Words WORDS = Words.of("payments");
    private final Claims claims;
    private final Receipts receipts;
    private final Clock clock;
    private final Supplier<String> ids;

    /** Without a receipts store: costs are claimed without receipts (staff making a claim for a partner). */
    public ClaimMaking(Claims claims, Clock clock, Supplier<String> ids) {
        this(claims, null, clock, ids);
    }

    public ClaimMaking(Claims claims, Receipts receipts, Clock clock, Supplier<String> ids) {
        this.claims = claims;
        this.receipts = receipts;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * The same, without receipts: for staff making a claim for a partner (their function may only read receipts). A
     * line they take out keeps its receipt in the store until the claim's receipts are deleted with it.
     */
    public ClaimMaking withoutReceipts() {
        return new ClaimMaking(claims, null, clock, ids);
    }

    /** Whether receipts can be added here. */
    public boolean takesReceipts() {
        return receipts != null;
    }

    public sealed interface Result {
        record Saved(Claim claim, String notice) implements Result {}

        record Invalid(FieldErrors errors) implements Result {}

        record Refused(String reason) implements Result {}
    }

    public static boolean step(String step) {
        return STEPS.contains(step);
    }

    /** The partner's claim being made, if they have one. */
    public Optional<Claim> draft(Partner p) {
        return claims.drafts(p.id()).stream().findFirst();
    }

    /** Adds one line ({@link #COST}, {@link #JOURNEY} or {@link #TIME}) to the partner's draft, starting one if needed. */
    public Result add(Partner p, String step, Map<String, String> posted, String onBehalfOf) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(ClosingTime.UK).toLocalDate();
        ClaimRules rules =
                new ClaimRules(
                        p.appointment().start(), p.lastDayInRole(), today, MOST_PENCE, MOST_TENTHS);
        FieldErrors dateErrors = new FieldErrors();
        LocalDate date = date(posted, dateErrors);
        Claim before = draft(p).orElse(null);
        Claim base =
                before != null
                        ? before
                        : Claim.draft(ids.get(), p.id(), p.appointment().roleId(), onBehalfOf, now);
        List<ApprovedClaim.Session> involvement = new ArrayList<>(base.involvement());
        List<Claim.ClaimExpense> expenses = new ArrayList<>(base.expenses());
        List<ApprovedClaim.Journey> journeys = new ArrayList<>(base.journeys());
        ClaimRules.Checked<?> checked =
                switch (step) {
                    case COST -> {
                        var c =
                                rules.expense(
                                        kind(posted.get("kind")),
                                        date,
                                        posted.get("amount"),
                                        posted.get("reason"),
                                        null);
                        c.value().ifPresent(expenses::add);
                        yield c;
                    }
                    case JOURNEY -> {
                        var c =
                                rules.journey(
                                        date,
                                        Vehicle.fromSlug(posted.get("vehicle")),
                                        posted.get("miles"));
                        c.value().ifPresent(journeys::add);
                        yield c;
                    }
                    case TIME -> {
                        var c = rules.session(date, minutes(posted));
                        c.value().ifPresent(involvement::add);
                        yield c;
                    }
                    default -> throw new IllegalArgumentException("Not a line of a claim: " + step);
                };
        if (checked.value().isEmpty() || !dateErrors.isEmpty())
            return new Result.Invalid(fieldIds(dateErrors, checked.errors()));
        if (!journeys.isEmpty()
                && journeys.stream().map(j -> TaxYear.of(j.date())).distinct().count() > 1)
            return new Result.Invalid(
                    FieldErrors.of(DATE + "-day", WORDS.get("field.date.error.otherTaxYear")));
        Claim after = base.withContents(involvement, expenses, journeys);
        if (!claims.save(before, after, entry(p, onBehalfOf, "claim line added", base, after, now)))
            return new Result.Refused(WORDS.get("error.changedMeanwhile"));
        return new Result.Saved(after, "lineAdded");
    }

    /**
     * The form that uploads a receipt for cost {@code cost} (its place among the draft's costs) straight to the store,
     * under a new key of this claim; the store sends the browser back to {@code returnTo}. Empty when there is no
     * such cost in the partner's draft.
     */
    public Optional<Receipts.UploadForm> receiptForm(Partner p, String cost, String returnTo) {
        if (receipts == null) return Optional.empty();
        Claim draft = draft(p).orElse(null);
        int i = index(cost);
        if (draft == null || i < 0 || i >= draft.expenses().size()) return Optional.empty();
        return Optional.of(receipts.uploadForm(Receipts.prefix(draft.id()) + ids.get(), returnTo));
    }

    /** The cost a receipt is for, or empty when the partner's draft has no such cost. */
    public Optional<Claim.ClaimExpense> cost(Partner p, String cost) {
        int i = index(cost);
        return draft(p).filter(d -> i >= 0 && i < d.expenses().size())
                .map(d -> d.expenses().get(i));
    }

    /**
     * After an upload: looks at what was stored under {@code key} and keeps it as cost {@code cost}'s receipt only if
     * it is a PDF, JPEG or PNG (by its first bytes) of at most 10 MB; anything else is deleted at once and the partner
     * told plainly. A receipt the cost already had is replaced (and deleted). Coming back to the same address again
     * changes nothing.
     */
    public Result attachReceipt(Partner p, String cost, String key, String onBehalfOf) {
        Claim before = draft(p).orElse(null);
        int i = index(cost);
        if (receipts == null
                || before == null
                || i < 0
                || i >= before.expenses().size()
                || key == null
                || !key.startsWith(Receipts.prefix(before.id()))
                || !key.matches("[A-Za-z0-9-]{1,64}/[A-Za-z0-9-]{1,64}"))
            return new Result.Refused(WORDS.get("error.receiptNotFound"));
        Claim.ClaimExpense expense = before.expenses().get(i);
        if (key.equals(expense.receiptKey())) return new Result.Saved(before, "receiptAdded");
        Optional<Receipts.Stored> stored = receipts.look(key);
        if (stored.isEmpty())
            return new Result.Invalid(FieldErrors.of(FILE, WORDS.get("field.file.error")));
        String problem =
                stored.get().size() == 0
                        ? "field.file.error.empty"
                        : stored.get().size() > ReceiptType.MOST_BYTES
                                ? "field.file.error.tooBig"
                                : ReceiptType.of(stored.get().first()).isEmpty()
                                        ? "field.file.error.type"
                                        : null;
        if (problem != null) {
            receipts.delete(key);
            return new Result.Invalid(FieldErrors.of(FILE, WORDS.get(problem)));
        }
        List<Claim.ClaimExpense> expenses = new ArrayList<>(before.expenses());
        expenses.set(
                i,
                new Claim.ClaimExpense(
                        expense.kind(), expense.date(), expense.pence(), expense.reason(), key));
        Instant now = clock.instant();
        Claim after = before.withContents(before.involvement(), expenses, before.journeys());
        if (!claims.save(before, after, entry(p, onBehalfOf, "receipt added", before, after, now)))
            return new Result.Refused(WORDS.get("error.changedMeanwhile"));
        if (expense.receiptKey() != null) receipts.delete(expense.receiptKey());
        return new Result.Saved(after, "receiptAdded");
    }

    private static int index(String posted) {
        try {
            return Integer.parseInt(posted == null ? "" : posted.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Takes line {@code index} (in the order the overview lists them: time, costs, journeys) out of the draft. */
    public Result remove(Partner p, String index, String onBehalfOf) {
        Claim before = draft(p).orElse(null);
        if (before == null) return new Result.Refused(WORDS.get("error.noDraft"));
        List<ApprovedClaim.Session> involvement = new ArrayList<>(before.involvement());
        List<Claim.ClaimExpense> expenses = new ArrayList<>(before.expenses());
        List<ApprovedClaim.Journey> journeys = new ArrayList<>(before.journeys());
        int i;
        try {
            i = Integer.parseInt(index == null ? "" : index.strip());
        } catch (NumberFormatException e) {
            return new Result.Refused(WORDS.get("error.noDraft"));
        }
        String receipt = null;
        if (i >= 0 && i < involvement.size()) involvement.remove(i);
        else if ((i -= involvement.size()) >= 0 && i < expenses.size())
            receipt = expenses.remove(i).receiptKey();
        else if ((i -= expenses.size()) >= 0 && i < journeys.size()) journeys.remove(i);
        else return new Result.Refused(WORDS.get("error.noDraft"));
        Instant now = clock.instant();
        Claim after = before.withContents(involvement, expenses, journeys);
        if (!claims.save(
                before, after, entry(p, onBehalfOf, "claim line removed", before, after, now)))
            return new Result.Refused(WORDS.get("error.changedMeanwhile"));
        if (receipt != null && receipts != null) receipts.delete(receipt);
        return new Result.Saved(after, "lineRemoved");
    }

    /** Sends the draft to staff for a decision. */
    public Result submit(Partner p, String onBehalfOf) {
        Claim before = draft(p).orElse(null);
        if (before == null || before.isEmpty())
            return new Result.Refused(WORDS.get("error.nothingClaimed"));
        Instant now = clock.instant();
        Claim after = before.submit(now);
        if (!claims.save(before, after, entry(p, onBehalfOf, "claim sent", before, after, now)))
            return new Result.Refused(WORDS.get("error.changedMeanwhile"));
        return new Result.Saved(after, "claimSent");
    }

    /** The date's own error (which parts are missing, or not a real date) stands for any the rules found with it. */
    private static FieldErrors fieldIds(FieldErrors dateErrors, FieldErrors errors) {
        FieldErrors out = new FieldErrors();
        dateErrors.asMap().forEach(out::add);
        errors.asMap()
                .forEach(
                        (k, v) -> {
                            if (!k.equals(DATE)) out.add(k, v);
                            else if (dateErrors.isEmpty()) out.add(DATE + "-day", v);
                        });
        return out;
    }

    /**
     * The date posted, or null: a date not given is left to {@link ClaimRules}; a date only partly given says which
     * parts are missing; a date that is not real is said so.
     */
    static LocalDate date(Map<String, String> v, FieldErrors errors) {
        return DateInput.of(v, DATE).read(errors, WORDS, "field.date.error");
    }

    static ApprovedClaim.ExpenseKind kind(String posted) {
        for (ApprovedClaim.ExpenseKind k : ApprovedClaim.ExpenseKind.values())
            if (k.name().toLowerCase(java.util.Locale.ROOT).equals(posted)) return k;
        return null;
    }

    /** Hours and minutes as minutes; 0 (refused by the rules) when neither is a whole number. */
    static int minutes(Map<String, String> v) {
        String h = v.getOrDefault("hours", "").strip(), m = v.getOrDefault("minutes", "").strip();
        if (h.isEmpty() && m.isEmpty()) return 0;
        if (!(h.isEmpty() || h.matches("\\d{1,2}")) || !(m.isEmpty() || m.matches("\\d{1,2}")))
            return 0;
        int minutes =
                (h.isEmpty() ? 0 : Integer.parseInt(h) * 60)
                        + (m.isEmpty() ? 0 : Integer.parseInt(m));
        return m.isEmpty() || Integer.parseInt(m) < 60 ? minutes : 0;
    }

    private static AuditEntry entry(
            Partner p, String onBehalfOf, String what, Claim before, Claim after, Instant now) {
        return new AuditEntry(
                onBehalfOf == null ? "partner" : onBehalfOf,
                what,
                "claim#" + after.id(),
                now,
                before.status().name(),
                after.status().name());
    }
}
