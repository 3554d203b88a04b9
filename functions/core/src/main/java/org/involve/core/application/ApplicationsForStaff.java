package org.involve.core.application;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.involve.core.kit.Section;
import org.involve.core.kit.Words;
import org.involve.core.monitoring.MonitoringCode;
import org.involve.core.monitoring.MonitoringToken;
import org.involve.core.outbox.UndeliverableAddress;
import org.involve.core.outbox.UndeliverableLookup;
import org.involve.core.paths.PublicPaths;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * Applications as the patient and public involvement team see them: each role's applications and their state, and
 * one application with every answer (never monitoring answers: they are not in an application). Staff group only.
 */
public final class ApplicationsForStaff {
    private static final Words WORDS = Words.of("applications");
    private final RoleReader roles;
    private final RoundApplications round;
    private final OutstandingAcknowledgements outstanding;
    private final String siteUrl;
    private final MonitoringToken monitoringTokens;
    private final Clock clock;
    private final UndeliverableLookup undeliverable;
    private final MonitoringCode monitoringCodes;

    /** Without the undeliverable-address list (tests that are not about bounces). */
    public ApplicationsForStaff(
            RoleReader roles,
            RoundApplications round,
            OutstandingAcknowledgements outstanding,
            String siteUrl,
            MonitoringToken monitoringTokens,
            Clock clock) {
        this(roles, round, outstanding, siteUrl, monitoringTokens, clock, UndeliverableLookup.NONE);
    }

    /**
     * @param siteUrl the public site, for the link to the equal opportunities form
     * @param undeliverable addresses e-mail no longer reaches, shown on the application so staff telephone or write
     */
    public ApplicationsForStaff(
            RoleReader roles,
            RoundApplications round,
            OutstandingAcknowledgements outstanding,
            String siteUrl,
            MonitoringToken monitoringTokens,
            Clock clock,
            UndeliverableLookup undeliverable) {
        this(roles, round, outstanding, siteUrl, monitoringTokens, clock, undeliverable, null);
    }

    /** @param monitoringCodes the applicants' equal opportunities short codes, for staff to pass on (null: none shown) */
    public ApplicationsForStaff(
            RoleReader roles,
            RoundApplications round,
            OutstandingAcknowledgements outstanding,
            String siteUrl,
            MonitoringToken monitoringTokens,
            Clock clock,
            UndeliverableLookup undeliverable,
            MonitoringCode monitoringCodes) {
        if (siteUrl == null || !siteUrl.matches("https?://[^\\s]+"))
            throw new IllegalArgumentException("The site address must be an http(s) address");
        this.roles = roles;
        this.round = round;
        this.outstanding = outstanding;
        this.siteUrl = siteUrl.replaceAll("/+$", "");
        this.monitoringTokens = monitoringTokens;
        this.clock = clock;
        this.undeliverable = undeliverable;
        this.monitoringCodes = monitoringCodes;
    }

    /**
     * The applicant's equal opportunities short code ({@link MonitoringCode}), for staff to read out or put in a
     * letter, or null when codes are not shown here. It is worked out, not stored: the same each time.
     */
    public String monitoringCode(Application app) {
        return monitoringCodes == null
                ? null
                : monitoringCodes.forApplication(app.roleId(), app.reference());
    }

    /**
     * The applicant's own link to the separate equal opportunities form, for staff to pass on (read out, or put in a
     * letter) when the applicant gets no e-mail. Staff never see answers: the form only writes, to a table no staff
     * page can read.
     */
    public String monitoringLink(Application app) {
        return siteUrl
                + PublicPaths.monitoringForm(
                        app.roleId(),
                        monitoringTokens.forApplication(app.roleId(), app.reference()));
    }

    /** A role with how many applications it has, how many are held to talk first, and how many are not yet acknowledged. */
    public record RoleCounts(Role role, int applications, int held, int unacknowledged) {}

    /**
     * Every role that has been published, with its counts; roles still in draft have no applications. Reads each
     * role's kept count, the applications held and those not yet acknowledged: never every application.
     */
    public List<RoleCounts> overview(StaffMember who) {
        who.require(Permission.VIEW_APPLICANT_DETAILS);
        Map<String, Long> waiting =
                outstandingNow().stream()
                        .collect(Collectors.groupingBy(Application::roleId, Collectors.counting()));
        Map<String, Long> held =
                round.heldToTalkFirst().stream()
                        .filter(TalkFirstQueue::isHeld)
                        .collect(Collectors.groupingBy(Application::roleId, Collectors.counting()));
        List<Role> published = StaffLookup.publishedRoles(roles);
        Map<String, Integer> counts = round.ofEach(published.stream().map(Role::id).toList());
        return published.stream()
                .map(
                        r ->
                                new RoleCounts(
                                        r,
                                        counts.get(r.id()),
                                        held.getOrDefault(r.id(), 0L).intValue(),
                                        waiting.getOrDefault(r.id(), 0L).intValue()))
                .toList();
    }

    /** One application in a role's list: whether it is acknowledged yet. */
    public record Row(Application application, boolean acknowledged) {
        /** "Online", or "Telephone call, entered by Sam Staff". */
        public String howItCameIn() {
            return ApplicationsForStaff.howItCameIn(application);
        }
    }

    /** @param closed null while the role takes applications, so staff may enter one on an applicant's behalf */
    public record RoleApplications(
            Role role, List<Row> rows, EnteringForApplicant.Entry.Closed closed) {}

    /** The role's applications, oldest first. */
    public RoleApplications forRole(StaffMember who, String roleId) {
        who.require(Permission.VIEW_APPLICANT_DETAILS);
        Role role = StaffLookup.role(roles, roleId);
        Set<String> waiting =
                outstandingNow().stream()
                        .filter(a -> a.roleId().equals(roleId))
                        .map(Application::reference)
                        .collect(Collectors.toSet());
        return new RoleApplications(
                role,
                round.forRole(roleId).stream()
                        .map(a -> new Row(a, !waiting.contains(a.reference())))
                        .toList(),
                EnteringForApplicant.closedNow(who, role, clock.instant()));
    }

    /**
     * One application for staff: its sections as the applicant was asked them (so a section added to the form later
     * shows here too), whether it is acknowledged, and what the applicant declared if it is held.
     */
    public record Shown(
            Role role,
            Application application,
            List<Section> sections,
            boolean acknowledged,
            List<String> declared,
            UndeliverableAddress unreachable) {
        public String howItCameIn() {
            return ApplicationsForStaff.howItCameIn(application);
        }
    }

    public Shown application(StaffMember who, String reference) {
        who.require(Permission.VIEW_APPLICANT_DETAILS);
        Application app = StaffLookup.application(round, reference);
        Role role = StaffLookup.role(roles, app.roleId());
        boolean acknowledged =
                outstandingNow().stream().noneMatch(a -> a.reference().equals(reference));
        return new Shown(
                role,
                app,
                new ApplicationForm(role).sections(app.answers()),
                acknowledged,
                StaffLookup.declared(role, app),
                undeliverable.find(app.answer(ApplicationForm.EMAIL)).orElse(null));
    }

    public static String howItCameIn(Application app) {
        HandlingFacts facts = HandlingFacts.of(app);
        if (!facts.enteredByStaff()) return WORDS.get("page.application.cameInOnline");
        String channel = EnteringForApplicant.RECEIVED_BY_FIELD.labelFor(facts.channel());
        return facts.enteredByName() == null
                ? WORDS.format("page.application.enteredByStaff", "channel", channel)
                : WORDS.format(
                        "page.application.enteredBy",
                        "channel",
                        channel,
                        "name",
                        facts.enteredByName());
    }

    private List<Application> outstandingNow() {
        return outstanding.submittedBy(clock.instant());
    }
}
