package org.involve.core.dataprotection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.involve.core.audit.AuditEntry;
import org.involve.core.audit.AuditTrail;
import org.involve.core.kit.AnswerRules;
import org.involve.core.kit.DateInput;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Letter;
import org.involve.core.kit.References;
import org.involve.core.kit.Refused;
import org.involve.core.kit.Retention;
import org.involve.core.kit.Version;
import org.involve.core.kit.Words;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * A person's rights over their data (UK GDPR articles 15 and 17): staff find a person by e-mail address or
 * application reference, see everything held about them, answer their subject access request with it (due one
 * calendar month after the request was received), or erase it. Each answer and each erasure is audited with the
 * request's dates, under an id of its own: the entry holds no name, address or reference, so it can be kept.
 */
public final class DataProtection {
    public static final String FIND = "find", RECEIVED = "received";

    /** The purpose of the e-mail telling a person their data is erased: once sent, the outbox keeps nothing of it. */
    public static final String ERASURE_DONE = "erasure-done";

    static final Words W = Words.of("dataprotection");
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final Pattern REFERENCE = Pattern.compile("INV-[A-Z0-9]{4}-[A-Z0-9]{4}");

    private final PersonalData data;
    private final AuditTrail audit;

    private final Retention retention;

    public DataProtection(PersonalData data, AuditTrail audit) {
        this(data, audit, Retention.DEFAULTS);
    }

    /** {@code retention}: how long payment records are kept, which the person's letter tells them. */
    public DataProtection(PersonalData data, AuditTrail audit, Retention retention) {
        this.data = data;
        this.audit = audit;
        this.retention = retention;
    }

    /** What staff asked for: the person (by e-mail address or reference) and the day their request came. */
    public sealed interface Lookup {
        Map<String, String> values();

        /** The form is wrong: nothing was looked up. */
        record Invalid(FieldErrors errors, Map<String, String> values) implements Lookup {}

        /** Nobody matches: no record holds that address or reference. */
        record NobodyFound(Map<String, String> values) implements Lookup {}

        record Found(
                Subject subject,
                Held held,
                LocalDate received,
                LocalDate due,
                Map<String, String> values)
                implements Lookup {}
    }

    /** What is held changed after staff read the page they erased from: nothing was erased. */
    public static final class ChangedMeanwhile extends Refused {
        public final Lookup.Found now;

        ChangedMeanwhile(Lookup.Found now) {
            super(W.get("error.changedMeanwhile"));
            this.now = now;
        }
    }

    /** The subject access answer, audited as given. */
    public record Answer(String requestId, Lookup.Found found) {}

    /**
     * An erasure done: how many records went, how many tax law keeps (restricted); the person has been sent an e-mail
     * when an address was known.
     */
    public record Erased(String requestId, int records, int restricted, int told) {}

    /** Finds the person and everything held about them; looking is not itself audited, answering is. */
    public Lookup find(StaffMember who, Map<String, String> form, Instant now) {
        who.require(Permission.DATA_PROTECTION);
        Map<String, String> values = Map.copyOf(form);
        FieldErrors errors = new FieldErrors();
        String lookup = values.getOrDefault(FIND, "").strip();
        boolean byReference = REFERENCE.matcher(lookup.toUpperCase(java.util.Locale.UK)).matches();
        if (lookup.isEmpty()) errors.add(FIND, W.get("field.find.error.missing"));
        else if (!byReference && AnswerRules.email(lookup).isPresent())
            errors.add(FIND, W.get("field.find.error.format"));
        LocalDate today = LocalDate.ofInstant(now, UK);
        LocalDate received = received(values, today, errors);
        if (!errors.isEmpty()) return new Lookup.Invalid(errors, values);
        Optional<Subject> subject =
                byReference
                        ? data.byReference(lookup.toUpperCase(java.util.Locale.UK))
                        : data.byEmail(lookup);
        if (subject.isEmpty()) return new Lookup.NobodyFound(values);
        return new Lookup.Found(
                subject.get(),
                data.heldAbout(subject.get()),
                received,
                received.plusMonths(1),
                values);
    }

    /**
     * The subject access answer: everything held, for the page and the file. Audited as answered today, with the
     * day the request came and the day it was due.
     */
    public Optional<Answer> answer(StaffMember who, Map<String, String> form, Instant now) {
        if (!(find(who, form, now) instanceof Lookup.Found found)) return Optional.empty();
        String requestId = "data-request:" + References.opaqueId();
        audit.append(
                AuditEntry.by(
                        who,
                        "subject access request answered",
                        requestId,
                        now,
                        dates(found),
                        "answered " + LocalDate.ofInstant(now, UK)));
        return Optional.of(new Answer(requestId, found));
    }

    /**
     * Erases everything held about the person but the audit trail, and tells them by e-mail at every address they
     * gave. The audit entry records the request's dates and how many records went, never who they were.
     */
    public Optional<Erased> erase(StaffMember who, Map<String, String> form, Instant now) {
        if (!(find(who, form, now) instanceof Lookup.Found found)) return Optional.empty();
        if (!found.held().version().equals(form.get(Version.FIELD)))
            throw new ChangedMeanwhile(found);
        String requestId = "data-request:" + References.opaqueId();
        int records = found.held().erasable(), restricted = found.held().restricted();
        List<OutboxMessage> told = new ArrayList<>();
        for (String address : found.subject().emailAddresses()) {
            Letter letter = Letter.of(W, "erased").say("done").say("kept");
            if (restricted > 0)
                letter =
                        letter.say(
                                        "restricted",
                                        "years",
                                        String.valueOf(
                                                retention
                                                        .period(Retention.Kind.PAYMENTS)
                                                        .getYears()))
                                .say("restrictedUse");
            told.add(
                    new OutboxMessage(
                            "erased-" + References.opaqueId(),
                            letter.say("contact").send(address),
                            now,
                            now,
                            0,
                            ERASURE_DONE));
        }
        data.erase(
                found.subject(),
                AuditEntry.by(
                        who,
                        "personal data erased on request",
                        requestId,
                        now,
                        dates(found),
                        "erased "
                                + records
                                + " records"
                                + (restricted > 0
                                        ? ", kept " + restricted + " restricted (tax law)"
                                        : "")),
                told,
                W.format(
                        "note.refereeRemoved",
                        "date",
                        org.involve.core.kit.ClosingTime.displayDate(
                                LocalDate.ofInstant(now, UK))));
        return Optional.of(new Erased(requestId, records, restricted, told.size()));
    }

    private static String dates(Lookup.Found found) {
        return "received " + found.received() + ", due " + found.due();
    }

    /** The day the request came: empty means today; it cannot be after today. */
    private static LocalDate received(Map<String, String> v, LocalDate today, FieldErrors errors) {
        DateInput typed = DateInput.of(v, RECEIVED);
        if (typed.empty()) return today;
        LocalDate date = typed.read(errors, W, "field.received.error");
        if (date != null && date.isAfter(today)) {
            typed.reject(errors, W.get("field.received.error.future"));
            return null;
        }
        return date;
    }
}
