package org.involve.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.involve.core.fakes.InMemoryAuditTrail;
import org.involve.core.fakes.TestStaff;
import org.junit.jupiter.api.Test;

class AuditEntryTest {
    private final Instant at = Instant.parse("2025-01-10T10:00:00Z");

    @Test
    void anEntryRecordsWhoWhatWhichRecordWhenAndTheStatesEitherSide() {
        AuditEntry e =
                AuditEntry.by(
                        TestStaff.STAFF,
                        "withdrew the role",
                        "role:day-rate-role",
                        at,
                        "OPEN",
                        "WITHDRAWN");
        assertEquals(
                new AuditEntry(
                        "staff-0001",
                        "withdrew the role",
                        "role:day-rate-role",
                        at,
                        "OPEN",
                        "WITHDRAWN"),
                e);
    }

    @Test
    void anEntryForSomethingNewHasNoStateBefore() {
        assertNull(
                AuditEntry.by(TestStaff.STAFF, "appointed", "appointment:x", at, null, "ACTIVE")
                        .fromState());
    }

    @Test
    void aScheduledJobIsRecordedAsTheScheduler() {
        assertEquals(
                "scheduler:closing-run",
                AuditEntry.byJob("closing-run", "closed", "role:x", at, "OPEN", "SHORTLISTING")
                        .who());
    }

    @Test
    void anEntryIsAlwaysOneLineSoItCannotPassForTwo() {
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new AuditEntry(
                                "staff-1",
                                "closed\nstaff-2 appointed",
                                "role:x",
                                at,
                                "OPEN",
                                "SHORTLISTING"));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new AuditEntry(
                                "staff-1", "closed", "role:x\u2028", at, "OPEN", "SHORTLISTING"));
    }

    @Test
    void anEntryNeedsEveryPartButTheStateBefore() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new AuditEntry(" ", "closed", "role:x", at, "OPEN", "SHORTLISTING"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new AuditEntry("staff-1", "closed", "role:x", null, "OPEN", "SHORTLISTING"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new AuditEntry("staff-1", "closed", "role:x", at, "OPEN", null));
    }

    @Test
    void theTrailCanOnlyBeAppendedTo() {
        List<String> methods =
                Arrays.stream(AuditTrail.class.getDeclaredMethods()).map(Method::getName).toList();
        assertEquals(List.of("append"), methods);
    }

    @Test
    void entriesAreKeptInTheOrderTheyHappened() {
        InMemoryAuditTrail trail = new InMemoryAuditTrail();
        trail.append(AuditEntry.by(TestStaff.STAFF, "published", "role:x", at, "DRAFT", "OPEN"));
        trail.append(
                AuditEntry.byJob(
                        "closing-run",
                        "closed",
                        "role:x",
                        at.plusSeconds(60),
                        "OPEN",
                        "SHORTLISTING"));
        assertEquals(
                List.of("OPEN", "SHORTLISTING"),
                trail.entries().stream().map(AuditEntry::toState).toList());
    }
}
