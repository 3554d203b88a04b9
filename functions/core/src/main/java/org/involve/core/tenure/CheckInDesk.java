package org.involve.core.tenure;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.NotFound;
import org.involve.core.kit.Read;
import org.involve.core.kit.Words;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerChanges;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * The answers to an annual check-in: the partner's short form from their link (how it is going, support needed; the
 * team is told), and the team's record of the conversation, which carries the check-in's version. Each is one
 * transaction with its audit entry, written on condition nothing changed meanwhile. Answers can be changed while the
 * partner is still in the role; the latest check-in is the one on the page.
 */
public final class CheckInDesk {
    public static final String HOW_GOING = "howGoing", SUPPORT = "support", NOTES = "notes";
    static final int MAX_ANSWER = 2000, MAX_NOTES = 4000;
    private static final Words WORDS = Words.of("tenure");
    private final CheckIns checkIns;
    private final PartnerChanges partners;
    private final RoleReader roles;
    private final CheckInLetters letters;
    private final Clock clock;

    public CheckInDesk(
            CheckIns checkIns,
            PartnerChanges partners,
            RoleReader roles,
            CheckInLetters letters,
            Clock clock) {
        this.checkIns = checkIns;
        this.partners = partners;
        this.roles = roles;
        this.letters = letters;
        this.clock = clock;
    }

    public sealed interface Result {
        /** Done; {@code notice} is the key of the notice to show (notice.checkIn.*). */
        record Done(Partner partner, String notice) implements Result {}

        /** Nothing was done, for {@code reason} (plain words for the page). */
        record Refused(Partner partner, String reason) implements Result {}

        record Invalid(Partner partner, FieldErrors errors) implements Result {}
    }

    /**
     * The partner's latest check-in, if one was asked: this year's, or last year's while this year's is not asked yet
     * (the morning job has not run, or this anniversary falls on the last day in the role).
     */
    public Optional<CheckIn> latest(Partner p) {
        LocalDate today = clock.instant().atZone(ClosingTime.UK).toLocalDate();
        int year = CheckInRules.yearDue(p.appointment().start(), today);
        if (year == 0) return Optional.empty();
        Optional<CheckIn> c = checkIns.find(p.id(), year);
        return c.isPresent() || year == 1 ? c : checkIns.find(p.id(), year - 1);
    }

    /** The partner, from their link: how is it going, and do they need support? The team is told. */
    public Result partnerAnswers(String appointmentId, String howGoing, String support) {
        Partner p = partners.partner(appointmentId);
        Optional<CheckIn> c = latest(p);
        if (!p.current() || c.isEmpty())
            return new Result.Refused(p, WORDS.get("error.checkIn.notOpen"));
        String how = howGoing == null ? "" : howGoing.strip();
        String help = support == null ? "" : support.strip();
        FieldErrors errors = new FieldErrors();
        if (how.isEmpty()) errors.add(HOW_GOING, WORDS.get("field.howGoing.error"));
        else if (how.length() > MAX_ANSWER)
            errors.add(HOW_GOING, WORDS.get("field.howGoing.tooLong"));
        if (help.length() > MAX_ANSWER) errors.add(SUPPORT, WORDS.get("field.support.tooLong"));
        if (!errors.isEmpty()) return new Result.Invalid(p, errors);
        Instant now = clock.instant();
        CheckIn after = c.get().answered(how, help, now.atZone(ClosingTime.UK).toLocalDate());
        AuditEntry audit =
                new AuditEntry(
                        "partner",
                        "answer the annual check-in",
                        p.auditRecord(),
                        now,
                        c.get().partnerAnswered() ? "check-in answered" : null,
                        "check-in " + after.year() + " answered");
        OutboxMessage toTeam = letters.partnerAnswered(role(p), p, after, now);
        if (!checkIns.save(c.get(), after, List.of(audit), List.of(toTeam)))
            return new Result.Refused(p, WORDS.get("error.checkIn.changedMeanwhile"));
        return new Result.Done(p, "answered");
    }

    /** Staff record the conversation, on condition the check-in is still at the version their form was read at. */
    public Result staffRecords(
            StaffMember who, String appointmentId, String notes, String version) {
        who.require(Permission.APPOINT_PARTNERS);
        Partner p = partners.partner(appointmentId);
        Optional<CheckIn> c = latest(p);
        if (c.isEmpty()) return new Result.Refused(p, WORDS.get("error.checkIn.notOpen"));
        if (version == null || !version.strip().equals(c.get().formVersion()))
            return new Result.Refused(p, WORDS.get("error.checkIn.changedMeanwhile"));
        String text = notes == null ? "" : notes.strip();
        if (text.isEmpty())
            return new Result.Invalid(
                    p, FieldErrors.of(NOTES, WORDS.get("field.checkInNotes.error")));
        if (text.length() > MAX_NOTES)
            return new Result.Invalid(
                    p, FieldErrors.of(NOTES, WORDS.get("field.checkInNotes.tooLong")));
        Instant now = clock.instant();
        CheckIn after = c.get().recorded(text, who.id(), now.atZone(ClosingTime.UK).toLocalDate());
        AuditEntry audit =
                AuditEntry.by(
                        who,
                        "record the annual check-in",
                        p.auditRecord(),
                        now,
                        c.get().held() ? "check-in recorded" : null,
                        "check-in " + after.year() + " recorded");
        if (!checkIns.save(c.get(), after, List.of(audit), List.of()))
            return new Result.Refused(p, WORDS.get("error.checkIn.changedMeanwhile"));
        return new Result.Done(p, "recorded");
    }

    private Role role(Partner p) {
        return roles.find(p.appointment().roleId(), Read.EVENTUAL)
                .orElseThrow(() -> new NotFound("No such role"));
    }
}
