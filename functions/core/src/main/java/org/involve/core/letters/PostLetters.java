package org.involve.core.letters;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.involve.core.application.Application;
import org.involve.core.application.Application.Status;
import org.involve.core.application.HandlingFacts;
import org.involve.core.application.NoSuchRoleOrApplication;
import org.involve.core.application.RoundApplications;
import org.involve.core.application.UnacknowledgedApplications;
import org.involve.core.audit.AuditEntry;
import org.involve.core.audit.AuditTrail;
import org.involve.core.interviews.InterviewFacts;
import org.involve.core.interviews.InterviewSchedule;
import org.involve.core.interviews.InterviewSlot;
import org.involve.core.kit.Read;
import org.involve.core.kit.Refused;
import org.involve.core.kit.Words;
import org.involve.core.letters.PrintedLetter.Kind;
import org.involve.core.monitoring.MonitoringCode;
import org.involve.core.role.Role;
import org.involve.core.role.RolePanels;
import org.involve.core.role.RoleReader;
import org.involve.core.role.RoleStatus;
import org.involve.core.staff.AccessDenied;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * Letters staff print and post to an applicant who asked for post (or gave no e-mail): the acknowledgement with the
 * paper equal opportunities form, the interview invitation, and the outcome. Staff group only. The paper form, like
 * entering answers given with a code ({@code MonitoringByCode}), is never for someone on the role's panel. Marking a
 * letter posted is checked against the version the page was read at and leaves an audit entry (who, which letter,
 * when); for the acknowledgement it also records the application as acknowledged by post, closing that task.
 */
public final class PostLetters {
    private static final Words WORDS = Words.of("letters");

    /** What the audit trail says when a letter other than the acknowledgement is posted; the record names the application only. */
    public static final String POSTED = "letter posted: ";

    private final RoleReader roles;
    private final RoundApplications round;
    private final InterviewSchedule schedule;
    private final MonitoringCode codes;
    private final Supplier<RolePanels> panels;
    private final UnacknowledgedApplications acknowledging;
    private final AuditTrail audit;
    private final Clock clock;
    private final LetterWriting writing;

    /**
     * @param siteUrl the public site, where the equal opportunities code can be typed in
     * @param panels each role's panel (nobody on it may print the role's paper form)
     * @param acknowledging records the acknowledgement when its letter is posted
     */
    public PostLetters(
            RoleReader roles,
            RoundApplications round,
            InterviewSchedule schedule,
            MonitoringCode codes,
            Supplier<RolePanels> panels,
            UnacknowledgedApplications acknowledging,
            AuditTrail audit,
            String siteUrl,
            Clock clock) {
        this.roles = roles;
        this.round = round;
        this.schedule = schedule;
        this.codes = codes;
        this.panels = panels;
        this.acknowledging = acknowledging;
        this.audit = audit;
        this.clock = clock;
        this.writing = new LetterWriting(siteUrl);
    }

    /** There is no such letter for this application yet (not invited, no outcome): the message says why. */
    public static final class NoLetter extends Refused {
        NoLetter(String key) {
            super(WORDS.get(key));
        }
    }

    /**
     * Whether {@code who} may print the role's paper equal opportunities form: they may enter monitoring answers and
     * are not on the role's panel (the assessing team must never hold who said what).
     */
    public boolean mayPrintMonitoringForm(StaffMember who, String roleId) {
        return who.may(Permission.ENTER_MONITORING_ANSWERS)
                && !panels.get().panelOf(roleId, Read.CONSISTENT).includes(who.id());
    }

    /** The letter of {@code kind} for application {@code reference}, as it would be printed now. */
    public PrintedLetter letter(StaffMember who, String reference, Kind kind) {
        who.require(Permission.VIEW_APPLICANT_DETAILS);
        Application app = application(reference);
        Role role =
                roles.find(app.roleId(), Read.CONSISTENT)
                        .orElseThrow(() -> new NoSuchRoleOrApplication("role"));
        Instant now = clock.instant();
        return switch (kind) {
            case ACKNOWLEDGEMENT ->
                    writing.acknowledgement(
                            role, app, code(app), mayPrintMonitoringForm(who, role.id()), now);
            case MONITORING_FORM -> {
                if (!mayPrintMonitoringForm(who, role.id()))
                    throw new AccessDenied(
                            Permission.ENTER_MONITORING_ANSWERS, WORDS.get("error.letter.onPanel"));
                yield writing.monitoringFormOnly(role, app, code(app), now);
            }
            case INTERVIEW -> {
                if (InterviewFacts.of(app).invitedAt() == null
                        && app.status() != Status.INVITED_TO_INTERVIEW
                        && app.status() != Status.INTERVIEW_BOOKED)
                    throw new NoLetter("error.letter.noInterview");
                yield writing.interview(role, app, freeTimes(role, now), now);
            }
            case OUTCOME -> {
                if (app.status() == Status.APPOINTED) yield writing.outcome(role, app, true, now);
                if (!unsuccessful(role, app)) throw new NoLetter("error.letter.noOutcome");
                yield writing.outcome(role, app, false, now);
            }
        };
    }

    /** What marking a letter posted did. */
    public enum Posted {
        /** Recorded in the audit trail. */
        RECORDED,
        /** The acknowledgement: the application is now acknowledged by post (with its audit entry). */
        ACKNOWLEDGED,
        /** The acknowledgement had already been recorded (a second press, or a colleague): nothing more was written. */
        ALREADY_ACKNOWLEDGED
    }

    /**
     * Records that {@code who} posted the letter, if the application is still as the page showed it ({@code version});
     * otherwise {@link Application.ChangedMeanwhile} and nothing is written.
     */
    public Posted markPosted(StaffMember who, String reference, Kind kind, String version) {
        PrintedLetter letter = letter(who, reference, kind);
        Application app = letter.application();
        if (kind == Kind.ACKNOWLEDGEMENT) {
            // A repeat is answered from the stored state first: a second press is told it is done.
            if (HandlingFacts.of(app).acknowledged() != null) return Posted.ALREADY_ACKNOWLEDGED;
            app.unchangedSince(version);
            var done =
                    acknowledging.markAcknowledged(
                            who, reference, Map.of(UnacknowledgedApplications.HOW, "post"));
            if (done instanceof UnacknowledgedApplications.Acknowledging.AlreadyAcknowledged)
                return Posted.ALREADY_ACKNOWLEDGED;
            return Posted.ACKNOWLEDGED;
        }
        app.unchangedSince(version);
        audit.append(
                AuditEntry.by(
                        who,
                        POSTED + kind.slug(),
                        "application:" + app.reference(),
                        clock.instant(),
                        null,
                        "posted"));
        return Posted.RECORDED;
    }

    private Application application(String reference) {
        if (reference == null || !reference.matches("INV-[0-9A-Z]{4}-[0-9A-Z]{4}"))
            throw new NoSuchRoleOrApplication("application");
        return round.findByReference(reference, Read.CONSISTENT)
                .orElseThrow(() -> new NoSuchRoleOrApplication("application"));
    }

    private String code(Application app) {
        return codes.forApplication(app.roleId(), app.reference());
    }

    /** Free times still to come, earliest first (the slots' own order). */
    private List<InterviewSlot> freeTimes(Role role, Instant now) {
        return schedule.forRole(role.id()).stream()
                .filter(InterviewSlot::free)
                .filter(s -> s.startsAt().isAfter(now))
                .toList();
    }

    /** Told no: not shortlisted, not appointed, or the role was withdrawn while they were still in the round. */
    private static boolean unsuccessful(Role role, Application app) {
        return app.status() == Status.NOT_SHORTLISTED
                || app.status() == Status.NOT_APPOINTED
                || (role.status() == RoleStatus.WITHDRAWN && !app.status().endedEarly());
    }
}
