package org.involve.core.partners;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.core.application.ApplicationForm;
import org.involve.core.application.ApplicationReader;
import org.involve.core.application.ContactPreference;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.DateInput;
import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.FormValidator;
import org.involve.core.kit.Read;
import org.involve.core.kit.Version;
import org.involve.core.kit.Words;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * The changes to a partner's record, made by the partner from their link or by staff (for partners who chose telephone
 * or post, and for what only staff record: induction and IT support given), and the end of a pause on its return date
 * by the scheduler ({@link #returnOnDate}). Each change is stored with its audit entry
 * in one transaction, on condition nobody changed the record meanwhile; a partner's own change also e-mails the team
 * (and retiring sends the partner a farewell).
 */
public final class PartnerChanges {
    public static final String PAUSE = "pause",
            RETURN = "return",
            RETIRE = "retire",
            CONTACT = "contact",
            IT_SUPPORT = "it-support",
            INDUCTION = "induction",
            IT_GIVEN = "it-given";
    private static final Words WORDS = Words.of("partners");
    private final PartnerRecords records;
    private final RoleReader roles;
    private final ApplicationReader applications;
    private final PartnerLetters letters;
    private final Clock clock;

    public PartnerChanges(
            PartnerRecords records,
            RoleReader roles,
            ApplicationReader applications,
            PartnerLetters letters,
            Clock clock) {
        this.records = records;
        this.roles = roles;
        this.applications = applications;
        this.letters = letters;
        this.clock = clock;
    }

    /** Who makes the change: the partner (from their link) or a staff member. */
    public record Actor(StaffMember staff) {
        public static Actor partner() {
            return new Actor(null);
        }

        public static Actor staff(StaffMember who) {
            who.require(Permission.APPOINT_PARTNERS);
            return new Actor(who);
        }

        public boolean isStaff() {
            return staff != null;
        }

        String auditWho() {
            return staff == null ? "partner" : staff.id();
        }
    }

    public static final class NoSuchPartner extends org.involve.core.kit.NotFound {
        public NoSuchPartner() {
            super("No such partner");
        }
    }

    public sealed interface Result {
        /** Done; {@code notice} is the key of the notice to show (notice.partner.*). */
        record Done(Partner partner, String notice) implements Result {}

        record Invalid(Partner partner, Map<String, String> values, FieldErrors errors)
                implements Result {}

        record Refused(Partner partner, String reason) implements Result {}
    }

    /** The steps a partner can take from their link; staff can take these and record induction and IT support given. */
    public static boolean partnerStep(String step) {
        return List.of(PAUSE, RETURN, RETIRE, CONTACT, IT_SUPPORT).contains(step)
                || PartnerDocument.fromSlug(step) != null;
    }

    public static boolean staffStep(String step) {
        return partnerStep(step) || INDUCTION.equals(step) || IT_GIVEN.equals(step);
    }

    /**
     * Why {@code step} cannot be taken in the partner's state now (the words to show), or empty when it can. Once they
     * have left the role (retired, or their time ended) nothing here can be changed; pausing is for a partner who is
     * active and coming back for one who is paused; the induction is recorded once; IT support is recorded as given
     * only when some was asked for and not given. The pages offer only the steps this allows (a step's page says why
     * instead of showing a form that would be refused), and {@link #act} refuses the rest.
     */
    public static Optional<String> closed(Partner p, String step) {
        return closed(p, step, false);
    }

    /**
     * As {@link #closed(Partner, String)}, in the words for {@code staff} acting for the partner when true (the
     * partner's own words tell them to contact the team, which is who is reading).
     */
    public static Optional<String> closed(Partner p, String step, boolean staff) {
        String key = null;
        if (!p.current()) key = staff ? "error.change.notCurrent.staff" : "error.change.notCurrent";
        else if (PAUSE.equals(step) && p.status() != PartnerStatus.ACTIVE)
            key = "error.change.alreadyPaused";
        else if (RETURN.equals(step) && p.status() != PartnerStatus.PAUSED)
            key = "error.change.notPaused";
        else if (INDUCTION.equals(step) && p.involvement().inductionDone() != null)
            key = "error.change.inductionDone";
        else if (IT_GIVEN.equals(step) && waitingForIt(p).isEmpty())
            key = "error.change.noItWaiting";
        return Optional.ofNullable(key).map(WORDS::get);
    }

    /** {@code step} can be taken in the partner's state now (see {@link #closed}). */
    public static boolean open(Partner p, String step) {
        return closed(p, step).isEmpty();
    }

    /** The partner with their involvement (started from the application for a record made before it was kept). */
    public Partner partner(String appointmentId) {
        PartnerRecords.Stored s = records.partner(appointmentId).orElseThrow(NoSuchPartner::new);
        return complete(s);
    }

    Partner complete(PartnerRecords.Stored s) {
        Optional<Partner> p = s.partner();
        if (p.isPresent()) return p.get();
        Appointment a = s.appointment();
        return applications
                .findByReference(a.applicationReference(), Read.CONSISTENT)
                .map(app -> new Partner(a, Involvement.from(app, a.id())))
                .orElseThrow(NoSuchPartner::new);
    }

    public Role role(Partner p) {
        return roles.find(p.appointment().roleId(), Read.EVENTUAL).orElseThrow(NoSuchPartner::new);
    }

    /** A form's values as first shown: what is on record. */
    public static Map<String, String> values(Partner p, String step) {
        Map<String, String> v = new HashMap<>();
        Involvement i = p.involvement();
        if (CONTACT.equals(step)) {
            v.put(ApplicationForm.FULL_NAME, i.name());
            v.put(ApplicationForm.CONTACT_METHOD, i.contactMethod());
            v.put(ApplicationForm.EMAIL, i.email());
            v.put(ApplicationForm.PHONE, i.phone());
            v.put(ApplicationForm.ADDRESS_LINE_1, i.addressLine1());
            v.put(ApplicationForm.TOWN, i.townOrCity());
            v.put(ApplicationForm.POSTCODE, i.postcode());
            v.put(PartnerForms.ADJUSTMENTS, i.adjustments());
            v.put(PartnerForms.INTEREST_AREAS, i.interestAreas());
        }
        if (PartnerDocument.DECLARATION_OF_INTERESTS.slug().equals(step))
            v.put(PartnerForms.INTERESTS, i.interestsDeclared());
        return v;
    }

    /** IT support asked for and not yet given: what staff can record as given. */
    public static List<ItSupport> waitingForIt(Partner p) {
        List<ItSupport> out = new ArrayList<>();
        p.involvement()
                .itSupport()
                .forEach(
                        (k, r) -> {
                            if (r.given() == null) out.add(k);
                        });
        out.sort(null);
        return out;
    }

    /**
     * Someone else changed the record after a member of staff's form was read, or the form carried no version:
     * nothing was done. {@code current} is the record as it is now.
     */
    public static final class ChangedMeanwhile extends org.involve.core.kit.Refused {
        private final transient Partner current;

        ChangedMeanwhile(Partner current) {
            super(WORDS.get("error.change.staffChangedMeanwhile"));
            this.current = current;
        }

        public Partner current() {
            return current;
        }
    }

    /**
     * Takes {@code step}. A member of staff's form carries the {@link Partner#version} it was read at (field {@link
     * Version#FIELD}): if the record has changed since, {@link ChangedMeanwhile} and nothing is done. A partner's page
     * carries it too: if it has changed since, the step is refused and their answers are shown again.
     */
    public Result act(Actor who, String appointmentId, String step, Map<String, String> posted) {
        if (!(who.isStaff() ? staffStep(step) : partnerStep(step)))
            throw new org.involve.core.kit.NotFound("No such step");
        Partner p = partner(appointmentId);
        if (who.isStaff() && !Version.matches(posted.get(Version.FIELD), p.version()))
            throw new ChangedMeanwhile(p);
        Role role = role(p);
        Optional<String> closed = closed(p, step, who.isStaff());
        if (closed.isPresent()) return new Result.Refused(p, closed.get());
        // A partner's page carries the version it was read at too: an older page (another window,
        // or a change the
        // team made meanwhile) must not overwrite what changed since. Their answers are shown again
        // to send.
        if (!who.isStaff()
                && posted.containsKey(Version.FIELD)
                && !Version.matches(posted.get(Version.FIELD), p.version()))
            return new Result.Refused(p, WORDS.get("error.change.partnerChangedMeanwhile"));
        Instant now = clock.instant();
        LocalDate today = now.atZone(ClosingTime.UK).toLocalDate();
        Change c = change(who, p, step, posted, today);
        if (c instanceof Change.Stop stop) return stop.result();
        Change.Made made = (Change.Made) c;
        Partner after = write(who.auditWho(), !who.isStaff(), p, role, step, made, now);
        if (after == null) return new Result.Refused(p, WORDS.get("error.change.changedMeanwhile"));
        return new Result.Done(after, made.notice());
    }

    /**
     * A pause ends on its return date: the scheduled {@code job} brings back a partner whose return date has come (on
     * or before today, UK date), by the same change and write as their own "Come back" ({@link #RETURN}): active
     * again, the pause cleared, one audit entry (by the job) and the e-mail that tells the team, in one transaction on
     * condition nobody changed the record meanwhile. The record is read again (consistently) first, so a list that lags
     * a change acts on nothing stale.
     *
     * @return true when they came back now; false when the record is not (or no longer) a pause whose return date has
     *     come (they came back, retired, their time ended, or they gave a later date), is gone, or changed meanwhile
     */
    public boolean returnOnDate(String job, String appointmentId, Instant now) {
        Optional<Partner> found;
        try {
            found = records.partner(appointmentId).map(this::complete);
        } catch (NoSuchPartner gone) {
            found = Optional.empty();
        }
        LocalDate today = now.atZone(ClosingTime.UK).toLocalDate();
        if (found.isEmpty() || !found.get().returnDue(today)) return false;
        Partner p = found.get();
        Optional<Role> role = roles.find(p.appointment().roleId(), Read.EVENTUAL);
        if (role.isEmpty()) return false;
        Change.Made made =
                comeBack(
                        p.appointment(),
                        "returned from a pause on the return date " + p.involvement().returnDate(),
                        "returnedOnDate");
        return write(AuditEntry.job(job), true, p, role.get(), RETURN, made, now) != null;
    }

    /**
     * Writes a change with its audit entry ({@code auditWho}) and its e-mails (the team's notice when {@code tellTeam},
     * a farewell to a partner who retires): the record after it, or null, writing nothing, when it changed meanwhile.
     */
    private Partner write(
            String auditWho,
            boolean tellTeam,
            Partner p,
            Role role,
            String step,
            Change.Made made,
            Instant now) {
        Partner after = new Partner(made.appointment(), p.involvement().next(made.values()::apply));
        AuditEntry entry =
                new AuditEntry(
                        auditWho,
                        made.what(),
                        p.auditRecord(),
                        now,
                        p.status().name(),
                        after.status().name());
        List<OutboxMessage> messages = new ArrayList<>();
        if (tellTeam) messages.add(letters.teamNotice(role, after, teamWords(step, made), now));
        if (RETIRE.equals(step) && after.involvement().byEmail())
            messages.add(letters.farewell(role, after, now));
        return records.change(p, after, List.of(entry), messages) ? after : null;
    }

    /** What a step does to the record, or why it stops. */
    private sealed interface Change {
        record Made(Appointment appointment, Edit values, String what, String notice)
                implements Change {}

        record Stop(Result result) implements Change {}
    }

    @FunctionalInterface
    private interface Edit {
        void apply(Involvement.Mutable m);
    }

    private static Change change(
            Actor who, Partner p, String step, Map<String, String> posted, LocalDate today) {
        Appointment a = p.appointment();
        Involvement i = p.involvement();
        FieldErrors errors = new FieldErrors();
        switch (step) {
            case PAUSE -> {
                DateInput typed = DateInput.of(posted, PartnerForms.RETURN_DATE);
                LocalDate back = PartnerForms.optionalDate(typed, errors);
                if (back != null && !back.isAfter(today))
                    typed.reject(errors, WORDS.get("field.returnDate.error.notAfterToday"));
                else if (back != null && !back.isBefore(a.ends()))
                    typed.reject(
                            errors,
                            WORDS.format(
                                    "field.returnDate.error.afterEnd",
                                    "date",
                                    ClosingTime.displayDate(a.ends())));
                if (!errors.isEmpty()) return invalid(p, posted, errors);
                return new Change.Made(
                        a.withStatus(PartnerStatus.PAUSED),
                        m -> {
                            m.pausedOn = today;
                            m.returnDate = back;
                        },
                        back == null ? "paused" : "paused until " + back,
                        "paused");
            }
            case RETURN -> {
                return comeBack(a, "returned from a pause", "returned");
            }
            case RETIRE -> {
                Field confirm = PartnerForms.confirmRetire();
                FormValidator.check(confirm, posted.getOrDefault(confirm.name(), "").strip())
                        .ifPresent(m -> errors.add(confirm.name(), m));
                if (!errors.isEmpty()) return invalid(p, posted, errors);
                return new Change.Made(
                        a.withStatus(PartnerStatus.RETIRED),
                        m -> {
                            m.pausedOn = null;
                            m.returnDate = null;
                            m.lastDayInRole = today;
                        },
                        "retired from the role",
                        "retired");
            }
            case CONTACT -> {
                // Every error at once: each answer's own, then what the contact method needs (a
                // question with an error of its own keeps that one), in the order of the questions.
                FormValidator.Result r = FormValidator.validate(PartnerForms.contact(), posted);
                FieldErrors found = r.errors();
                ContactPreference.check(r.values(), found);
                if (!found.isEmpty())
                    return invalid(p, r.values(), found.inOrderOf(PartnerForms.contact()));
                Map<String, String> v = r.values();
                return new Change.Made(
                        a,
                        m -> {
                            m.name = v.get(ApplicationForm.FULL_NAME);
                            m.contactMethod = v.get(ApplicationForm.CONTACT_METHOD);
                            m.email = v.get(ApplicationForm.EMAIL);
                            m.phone = v.get(ApplicationForm.PHONE);
                            m.addressLine1 = v.get(ApplicationForm.ADDRESS_LINE_1);
                            m.townOrCity = v.get(ApplicationForm.TOWN);
                            m.postcode = v.get(ApplicationForm.POSTCODE);
                            m.adjustments = v.get(PartnerForms.ADJUSTMENTS);
                            m.interestAreas = v.get(PartnerForms.INTEREST_AREAS);
                        },
                        "updated contact details, contact by "
                                + v.get(ApplicationForm.CONTACT_METHOD)
                                + ", adjustments and interest areas",
                        "contact");
            }
            case IT_SUPPORT -> {
                Field kind = PartnerForms.itKind(List.of(ItSupport.values()));
                FormValidator.Result r =
                        FormValidator.validate(List.of(kind, PartnerForms.itDetail()), posted);
                if (!r.errors().isEmpty()) return invalid(p, r.values(), r.errors());
                ItSupport k = ItSupport.fromSlug(r.values().get(PartnerForms.KIND));
                String detail = r.values().get(PartnerForms.DETAIL);
                return new Change.Made(
                        a,
                        m -> m.itSupport.put(k, new Involvement.ItRequest(detail, today, null)),
                        "asked for IT support: " + k.slug(),
                        "itAsked");
            }
            case INDUCTION -> {
                return new Change.Made(
                        a,
                        m -> m.inductionDone = today,
                        "recorded the induction done",
                        "induction");
            }
            case IT_GIVEN -> {
                Field kind = PartnerForms.itKind(waitingForIt(p));
                FormValidator.Result r = FormValidator.validate(List.of(kind), posted);
                if (!r.errors().isEmpty()) return invalid(p, r.values(), r.errors());
                ItSupport k = ItSupport.fromSlug(r.values().get(PartnerForms.KIND));
                Involvement.ItRequest asked = i.itSupport().get(k);
                return new Change.Made(
                        a,
                        m ->
                                m.itSupport.put(
                                        k,
                                        new Involvement.ItRequest(
                                                asked.detail(), asked.asked(), today)),
                        "recorded IT support given: " + k.slug(),
                        "itGiven");
            }
            default -> {
                PartnerDocument d = PartnerDocument.fromSlug(step);
                List<Field> fields = new ArrayList<>();
                if (d == PartnerDocument.DECLARATION_OF_INTERESTS)
                    fields.add(PartnerForms.interests());
                fields.add(PartnerForms.agree(d));
                FormValidator.Result r = FormValidator.validate(fields, posted);
                if (!r.errors().isEmpty()) return invalid(p, r.values(), r.errors());
                String version = PartnerForms.version(d);
                String declared = r.values().get(PartnerForms.INTERESTS);
                return new Change.Made(
                        a,
                        m -> {
                            m.documents.put(
                                    d, new Involvement.Agreed(today, version, who.auditWho()));
                            if (declared != null) m.interestsDeclared = declared;
                        },
                        "agreed the " + d.slug().replace('-', ' ') + ", version " + version,
                        "agreed");
            }
        }
    }

    /** Coming back from a pause, by the partner, staff or on the return date: active again, the pause cleared. */
    private static Change.Made comeBack(Appointment a, String what, String notice) {
        return new Change.Made(
                a.withStatus(PartnerStatus.ACTIVE),
                m -> {
                    m.pausedOn = null;
                    m.returnDate = null;
                },
                what,
                notice);
    }

    /** What the team's e-mail says the partner did: "has paused their role", "has agreed the code of conduct". */
    private static String teamWords(String step, Change.Made made) {
        PartnerDocument document = PartnerDocument.fromSlug(step);
        return document == null
                ? WORDS.get("email.partnerChanged.change." + made.notice())
                : WORDS.format(
                        "email.partnerChanged.change.agreed",
                        "document",
                        WORDS.get("document." + document.slug() + ".inSentence"));
    }

    private static Change invalid(Partner p, Map<String, String> values, FieldErrors errors) {
        return new Change.Stop(new Result.Invalid(p, values, errors));
    }

    /** Documents not yet agreed in their current version. */
    public static List<PartnerDocument> toAgree(Partner p) {
        List<PartnerDocument> out = new ArrayList<>();
        for (PartnerDocument d : EnumSet.allOf(PartnerDocument.class))
            if (!p.involvement().agreedCurrent(d, PartnerForms.version(d))) out.add(d);
        return out;
    }
}
