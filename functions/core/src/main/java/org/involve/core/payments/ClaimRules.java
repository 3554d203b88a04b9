package org.involve.core.payments;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Words;
import org.involve.core.role.Money;

/**
 * The checks on each line of a claim as a partner or staff enter it: no negative or future claims, nothing outside
 * the partner's time in the role, a reason for a taxi or parking, amounts in pounds and pence and miles to a tenth.
 * Each line is checked on its own page, so a bad line loses nothing already in the draft.
 *
 * @param first     the first day the partner can claim for (they started in the role)
 * @param last      the last ({@link org.involve.core.partners.Partner#lastDayInRole}: the day before their time
 *                  in the role ends, or the day they left if sooner)
 * @param today     the UK date now
 * @param mostPence the largest single amount accepted without a call to the team
 * @param mostTenths the most miles (in tenths) for one journey
 */
public record ClaimRules(
        LocalDate first, LocalDate last, LocalDate today, long mostPence, long mostTenths) {
    private static final Words WORDS = Words.of("payments");
    private static final Pattern POUNDS = Pattern.compile("£?\\s*(-)?(\\d{1,7})(?:\\.(\\d{1,2}))?");
    private static final Pattern MILES = Pattern.compile("(-)?(\\d{1,6})(?:\\.(\\d))?");

    /** A line that passed, or the errors to show in the error summary and by each field. */
    public record Checked<T>(Optional<T> value, FieldErrors errors) {
        static <T> Checked<T> of(T value, FieldErrors errors) {
            return new Checked<>(errors.isEmpty() ? Optional.of(value) : Optional.empty(), errors);
        }
    }

    /** "12.50", "£12.5", "12" as pence; empty when it is not an amount. A minus sign is read, to say so plainly. */
    public static OptionalLong pence(String input) {
        if (input == null) return OptionalLong.empty();
        Matcher m = POUNDS.matcher(input.strip().replace(",", ""));
        if (!m.matches()) return OptionalLong.empty();
        String p = m.group(3) == null ? "0" : (m.group(3) + "0").substring(0, 2);
        long pence = Long.parseLong(m.group(2)) * 100 + Long.parseLong(p);
        return OptionalLong.of(m.group(1) == null ? pence : -pence);
    }

    /** "12", "12.5" as tenths of a mile; empty when it is not a number of miles. */
    public static OptionalLong tenths(String input) {
        if (input == null) return OptionalLong.empty();
        Matcher m = MILES.matcher(input.strip());
        if (!m.matches()) return OptionalLong.empty();
        long tenths =
                Long.parseLong(m.group(2)) * 10
                        + (m.group(3) == null ? 0 : Long.parseLong(m.group(3)));
        return OptionalLong.of(m.group(1) == null ? tenths : -tenths);
    }

    public Checked<Claim.ClaimExpense> expense(
            ApprovedClaim.ExpenseKind kind,
            LocalDate date,
            String amount,
            String reason,
            String receiptKey) {
        FieldErrors errors = new FieldErrors();
        if (kind == null) errors.add("kind", WORDS.get("field.kind.error"));
        checkDate(date, errors);
        long pence = checkAmount(amount, errors);
        boolean needsReason =
                kind == ApprovedClaim.ExpenseKind.TAXI || kind == ApprovedClaim.ExpenseKind.PARKING;
        if (needsReason && (reason == null || reason.isBlank()))
            errors.add("reason", WORDS.get("field.reason.error"));
        if (!errors.isEmpty()) return new Checked<>(Optional.empty(), errors);
        return Checked.of(
                new Claim.ClaimExpense(
                        kind,
                        date,
                        pence,
                        reason == null || reason.isBlank() ? null : reason.strip(),
                        receiptKey),
                errors);
    }

    public Checked<ApprovedClaim.Journey> journey(LocalDate date, Vehicle vehicle, String miles) {
        FieldErrors errors = new FieldErrors();
        checkDate(date, errors);
        if (vehicle == null) errors.add("vehicle", WORDS.get("field.vehicle.error"));
        OptionalLong t = tenths(miles);
        if (t.isEmpty() || t.getAsLong() <= 0) errors.add("miles", WORDS.get("field.miles.error"));
        else if (t.getAsLong() > mostTenths)
            errors.add("miles", WORDS.format("field.miles.error.tooMany", "most", mostTenths / 10));
        if (!errors.isEmpty()) return new Checked<>(Optional.empty(), errors);
        return Checked.of(new ApprovedClaim.Journey(date, vehicle, t.getAsLong()), errors);
    }

    /** Involvement outside meetings (or a meeting not recorded): a date and the time given, in minutes. */
    public Checked<ApprovedClaim.Session> session(LocalDate date, int minutes) {
        FieldErrors errors = new FieldErrors();
        checkDate(date, errors);
        if (minutes <= 0 || minutes > 24 * 60)
            errors.add("minutes", WORDS.get("field.minutes.error"));
        if (!errors.isEmpty()) return new Checked<>(Optional.empty(), errors);
        return Checked.of(new ApprovedClaim.Session(date, minutes), errors);
    }

    private void checkDate(LocalDate date, FieldErrors errors) {
        if (date == null) errors.add("date", WORDS.get("field.date.error"));
        else if (date.isAfter(today)) errors.add("date", WORDS.get("field.date.error.future"));
        else if (date.isBefore(first) || date.isAfter(last))
            errors.add(
                    "date",
                    WORDS.format(
                            "field.date.error.outsideRole",
                            "start",
                            ClosingTime.displayDate(first),
                            "end",
                            ClosingTime.displayDate(last)));
    }

    private long checkAmount(String amount, FieldErrors errors) {
        OptionalLong p = pence(amount);
        if (p.isEmpty()) errors.add("amount", WORDS.get("field.amount.error"));
        else if (p.getAsLong() <= 0) errors.add("amount", WORDS.get("field.amount.error.negative"));
        else if (p.getAsLong() > mostPence)
            errors.add(
                    "amount",
                    WORDS.format("field.amount.error.tooMuch", "most", Money.pounds(mostPence)));
        return p.orElse(0);
    }
}
