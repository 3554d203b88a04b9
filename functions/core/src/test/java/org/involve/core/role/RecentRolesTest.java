package org.involve.core.role;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.involve.core.fakes.InMemoryRoles;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.TestRoles;
import org.junit.jupiter.api.Test;

class RecentRolesTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-10T10:00:00Z"));
    private final InMemoryRoles roles = new InMemoryRoles();
    private final RecentRoles recent = new RecentRoles(roles, clock);
    private final Role role = roles.save(TestRoles.monthly(LocalDate.of(2025, 1, 20)));

    @Test
    void anOpenRoleIsKeptForItsMaxAgeThenReadAgain() {
        assertEquals(role, recent.find(role.id()).orElseThrow());
        Role withdrawn = roles.save(role.withStatus(RoleStatus.WITHDRAWN));
        clock.advance(RecentRoles.MAX_AGE.minusMillis(1));
        assertEquals(role, recent.find(role.id()).orElseThrow(), "the copy, within its max age");
        clock.advance(Duration.ofMillis(1));
        assertEquals(withdrawn, recent.find(role.id()).orElseThrow(), "read again at its max age");
        roles.save(role);
        assertEquals(role, recent.find(role.id()).orElseThrow(), "a withdrawn role is not kept");
    }

    @Test
    void aCopyPastItsClosingTimeIsReadAgain() {
        clock.set(Instant.parse("2025-01-20T23:59:59Z"));
        assertTrue(recent.find(role.id()).orElseThrow().acceptsApplicationsAt(clock.instant()));
        Role shortlisting = roles.save(role.withStatus(RoleStatus.SHORTLISTING));
        clock.set(Instant.parse("2025-01-21T00:00:00Z"));
        assertEquals(shortlisting, recent.find(role.id()).orElseThrow());
    }

    @Test
    void aClockSetBackReadsAgain() {
        recent.find(role.id());
        Role withdrawn = roles.save(role.withStatus(RoleStatus.WITHDRAWN));
        clock.advance(Duration.ofSeconds(-1));
        assertEquals(withdrawn, recent.find(role.id()).orElseThrow());
    }

    @Test
    void aMissingRoleIsNotKept() {
        assertTrue(recent.find("not-yet").isEmpty());
        Role later = roles.save(TestRoles.unpaid(LocalDate.of(2025, 1, 30)));
        assertEquals(later, recent.find(later.id()).orElseThrow());
    }
}
