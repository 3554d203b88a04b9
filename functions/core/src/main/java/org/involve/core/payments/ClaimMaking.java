package org.involve.core.payments;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.ClosingTime;
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
    public static final List<String> STEPS = List.of(OVERVIEW, COST, JOURNEY, TIME, SEND, REMOVE);

    /** The largest single amount taken without a call to the team, and the most miles for one journey. */
    public static final long MOST_PENCE = 50_000;

    public static final long MOST_TENTHS = 5_000;

    private static final Words WORDS = Words.of("payments");
    private final Claims claims;
    private final Clock clock;
    private final Supplier<String> ids;

    public ClaimMaking(Claims claims, Clock clock, Supplier<String> ids) {
        this.claims = claims;
        this.clock = clock;
        this.ids = ids;
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
                        p.appointment().start(),
                        p.appointment().ends(),
                        today,
                        MOST_PENCE,
                        MOST_TENTHS);
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
                    FieldErrors.of("date-day", WORDS.get("field.date.error.otherTaxYear")));
        Claim after = base.withContents(involvement, expenses, journeys);
        if (!claims.save(before, after, entry(p, onBehalfOf, "claim line added", base, after, now)))
            return new Result.Refused(WORDS.get("error.changedMeanwhile"));
        return new Result.Saved(after, "lineAdded");
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
        if (i >= 0 && i < involvement.size()) involvement.remove(i);
        else if ((i -= involvement.size()) >= 0 && i < expenses.size()) expenses.remove(i);
        else if ((i -= expenses.size()) >= 0 && i < journeys.size()) journeys.remove(i);
        else return new Result.Refused(WORDS.get("error.noDraft"));
        Instant now = clock.instant();
        Claim after = before.withContents(involvement, expenses, journeys);
        if (!claims.save(
                before, after, entry(p, onBehalfOf, "claim line removed", before, after, now)))
            return new Result.Refused(WORDS.get("error.changedMeanwhile"));
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

    private static FieldErrors fieldIds(FieldErrors dateErrors, FieldErrors errors) {
        FieldErrors out = new FieldErrors();
        dateErrors.asMap().forEach(out::add);
        errors.asMap()
                .forEach(
                        (k, v) -> {
                            String id = k.equals("date") ? "date-day" : k;
                            if (!out.has(id)) out.add(id, v);
                        });
        return out;
    }

    /** The date posted, or null: a date not given is left to {@link ClaimRules}; a date that is not real is said so. */
    static LocalDate date(Map<String, String> v, FieldErrors errors) {
        String d = v.getOrDefault("date-day", "").strip(),
                m = v.getOrDefault("date-month", "").strip(),
                y = v.getOrDefault("date-year", "").strip();
        if (d.isEmpty() && m.isEmpty() && y.isEmpty()) return null;
        try {
            if (d.matches("\\d{1,2}") && m.matches("\\d{1,2}") && y.matches("\\d{4}"))
                return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
        } catch (DateTimeException notARealDate) {
            // falls through to the message
        }
        errors.add("date-day", WORDS.get("field.date.error.notReal"));
        return null;
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
