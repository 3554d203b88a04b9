package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Read;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.involve.core.shortlisting.AnonymisedApplication;
import org.involve.core.shortlisting.AnonymousIds;
import org.involve.core.shortlisting.Conflict;
import org.involve.core.shortlisting.PanelPapers;
import org.involve.core.shortlisting.Score;
import org.involve.core.shortlisting.ScoreScale;
import org.involve.core.shortlisting.ShortlistDecision;
import org.involve.core.shortlisting.ShortlistRecording;
import org.involve.core.staff.Group;
import org.involve.core.staff.StaffMember;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEnvironmentExtension.class)
class DynamoShortlistStoreTest {
    private static final StaffMember STAFF =
            new StaffMember("staff-1", "Sam Staff", "sam@example.org", Set.of(Group.STAFF));
    private final AwsEnvironment aws;
    private final DynamoAuditTrail audit;
    private final DynamoShortlistStore store;
    private final DynamoShortlistStore panelStore;
    private final DynamoRoles roles;

    DynamoShortlistStoreTest(AwsEnvironment aws) {
        this.aws = aws;
        this.audit = new DynamoAuditTrail(aws.dynamo(), aws.table("AuditTable"));
        this.store = new DynamoShortlistStore(aws.dynamo(), aws.table("ShortlistingTable"), audit);
        // The panel's function has no AUDIT_TABLE, so asking its settings for the trail fails as
        // this does.
        this.panelStore =
                new DynamoShortlistStore(
                        aws.dynamo(),
                        aws.table("ShortlistingTable"),
                        () -> {
                            throw new IllegalStateException("Setting AUDIT_TABLE is missing");
                        });
        this.roles = Samples.roles(aws);
    }

    private static AnonymisedApplication paper(String roleId, String id) {
        return new AnonymisedApplication(
                id,
                roleId,
                List.of(
                        new AnonymisedApplication.CriterionAnswer(
                                "listening", "You listen", true, "I listen [removed].")),
                "Lived",
                "Networks",
                "Interests",
                "A community group",
                true);
    }

    @Test
    void aPaperIsWrittenOnceAndReadBackWhole() {
        String role = Samples.unique("role");
        AnonymisedApplication p = paper(role, "anon-b");
        assertTrue(store.addPaper(p));
        assertFalse(
                store.addPaper(paper(role, "anon-b")),
                "a second write of the same paper is refused");
        assertTrue(panelStore.addPaper(paper(role, "anon-a")));
        assertEquals(
                List.of("anon-a", "anon-b"),
                store.papers(role).stream().map(AnonymisedApplication::applicantId).toList());
        assertEquals(p, store.papers(role).get(1));
        assertEquals(List.of(), store.forRole(role), "papers are not scores");
    }

    private static AuditEntry scored(Score score, String from) {
        return new AuditEntry(
                score.panelMemberId(),
                "scored applicant "
                        + score.applicantId()
                        + " against criterion "
                        + score.criterionId(),
                "role:" + score.roleId(),
                score.scoredAt(),
                from,
                "score " + score.points());
    }

    private void save(Score score, String from) {
        store.save(score, scored(score, from));
    }

    @Test
    void scoringAgainReplacesTheScoreAndEverySaveIsOnTheRolesAuditTrail() {
        String role = Samples.unique("role");
        store.addPaper(paper(role, "anon-a"));
        Score first = new Score(role, "anon-a", "listening", "panel-1", 1, Samples.NOW);
        Score again =
                new Score(role, "anon-a", "listening", "panel-1", 3, Samples.NOW.plusSeconds(5));
        Score other = new Score(role, "anon-a", "listening", "panel-2", 2, Samples.NOW);
        save(first, "not scored");
        save(again, "score 1");
        save(other, "not scored");
        List<Score> scores = store.forRole(role);
        assertEquals(2, scores.size());
        assertTrue(scores.contains(again));
        assertTrue(scores.contains(other));
        assertEquals(1, store.papers(role).size());
        List<AuditEntry> trail = audit.trailOf("role:" + role);
        assertEquals(3, trail.size());
        assertTrue(
                trail.containsAll(
                        List.of(
                                scored(first, "not scored"),
                                scored(other, "not scored"),
                                scored(again, "score 1"))),
                trail.toString());
        // A retry of a save that landed writes nothing more.
        save(again, "score 1");
        assertEquals(3, audit.trailOf("role:" + role).size());
    }

    @Test
    void aScoreIsNotStoredWithoutItsAuditEntry() {
        String role = Samples.unique("role");
        DynamoShortlistStore noTrail =
                new DynamoShortlistStore(
                        aws.dynamo(),
                        aws.table("ShortlistingTable"),
                        new DynamoAuditTrail(aws.dynamo(), "NoSuchAuditTable"));
        Score score = new Score(role, "anon-a", "listening", "panel-1", 2, Samples.NOW);
        assertThrows(
                RuntimeException.class, () -> noTrail.save(score, scored(score, "not scored")));
        assertEquals(List.of(), store.forRole(role), "written together or not at all");
    }

    @Test
    void theDecisionIsRecordedOnceWithItsAuditEntryAndThePanelStoreCannotRecordOne() {
        String role = Samples.unique("role");
        ShortlistDecision d =
                new ShortlistDecision(
                        role,
                        List.of("anon-a"),
                        "staff-1",
                        Samples.NOW,
                        true,
                        "Over 200 applications");
        AuditEntry entry =
                new AuditEntry(
                        "staff-1",
                        "recorded the shortlist: 1 invited to interview",
                        "role:" + role,
                        Samples.NOW,
                        "scoring",
                        "shortlist recorded");
        assertThrows(IllegalStateException.class, () -> panelStore.recordDecision(d, entry));
        assertTrue(store.decision(role).isEmpty());
        assertTrue(store.recordDecision(d, entry));
        assertFalse(
                store.recordDecision(
                        new ShortlistDecision(
                                role,
                                List.of("anon-b"),
                                "staff-2",
                                Samples.NOW.plusSeconds(1),
                                false,
                                ""),
                        new AuditEntry(
                                "staff-2",
                                "recorded the shortlist: 1 invited to interview",
                                "role:" + role,
                                Samples.NOW.plusSeconds(1),
                                "scoring",
                                "shortlist recorded")));
        assertEquals(d, store.decision(role).orElseThrow());
        assertEquals(List.of(entry), audit.trailOf("role:" + role));
    }

    @Test
    void onlyRolesBeingShortlistedAreListed() {
        Role shortlisting = Samples.role(RoleStatus.SHORTLISTING, LocalDate.of(2024, 12, 8));
        Role open = Samples.role(RoleStatus.OPEN, LocalDate.of(2024, 12, 8));
        save(shortlisting);
        save(open);
        var listed = Samples.roles(aws);
        assertTrue(
                listed.beingShortlisted().stream().anyMatch(r -> r.id().equals(shortlisting.id())));
        assertTrue(listed.beingShortlisted().stream().noneMatch(r -> r.id().equals(open.id())));
        assertEquals(shortlisting, listed.find(shortlisting.id(), Read.EVENTUAL).orElseThrow());
    }

    /** Papers from the real applications table, scored, and the shortlist recorded: the applications move on, once. */
    @Test
    void aShortlistRecordedOverDynamoDbAdvancesTheApplicationsOnce() {
        Role role = Samples.role(RoleStatus.SHORTLISTING, LocalDate.of(2024, 12, 8));
        save(role);
        DynamoOutbox outbox = Samples.outbox(aws);
        DynamoApplicationStore applications =
                new DynamoApplicationStore(
                        aws.dynamo(),
                        aws.table("ApplicationsTable"),
                        outbox,
                        new DynamoDraftStore(aws.dynamo(), aws.table("DraftsTable")));
        DynamoApplications round =
                new DynamoApplications(
                        aws.dynamo(),
                        aws.table("ApplicationsTable"),
                        outbox,
                        audit,
                        new DynamoDraftStore(aws.dynamo(), aws.table("DraftsTable")));
        Application first =
                applications
                        .submit(
                                Samples.application(role.id(), Samples.unique("a")),
                                List.of(),
                                null)
                        .application();
        Application second =
                applications
                        .submit(
                                Samples.application(role.id(), Samples.unique("b")),
                                List.of(),
                                null)
                        .application();
        AnonymousIds ids = new AnonymousIds("an-adapter-test-key-of-enough-length-here");
        PanelPapers papers = new PanelPapers(round, store, ids);
        assertEquals(2, papers.prepare(role));
        assertEquals(0, papers.prepare(role));
        for (Application a : List.of(first, second))
            for (var c : role.criteria())
                save(
                        new Score(
                                role.id(),
                                ids.of(role.id(), a.reference()),
                                c.id(),
                                "panel-1",
                                a == first ? 4 : 1,
                                Samples.NOW),
                        "not scored");

        ShortlistRecording recording =
                new ShortlistRecording(
                        Samples.roles(aws),
                        Samples.roles(aws),
                        store,
                        round,
                        ids,
                        ScoreScale.STANDARD,
                        outbox,
                        audit,
                        Clock.fixed(Samples.NOW, ZoneOffset.UTC),
                        "https://staff.example.org");
        String firstId = ids.of(role.id(), first.reference());
        var outcome =
                assertInstanceOf(
                        ShortlistRecording.Outcome.Recorded.class,
                        recording.record(
                                STAFF,
                                role.id(),
                                Set.of(firstId),
                                false,
                                "",
                                recording.proposal(STAFF, role.id()).version()));
        assertTrue(outcome.now());
        assertEquals(
                Application.Status.INVITED_TO_INTERVIEW,
                round.find(role.id(), first.applicantKey(), Read.CONSISTENT)
                        .orElseThrow()
                        .status());
        assertEquals(
                Application.Status.NOT_SHORTLISTED,
                round.find(role.id(), second.applicantKey(), Read.CONSISTENT)
                        .orElseThrow()
                        .status());
        assertEquals(
                "1",
                round.find(role.id(), first.applicantKey(), Read.CONSISTENT)
                        .orElseThrow()
                        .progress("shortlist.rank"));
        assertTrue(outbox.find("shortlist-recorded-" + role.id()).isPresent());

        var again =
                assertInstanceOf(
                        ShortlistRecording.Outcome.Recorded.class,
                        recording.record(
                                STAFF,
                                role.id(),
                                Set.of(firstId),
                                false,
                                "",
                                recording.proposal(STAFF, role.id()).version()));
        assertFalse(again.now());
        assertEquals(List.of(), again.messageIds());
        assertEquals(1, audit.trailOf("application:" + first.reference()).size());
    }

    @Test
    void aConflictIsStoredOnceWithItsAuditEntryAndReadBackByRole() {
        String role = Samples.unique("role");
        Conflict c = new Conflict(role, "anon-a", "panel-1", "I know this person", Samples.NOW);
        AuditEntry entry =
                new AuditEntry(
                        "panel-1",
                        "declared a conflict of interest with applicant anon-a",
                        "role:" + role,
                        Samples.NOW,
                        "may score",
                        "conflict of interest");
        assertTrue(store.declareConflict(c, entry));
        assertFalse(
                store.declareConflict(
                        new Conflict(role, "anon-a", "panel-1", "again", Samples.NOW), entry),
                "declared once");
        assertTrue(
                store.declareConflict(
                        new Conflict(role, "anon-b", "panel-1", "", Samples.NOW),
                        new AuditEntry(
                                "panel-1",
                                "declared a conflict of interest with applicant anon-b",
                                "role:" + role,
                                Samples.NOW,
                                "may score",
                                "conflict of interest")));
        assertEquals(
                List.of(c, new Conflict(role, "anon-b", "panel-1", "", Samples.NOW)),
                store.conflicts(role));
        assertEquals(
                List.of(entry),
                audit.trailOf("role:" + role).stream()
                        .filter(e -> e.what().endsWith("anon-a"))
                        .toList());
        assertEquals(List.of(), store.conflicts(Samples.unique("other")));
        assertTrue(store.papers(role).isEmpty(), "a conflict is not a paper");
        assertTrue(store.forRole(role).isEmpty(), "nor a score");
    }

    private void save(Role role) {
        Samples.putRole(aws, role);
    }
}
