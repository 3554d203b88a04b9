package org.involve.core.interviews;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.fakes.InMemoryApplications;
import org.involve.core.fakes.InMemoryAuditTrail;
import org.involve.core.fakes.InMemoryDrafts;
import org.involve.core.fakes.InMemoryInterviewSchedule;
import org.involve.core.fakes.InMemoryOutbox;
import org.involve.core.fakes.InMemoryRoles;
import org.involve.core.fakes.InMemoryRound;
import org.involve.core.fakes.InMemoryUsedLinks;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.TestApplications;
import org.involve.core.fakes.TestLinks;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.kit.Read;
import org.involve.core.links.SignedLink;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;

/** A recruitment round at interview stage, in memory: a role whose interview week commences Monday 16 December 2024. */
final class Round {
    final MutableClock clock = new MutableClock(Instant.parse("2024-12-02T10:00:00Z"));
    final InMemoryOutbox outbox = new InMemoryOutbox();
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final InMemoryApplications applications =
            new InMemoryApplications(outbox, new InMemoryDrafts());
    final InMemoryRound round = new InMemoryRound(applications, outbox, audit);
    final InMemoryUsedLinks used = new InMemoryUsedLinks();
    final InMemoryInterviewSchedule schedule = new InMemoryInterviewSchedule(round, used, outbox);
    final InMemoryRoles roleRecords = new InMemoryRoles();
    final InMemoryRoles roles = new InMemoryRoles();
    final SignedLink links = new SignedLink("a-test-signing-key-of-at-least-32-characters");
    final InterviewLetters letters =
            new InterviewLetters("https://staff.example.org", TestLinks.WITHDRAWAL);
    final Interviews interviews = new Interviews(roleRecords, round, schedule, clock);
    final InterviewTimes times = new InterviewTimes(interviews, schedule, clock);
    final InterviewInvitations invitations =
            new InterviewInvitations(
                    interviews, schedule, links, letters, "https://involve.example.org");
    final TeamBooking teamBooking = new TeamBooking(interviews, schedule);
    final FollowingUp followingUp =
            new FollowingUp(interviews, round, links, letters, "https://involve.example.org");
    final InterviewBooking booking =
            new InterviewBooking(links, roles, round, schedule, letters, clock);
    final Role role;

    Round() {
        this(TestRoles.dayRate(LocalDate.of(2024, 11, 16)).withStatus(RoleStatus.SHORTLISTING));
    }

    Round(Role role) {
        this.role = role;
        roleRecords.roles.put(role.id(), role);
        roles.save(role);
    }

    /** Adds an interview time through the staff form, as staff. */
    InterviewSlot addSlot(String day, String time, String minutes) {
        return ((InterviewTimes.Added)
                        times.addSlot(TestStaff.STAFF, role.id(), slotForm(day, time, minutes)))
                .slot();
    }

    /** What the staff slot form says is wrong with {@code form}. */
    Map<String, String> slotErrors(Map<String, String> form) {
        return ((InterviewTimes.Invalid) times.addSlot(TestStaff.STAFF, role.id(), form))
                .errors()
                .asMap();
    }

    /** An application invited to interview (by the shortlisting step another area owns). */
    Application invited(String reference, String email, Map<String, String> changes) {
        Map<String, String> answers = new java.util.HashMap<>(changes);
        answers.put("email", email);
        Application a =
                TestApplications.submitted(
                        role, reference, Instant.parse("2024-11-10T10:00:00Z"), answers);
        return round.add(
                a.after(
                        Application.Status.INVITED_TO_INTERVIEW,
                        Map.of("shortlist.decidedAt", "2024-11-25T10:00:00Z")));
    }

    Application invited(String reference, String email) {
        return invited(reference, email, Map.of());
    }

    Application stored(Application a) {
        return round.find(a.roleId(), a.applicantKey(), Read.CONSISTENT).orElseThrow();
    }

    /** The token in the booking link of an invitation e-mail. */
    String tokenSentTo(String reference) {
        String text = outbox.find("interview-invitation-" + reference).orElseThrow().email().text();
        return text.replaceAll(
                "(?s).*https://involve\\.example\\.org/interview/([A-Za-z0-9_.-]+).*", "$1");
    }

    static Map<String, String> slotForm(String day, String time, String minutes) {
        return Map.of(
                "date-day",
                day,
                "date-month",
                "12",
                "date-year",
                "2024",
                "startTime",
                time,
                "minutes",
                minutes);
    }

    /** The version of the list to invite, as the board read now carries it. */
    String toInviteNow() {
        return interviews.board(TestStaff.STAFF, role.id()).toInviteVersion();
    }

    /** A team booking form as the board read now posts it: with the named applicant's current version. */
    Map<String, String> readNow(Map<String, String> form) {
        Map<String, String> posted = new java.util.HashMap<>(form);
        String reference = form.getOrDefault("reference", "");
        round.findByReference(reference, org.involve.core.kit.Read.CONSISTENT)
                .ifPresent(a -> posted.put(TeamBooking.versionField(reference), a.version()));
        return posted;
    }

    /** The version of the application {@code reference} as the board read now carries it on its buttons. */
    String versionNow(String reference) {
        return round.findByReference(reference, org.involve.core.kit.Read.CONSISTENT)
                .map(Application::version)
                .orElse(null);
    }
}
