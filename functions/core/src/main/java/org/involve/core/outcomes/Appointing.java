package org.involve.core.outcomes;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.application.RoundApplications;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.DateInput;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Read;
import org.involve.core.kit.Version;
import org.involve.core.kit.Words;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.Offer;
import org.involve.core.partners.PartnerLetters;
import org.involve.core.partners.PartnerRecords;
import org.involve.core.role.Role;
import org.involve.core.role.RoleEditor;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * Staff appoint an applicant whose references are both in: they confirm the start date, whether the payment is
 * accepted or declined, and, for someone already at the paid-role limit, that they will step down from another paid role.
 * The partner record, the application's move to APPOINTED with its successful outcome, the audit entries and the
 * welcome e-mail (or a staff task) are written together, once.
 */
public final class Appointing {
    public static final String START = "start", PAYMENT = "payment", STEP_DOWN = "stepDown";
    private final RoleEditor roles;
    private final RoundApplications round;
    private final PartnerRecords partners;
    private final OutcomeLetters letters;
    private final PartnerLetters partnerLetters;
    private final RoleFilling filling;
    private final Clock clock;

    public Appointing(
            RoleEditor roles,
            RoundApplications round,
            PartnerRecords partners,
            OutcomeLetters letters,
            PartnerLetters partnerLetters,
            Clock clock) {
        this.roles = roles;
        this.partnerLetters = partnerLetters;
        this.round = round;
        this.partners = partners;
        this.letters = letters;
        this.filling = new RoleFilling(roles, round);
        this.clock = clock;
    }

    public static final class NotFound extends org.involve.core.kit.NotFound {
        public NotFound() {
            super("No such role or application");
        }
    }

    /** A closed role with how many are ready to appoint and how many are appointed. */
    public record RoleSummary(Role role, int ready, int appointed) {}

    /** One applicant on the role's page: ready to appoint, or appointed with their record. */
    public record Candidate(Application application, Appointment appointment) {}

    /** The appointment form: the applicant, the values to show, and whether they are at the paid-role limit. */
    public record Form(
            Role role,
            Application application,
            Map<String, String> values,
            int paidRolesHeld,
            boolean atLimit) {}

    public sealed interface Result {
        record Appointed(Appointment appointment, List<String> messageIds) implements Result {}

        record Invalid(FieldErrors errors) implements Result {}

        record Refused(String reason) implements Result {}
    }

    /**
     * The roles whose round is at the appointing stage (shortlisting), with those ready to appoint and those appointed.
     * A filled role is left out: it is filled once every applicant has an outcome (RoleFilling), so nobody in it is
     * ready to appoint, and its partners are in the directory; reading its round's applications would make the page
     * cost every round ever filled.
     */
    public List<RoleSummary> roles(StaffMember who) {
        who.require(Permission.APPOINT_PARTNERS);
        List<RoleSummary> out = new ArrayList<>();
        for (Role r : roles.beingShortlisted()) {
            List<Application> apps = round.forRole(r.id());
            int ready =
                    (int)
                            apps.stream()
                                    .filter(
                                            a ->
                                                    a.status()
                                                            == Application.Status
                                                                    .REFERENCES_RECEIVED)
                                    .count();
            int appointed =
                    (int)
                            apps.stream()
                                    .filter(a -> a.status() == Application.Status.APPOINTED)
                                    .count();
            if (ready + appointed > 0) out.add(new RoleSummary(r, ready, appointed));
        }
        return out;
    }

    public Role role(StaffMember who, String roleId) {
        who.require(Permission.APPOINT_PARTNERS);
        return roles.find(roleId, Read.CONSISTENT).orElseThrow(NotFound::new);
    }

    /** Applicants ready to appoint (both references in), then those appointed, with their records. */
    public List<Candidate> candidates(StaffMember who, String roleId) {
        role(who, roleId);
        List<Candidate> ready = new ArrayList<>(), appointed = new ArrayList<>();
        for (Application a : round.forRole(roleId)) {
            if (a.status() == Application.Status.REFERENCES_RECEIVED)
                ready.add(new Candidate(a, null));
            if (a.status() == Application.Status.APPOINTED)
                appointed.add(
                        new Candidate(
                                a, partners.find(Appointment.idFor(a.reference())).orElse(null)));
        }
        ready.addAll(appointed);
        return ready;
    }

    public Application application(StaffMember who, String roleId, String reference) {
        role(who, roleId);
        return round.findByReference(reference, Read.CONSISTENT)
                .filter(a -> a.roleId().equals(roleId))
                .orElseThrow(NotFound::new);
    }

    public Optional<Appointment> appointment(StaffMember who, String reference) {
        who.require(Permission.APPOINT_PARTNERS);
        return partners.find(Appointment.idFor(reference));
    }

    /** The form as first shown: the payment answer from the application; the start date for staff to confirm. */
    public Form form(StaffMember who, String roleId, String reference, Map<String, String> posted) {
        Role role = role(who, roleId);
        Application a = application(who, roleId, reference);
        Map<String, String> values = new HashMap<>();
        if (role.payment().isPaid())
            values.put(
                    PAYMENT,
                    "decline".equals(a.answer(ApplicationForm.ACCEPTS_PAYMENT))
                            ? "decline"
                            : "accept");
        if ("yes".equals(a.answer(ApplicationForm.STEP_DOWN))) values.put(STEP_DOWN, "yes");
        if (posted != null) {
            values.remove(STEP_DOWN); // an unticked box is not posted
            values.putAll(posted);
        }
        LocalDate start = parseDate(values, new FieldErrors());
        Offer probe =
                new Offer(
                        role,
                        a,
                        start == null
                                ? LocalDate.now(clock.withZone(org.involve.core.kit.ClosingTime.UK))
                                : start,
                        true,
                        false);
        int held = Appointment.paidRolesHeld(probe, partners.forPerson(a.applicantKey()));
        return new Form(
                role,
                a,
                values,
                held,
                role.payment().isPaid() && held >= role.eligibility().maximumPaidRoles());
    }

    public Result appoint(
            StaffMember who, String roleId, String reference, Map<String, String> posted) {
        Role role = role(who, roleId);
        Application a = application(who, roleId, reference);
        if (a.status() == Application.Status.APPOINTED) {
            return partners.find(Appointment.idFor(reference))
                    .<Result>map(x -> new Result.Appointed(x, List.of()))
                    .orElseGet(
                            () ->
                                    new Result.Refused(
                                            Words.of("outcomes")
                                                    .get("error.appoint.noPartnerRecord")));
        }
        if (a.status() != Application.Status.REFERENCES_RECEIVED) {
            return new Result.Refused(
                    Words.of("outcomes")
                            .format("error.appoint.notReady", "status", a.status().label()));
        }
        a.unchangedSince(posted.get(Version.FIELD));
        FieldErrors errors = new FieldErrors();
        LocalDate start = parseDate(posted, errors);
        String payment = posted.getOrDefault(PAYMENT, "").strip();
        if (role.payment().isPaid() && !payment.equals("accept") && !payment.equals("decline"))
            errors.add(PAYMENT, Words.of("outcomes").get("field.payment.error.missing"));
        if (!errors.isEmpty()) return new Result.Invalid(errors);

        Instant now = clock.instant();
        Offer offer =
                new Offer(
                        role,
                        a,
                        start,
                        !"decline".equals(payment),
                        "yes".equals(posted.get(STEP_DOWN)));
        Appointment.Outcome outcome =
                Appointment.appoint(offer, partners.forPerson(a.applicantKey()), who, now);
        if (outcome instanceof Appointment.Outcome.Refused r) return new Result.Refused(r.reason());
        Appointment.Outcome.Appointed made = (Appointment.Outcome.Appointed) outcome;
        Appointment appointment = made.appointment();

        OutboxMessage message = letters.successful(role, a, appointment, partnerLetters, now);
        Map<String, String> facts = OutcomeFacts.appointed(a, now, appointment.id(), start);
        AuditEntry applicationEntry =
                AuditEntry.by(
                        who,
                        "appointed, and "
                                + (OutcomeFacts.byEmail(a)
                                        ? "sent the welcome email"
                                        : "asked staff to give the outcome by "
                                                + a.contactMethod()),
                        "application:" + reference,
                        now,
                        Application.Status.REFERENCES_RECEIVED.name(),
                        Application.Status.APPOINTED.name());
        if (!partners.appoint(
                a, appointment, facts, List.of(made.audit(), applicationEntry), List.of(message))) {
            // Someone else appointed them this moment (the same appointment), or the application
            // moved on.
            Application now2 =
                    round.findByReference(reference, Read.CONSISTENT).orElseThrow(NotFound::new);
            if (now2.status() == Application.Status.APPOINTED)
                return appoint(who, roleId, reference, posted);
            return new Result.Refused(Words.of("outcomes").get("error.appoint.changedMeanwhile"));
        }
        filling.fillIfEveryoneHasAnOutcome(roleId, who, now);
        return new Result.Appointed(appointment, List.of(message.id()));
    }

    /** The start date from the NHS.UK date input ({@code start-day}, {@code start-month}, {@code start-year}). */
    static LocalDate parseDate(Map<String, String> v, FieldErrors errors) {
        return DateInput.of(v, START).required(errors, Words.of("outcomes"), "field.start.error");
    }
}
