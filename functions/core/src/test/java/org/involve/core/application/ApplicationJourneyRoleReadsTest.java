package org.involve.core.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.core.application.ApplicationJourney.SectionResult;
import org.involve.core.application.ApplicationJourney.SubmitResult;
import org.involve.core.fakes.Answers;
import org.involve.core.fakes.InMemoryApplications;
import org.involve.core.fakes.InMemoryAttempts;
import org.involve.core.fakes.InMemoryDrafts;
import org.involve.core.fakes.InMemoryOutbox;
import org.involve.core.fakes.InMemoryRoles;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.RecordingMailQueue;
import org.involve.core.fakes.TestLinks;
import org.involve.core.fakes.TestRoles;
import org.involve.core.kit.Read;
import org.involve.core.monitoring.MonitoringToken;
import org.involve.core.role.RecentRoles;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;
import org.involve.core.role.RoleStatus;
import org.junit.jupiter.api.Test;

/**
 * How often the journey reads the role, and what a recent copy of it may and may not do: the draft steps (start,
 * save a section) may use a copy up to {@link RecentRoles#MAX_AGE} old, always checked against the clock; sending
 * reads the role itself every time, so a role withdrawn or edited meanwhile takes no application.
 */
class ApplicationJourneyRoleReadsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-10T10:00:00Z"));
    private final InMemoryRoles roles = new InMemoryRoles();
    private final List<String> reads = new ArrayList<>();
    private final InMemoryDrafts drafts = new InMemoryDrafts();
    private final InMemoryOutbox outbox = new InMemoryOutbox(new RecordingMailQueue());
    private final InMemoryApplications applications = new InMemoryApplications(outbox, drafts);
    private final ApplicationJourney journey =
            new ApplicationJourney(
                    counted(roles, reads),
                    drafts,
                    applications,
                    new MonitoringToken("a-test-signing-key-of-enough-length"),
                    clock,
                    new ApplyingSettings(
                            "https://involve.example.org",
                            "https://staff.involve.example.org",
                            Duration.ofDays(14),
                            Duration.ofSeconds(20)),
                    TestLinks.WITHDRAWAL,
                    new InMemoryAttempts(outbox));
    private final Role role = roles.save(TestRoles.monthly(LocalDate.of(2025, 1, 20)));

    /** The roles, noting each role read by its id. */
    private static RoleReader counted(InMemoryRoles roles, List<String> reads) {
        return new RoleReader() {
            @Override
            public Optional<Role> find(String roleId, Read read) {
                reads.add(roleId);
                return roles.find(roleId, read);
            }

            @Override
            public List<Role> published() {
                return roles.published();
            }

            @Override
            public List<Role> beingShortlisted() {
                return roles.beingShortlisted();
            }

            @Override
            public List<Role> closedBy(Instant now) {
                return roles.closedBy(now);
            }

            @Override
            public List<Role> all() {
                return roles.all();
            }
        };
    }

    /** Every section saved, as the pages post them, within a few seconds; the draft's id. */
    private String fillEverything() {
        String id = journey.start(role.id()).id();
        Map<String, String> answers = Answers.valid(role);
        for (var s : new ApplicationForm(role).sections(answers)) {
            var r = journey.saveSection(id, role.id(), s.id(), Answers.forSection(s, answers));
            assertTrue(!(r instanceof SectionResult.Invalid), () -> "section " + s.id());
        }
        return id;
    }

    @Test
    void theDraftStepsReadTheRoleOnceInItsMaxAgeAndSendingReadsItEveryTime() {
        String draft = fillEverything();
        assertEquals(List.of(role.id()), reads, "one read for the start and every section");

        clock.advance(RecentRoles.MAX_AGE);
        journey.saveSection(draft, role.id(), ApplicationForm.SUPPORT, Map.of());
        assertEquals(2, reads.size(), "a copy as old as the max age is read again");

        reads.clear();
        clock.advance(Duration.ofMinutes(5));
        assertInstanceOf(SubmitResult.Submitted.class, journey.submit(draft, role.id(), Map.of()));
        assertEquals(List.of(role.id()), reads, "sending reads the role itself, once");
    }

    @Test
    void aRoleWithdrawnMeanwhileTakesNoApplicationAndNoDraftOnceItsCopyIsOld() {
        String draft = fillEverything();
        clock.advance(Duration.ofSeconds(5));
        roles.save(role.withStatus(RoleStatus.WITHDRAWN));

        // The stated lag: a draft may still be kept for the copy's max age, but nothing sends it.
        journey.start(role.id());
        assertThrows(
                ApplicationJourney.RoleNotFound.class,
                () -> journey.submit(draft, role.id(), Map.of()));
        assertTrue(applications.applications.isEmpty());

        clock.advance(RecentRoles.MAX_AGE);
        assertThrows(ApplicationJourney.RoleNotFound.class, () -> journey.start(role.id()));
        assertThrows(
                ApplicationJourney.RoleNotFound.class,
                () -> journey.saveSection(draft, role.id(), ApplicationForm.SUPPORT, Map.of()));
    }

    @Test
    void aCopyIsNeverOpenPastTheClosingTime() {
        clock.set(Instant.parse("2025-01-20T23:59:55Z")); // 23:59:55 GMT on the closing date
        String draft = journey.start(role.id()).id();
        clock.set(Instant.parse("2025-01-21T00:00:00Z"));
        var closed =
                assertThrows(ApplicationJourney.RoleClosed.class, () -> journey.start(role.id()));
        assertEquals(role, closed.role());
        assertThrows(
                ApplicationJourney.RoleClosed.class,
                () -> journey.saveSection(draft, role.id(), ApplicationForm.SUPPORT, Map.of()));
    }

    @Test
    void aClosingDateExtendedMeanwhileIsReadAgainAtTheOldClosingTime() {
        clock.set(Instant.parse("2025-01-20T23:59:55Z"));
        journey.start(role.id());
        roles.save(role.withClosingDate(LocalDate.of(2025, 1, 27)));
        clock.set(Instant.parse("2025-01-21T00:00:00Z"));
        assertEquals(LocalDate.of(2025, 1, 27), journey.openRoleForDraft(role.id()).closingDate());
    }

    @Test
    void anAnswerSavedAgainstAnOldCopyIsCheckedAgainstTheRoleWhenSent() {
        String draft = fillEverything();
        // Staff now ask for a third referee: the copy the sections were saved against asked for
        // two.
        roles.save(TestRoles.withReferences(role, 3));
        clock.advance(Duration.ofMinutes(5));
        var incomplete =
                assertInstanceOf(
                        SubmitResult.Incomplete.class, journey.submit(draft, role.id(), Map.of()));
        assertEquals(ApplicationForm.REFEREES, incomplete.sectionId());
        assertTrue(applications.applications.isEmpty());
    }

    @Test
    void aRoleNotOpenIsNeverKept() {
        Role draftRole =
                roles.save(
                        TestRoles.unpaid(LocalDate.of(2025, 1, 30)).withStatus(RoleStatus.DRAFT));
        assertThrows(ApplicationJourney.RoleNotFound.class, () -> journey.start(draftRole.id()));
        roles.save(draftRole.withStatus(RoleStatus.OPEN));
        assertEquals(draftRole.id(), journey.start(draftRole.id()).roleId(), "published at once");
        assertThrows(ApplicationJourney.RoleNotFound.class, () -> journey.start("no-such-role"));
        assertThrows(ApplicationJourney.RoleNotFound.class, () -> journey.start("no-such-role"));
        assertEquals(4, reads.size(), "what is not open is read each time: " + reads);
    }
}
