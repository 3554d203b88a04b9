package org.involve.core.partners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.Round;
import org.involve.core.fakes.TestPartnerLetters;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.role.Role;
import org.involve.core.staff.AccessDenied;
import org.junit.jupiter.api.Test;

class PartnerDirectoryTest {
    static final Instant NOW = Instant.parse("2026-05-04T09:00:00Z");
    private final Round r = new Round();
    private final MutableClock clock = new MutableClock(NOW);
    private final PartnerChanges changes =
            new PartnerChanges(
                    r.partners,
                    r.roles,
                    r.round,
                    TestPartnerLetters.letters("https://staff.example"),
                    clock);
    private final PartnerDirectory directory = new PartnerDirectory(r.partners, r.roles, changes);
    private final Role scg = r.role(TestRoles.dayRate(LocalDate.of(2026, 1, 20)));
    private final Role lep = r.role(TestRoles.monthly(LocalDate.of(2026, 1, 20)));
    private final String one = appoint(scg), two = appoint(scg), three = appoint(lep);

    private String appoint(Role role) {
        Application a = r.applicant(role, Application.Status.REFERENCES_RECEIVED);
        Appointment made =
                ((Appointment.Outcome.Appointed)
                                Appointment.appoint(
                                        new Offer(role, a, LocalDate.of(2026, 3, 1), true, false),
                                        List.of(),
                                        TestStaff.STAFF,
                                        NOW))
                        .appointment();
        r.partners.appoint(a, made, Map.of(), List.of(), List.of());
        return made.id();
    }

    private List<String> ids(PartnerDirectory.Filter f) {
        return directory.find(TestStaff.STAFF, f).stream()
                .map(x -> x.partner().id())
                .sorted()
                .toList();
    }

    @Test
    void partnersAreFoundByRoleProgrammeAndStatus() {
        changes.act(PartnerChanges.Actor.partner(), two, PartnerChanges.PAUSE, Map.of());
        assertEquals(
                List.of(one, two, three).stream().sorted().toList(),
                ids(PartnerDirectory.Filter.of("", "", "")));
        assertEquals(
                List.of(one, two).stream().sorted().toList(),
                ids(PartnerDirectory.Filter.of("", scg.id(), null)));
        assertEquals(List.of(two), ids(PartnerDirectory.Filter.of(null, null, "PAUSED")));
        assertEquals(
                List.of(three), ids(PartnerDirectory.Filter.of("Thinking group", null, "ACTIVE")));
        assertEquals(List.of(), ids(PartnerDirectory.Filter.of("Thinking group", scg.id(), null)));
        assertEquals(
                List.of("Co-production group", "Thinking group"),
                directory.choices(TestStaff.STAFF).programmes());
        assertThrows(
                AccessDenied.class,
                () ->
                        directory.find(
                                TestStaff.PANEL_A, PartnerDirectory.Filter.of(null, null, null)));
    }
}
