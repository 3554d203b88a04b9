package org.involve.core.impact;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.NotFound;
import org.involve.core.kit.Read;
import org.involve.core.kit.Refused;
import org.involve.core.kit.Version;
import org.involve.core.kit.Words;
import org.involve.core.meetings.Meeting;
import org.involve.core.meetings.MeetingPlans;
import org.involve.core.meetings.Meetings;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerStatus;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * A group's impact log ("you said, we did"). Staff who plan the group's meetings (Permission.MANAGE_MEETINGS) record
 * an entry and edit it from a form carrying the version it was read at; each change is stored with its audit entry in
 * one transaction.
 *
 * <p>The digest rule: staff press "send to partners" when the entries are ready, rather than a job sending on a date,
 * because an entry is often written straight after a meeting and finished later, and partners should get the finished
 * words. Pressing sends each of the group's entries not yet sent (read from the sparse unsent index, oldest first, at
 * most {@link #MOST_PER_DIGEST}) to its partners who are active and chose e-mail (not paused, retired or ended), one
 * e-mail each with their "your involvement" link, and marks them sent in the same transaction. Pressing twice sends
 * once: the second press finds nothing unsent. Partners who chose telephone or post are told by staff.
 */
public final class ImpactLog {
    /** More than this in one e-mail is too long to read; the rest go at the next press. */
    public static final int MOST_PER_DIGEST = 20;

    /** A transaction holds at most 100 writes: each entry and its audit entry, and each partner's e-mail. */
    static final int MOST_WRITES = 100;

    private static final Words WORDS = Words.of("impact");
    private final Impacts impacts;
    private final Meetings meetings;
    private final MeetingPlans plans;
    private final RoleReader roles;
    private final ImpactLetters letters;
    private final Clock clock;

    public ImpactLog(
            Impacts impacts,
            Meetings meetings,
            MeetingPlans plans,
            RoleReader roles,
            ImpactLetters letters,
            Clock clock) {
        this.impacts = impacts;
        this.meetings = meetings;
        this.plans = plans;
        this.roles = roles;
        this.letters = letters;
        this.clock = clock;
    }

    public static final class NoSuchEntry extends NotFound {
        public NoSuchEntry() {
            super("No such impact entry");
        }
    }

    /** Someone changed the entry (or it was sent) after this form was read: nothing was saved. */
    public static final class ChangedMeanwhile extends Refused {
        public ChangedMeanwhile() {
            super(WORDS.get("error.changedMeanwhile"));
        }
    }

    public sealed interface Result {
        record Done(ImpactEntry entry) implements Result {}

        record Invalid(Map<String, String> values, FieldErrors errors) implements Result {}
    }

    /** What a press of "send to partners" did: entries sent, e-mails written, and entries left for the next press. */
    public record Sent(int entries, int emails, int left) {}

    public Role role(StaffMember who, String roleId) {
        who.require(Permission.MANAGE_MEETINGS);
        return roles.find(roleId, Read.CONSISTENT).orElseThrow(() -> new NotFound("No such role"));
    }

    /**
     * What the group's log page shows, each read once: the role, its entries (newest first), its meetings by id (to
     * name the meeting each entry came from), how many entries are not yet sent, and how many active partners get the
     * digest by e-mail and how many staff must tell (telephone or post).
     */
    public record LogPage(
            Role role,
            List<ImpactEntry> entries,
            Map<String, Meeting> meetingsById,
            int unsent,
            int byEmail,
            int notByEmail) {}

    public LogPage page(StaffMember who, String roleId) {
        Role role = role(who, roleId);
        List<ImpactEntry> entries = impacts.forRole(roleId);
        int unsent = (int) entries.stream().filter(e -> !e.sent()).count();
        List<Partner> active = activePartners(roleId);
        int byEmail = (int) active.stream().filter(p -> p.involvement().byEmail()).count();
        return new LogPage(
                role, entries, meetingsById(roleId), unsent, byEmail, active.size() - byEmail);
    }

    public ImpactEntry entry(StaffMember who, String roleId, String entryId) {
        who.require(Permission.MANAGE_MEETINGS);
        return impacts.find(entryId)
                .filter(e -> e.roleId().equals(roleId))
                .orElseThrow(NoSuchEntry::new);
    }

    /** The group's meetings held by today, newest first: those an entry can come from. */
    public List<Meeting> meetingsHeld(String roleId) {
        LocalDate today = today(clock.instant());
        List<Meeting> held =
                new ArrayList<>(
                        meetings.forRole(roleId).stream().filter(m -> m.heldBy(today)).toList());
        held.sort(Comparator.comparing(Meeting::startsAt).reversed());
        return held;
    }

    /** The group's meetings by id, to name the meeting each entry came from. */
    public Map<String, Meeting> meetingsById(String roleId) {
        Map<String, Meeting> out = new HashMap<>();
        for (Meeting m : meetings.forRole(roleId)) out.put(m.id(), m);
        return out;
    }

    /**
     * Records a new entry, dated today (UK). Its id is made from the group, the day and the words, so pressing the
     * button twice records it once.
     */
    public Result record(StaffMember who, String roleId, Map<String, String> form) {
        role(who, roleId);
        ImpactForm.Entered f = ImpactForm.read(form, meetingsHeld(roleId));
        if (!f.errors().isEmpty()) return new Result.Invalid(form, f.errors());
        Instant now = clock.instant();
        LocalDate day = today(now);
        ImpactEntry entry =
                new ImpactEntry(
                        Version.of(roleId + "|" + day + "|" + f.youSaid() + "|" + f.weDid()),
                        roleId,
                        f.meetingId(),
                        day,
                        f.youSaid(),
                        f.weDid(),
                        who.id(),
                        now,
                        null,
                        1);
        AuditEntry audit =
                AuditEntry.by(
                        who, "record impact entry", entry.auditRecord(), now, null, state(entry));
        if (!impacts.record(entry, audit))
            return new Result.Done(
                    impacts.find(entry.id()).orElse(entry)); // the same entry, pressed twice
        return new Result.Done(entry);
    }

    /**
     * Changes an entry's words or meeting, from a form carrying the version it was read at.
     *
     * @throws ChangedMeanwhile when someone changed or sent it after the form was read (nothing is saved)
     */
    public Result change(StaffMember who, String roleId, String entryId, Map<String, String> form) {
        ImpactEntry before = entry(who, roleId, entryId);
        if (!Version.matches(form.get(Version.FIELD), before.version()))
            throw new ChangedMeanwhile();
        ImpactForm.Entered f = ImpactForm.read(form, meetingsHeld(roleId));
        if (!f.errors().isEmpty()) return new Result.Invalid(form, f.errors());
        ImpactEntry after = before.changed(f.meetingId(), f.youSaid(), f.weDid());
        if (f.meetingId().equals(before.meetingId())
                && f.youSaid().equals(before.youSaid())
                && f.weDid().equals(before.weDid()))
            return new Result.Done(before); // nothing changed: nothing to store
        Instant now = clock.instant();
        AuditEntry audit =
                AuditEntry.by(
                        who,
                        "change impact entry",
                        before.auditRecord(),
                        now,
                        state(before),
                        state(after));
        if (!impacts.change(before, after, audit)) throw new ChangedMeanwhile();
        return new Result.Done(after);
    }

    /** The partners a digest goes to: the group's partners who are active and chose e-mail. */
    public List<Partner> digestPartners(String roleId) {
        return activePartners(roleId).stream().filter(p -> p.involvement().byEmail()).toList();
    }

    /** The group's partners whose involvement is active (not paused or ended): the ones told of its impact. */
    private List<Partner> activePartners(String roleId) {
        return plans.partners(roleId).stream()
                .filter(p -> p.status() == PartnerStatus.ACTIVE)
                .toList();
    }

    /** Sends the group's entries not yet sent to its partners (see the class's rule). */
    public Sent send(StaffMember who, String roleId) {
        Role role = role(who, roleId);
        List<ImpactEntry> unsent = impacts.unsent(roleId);
        if (unsent.isEmpty()) return new Sent(0, 0, 0);
        List<Partner> to = digestPartners(roleId);
        int room = (MOST_WRITES - to.size()) / 2;
        if (room < 1) throw new Refused(WORDS.get("error.tooManyPartners"));
        List<ImpactEntry> batch =
                unsent.subList(0, Math.min(unsent.size(), Math.min(room, MOST_PER_DIGEST)));
        Instant now = clock.instant();
        LocalDate today = today(now);
        Map<String, Meeting> byId = meetingsById(roleId);
        List<OutboxMessage> digests = new ArrayList<>();
        for (Partner p : to) digests.add(letters.digest(role, p, batch, byId, now));
        List<ImpactEntry> sent = new ArrayList<>();
        List<AuditEntry> audit = new ArrayList<>();
        for (ImpactEntry e : batch) {
            ImpactEntry after = e.sentOn(today);
            sent.add(after);
            audit.add(
                    AuditEntry.by(
                            who,
                            "send impact entry to partners",
                            e.auditRecord(),
                            now,
                            state(e),
                            state(after) + " to " + to.size()));
        }
        if (!impacts.sent(sent, audit, digests)) throw new ChangedMeanwhile();
        return new Sent(batch.size(), digests.size(), unsent.size() - batch.size());
    }

    /** "revision 2, not sent": the audit entry's state (never the words, which the entry holds). */
    static String state(ImpactEntry e) {
        return "revision " + e.revision() + (e.sent() ? ", sent " + e.sentOn() : ", not sent");
    }

    static LocalDate today(Instant now) {
        return now.atZone(ClosingTime.UK).toLocalDate();
    }

    /** "4 March 2027". */
    public static String display(LocalDate day) {
        return ClosingTime.displayDate(day);
    }
}
